using System.Security.Claims;
using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Identity;
using Parcours.Identity.SigningIn;
using Parcours.Reference;
using Parcours.Tests.Support;

namespace Parcours.Tests.Identity;

/// <summary>Sign-in through OpenID Connect, the development provider, and the choice of structure.</summary>
public sealed class SignInTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_development_provider_publishes_its_metadata_with_the_code_flow_and_pkce_s256_only()
    {
        var result = await Host.Scenario(s => s.Get.Url("/.well-known/openid-configuration"));
        var metadata = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;

        Assert.Equal("http://localhost/", metadata.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/idp/authorize", metadata.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/idp/endsession", metadata.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["authorization_code"], metadata.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["S256"], metadata.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task the_sign_in_page_sends_people_to_the_provider_with_a_code_request_and_a_pkce_challenge()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/connexion?ReturnUrl=%2Fdossiers%2Fnouveau");
            s.StatusCodeShouldBe(302);
        });
        var location = new Uri(result.Context.Response.Headers.Location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);

        Assert.Equal("http://localhost/idp/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Equal("parcours", query["client_id"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.NotEmpty(query["code_challenge"].ToString());
        Assert.Contains("email", query["scope"].ToString().Split(' '));
    }

    [Fact]
    public async Task the_provider_asks_who_is_signing_in_before_issuing_a_code()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(Authorize("parcours", "http://localhost/signin-oidc"));
            s.StatusCodeShouldBe(302);
        });

        Assert.StartsWith("http://localhost/idp/connexion?ReturnUrl=%2Fidp%2Fauthorize", result.Context.Response.Headers.Location.ToString());
    }

    [Theory]
    [InlineData("autre-client", "http://localhost/signin-oidc", 401)]
    [InlineData("parcours", "http://attaquant.example/signin-oidc", 400)]
    [InlineData("parcours", "http://localhost/ailleurs", 400)]
    public async Task the_provider_refuses_a_client_or_a_callback_it_does_not_know(string clientId, string redirectUri, int status)
    {
        // An error page at the provider: never a redirection to an unknown callback.
        await Host.Scenario(s =>
        {
            s.Get.Url(Authorize(clientId, redirectUri));
            s.StatusCodeShouldBe(status);
        });
    }

    [Fact]
    public async Task after_the_provider_one_habilitation_is_taken_several_are_offered_and_none_is_explained()
    {
        await using var session = Store.QuerySession();
        SignedInPerson Person(string email) => new("sub", email, "Quelqu'un");

        Assert.Equal((Staff.PreReferent.StructureId, "/dossiers/nouveau"),
            await StructureChoice.AfterSignInAsync(session, Person(Staff.PreReferent.Email), "/dossiers/nouveau", default));
        Assert.Equal((null, "/connexion/structure?returnUrl=%2Fdossiers%2Fnouveau"),
            await StructureChoice.AfterSignInAsync(session, Person(Staff.CcasSocialWorker.Email), "/dossiers/nouveau", default));
        Assert.Equal((null, "/sans-habilitation"),
            await StructureChoice.AfterSignInAsync(session, Person("inconnu@exemple.fr"), "/", default));
        // Never back to another site.
        Assert.Equal((Staff.PreReferent.StructureId, "/"),
            await StructureChoice.AfterSignInAsync(session, Person(Staff.PreReferent.Email), "//attaquant.example/", default));
    }

    [Fact]
    public async Task a_person_with_several_habilitations_chooses_a_structure_before_seeing_any_page()
    {
        var result = await Host.Scenario(s =>
        {
            SignedInWithoutStructure(s, Staff.CcasSocialWorker);
            s.Get.Url("/dossiers/nouveau");
            s.StatusCodeShouldBe(302);
        });
        Assert.Equal("/connexion/structure?returnUrl=%2Fdossiers%2Fnouveau", result.Context.Response.Headers.Location.ToString());

        var page = await Host.Scenario(s =>
        {
            SignedInWithoutStructure(s, Staff.CcasSocialWorker);
            s.Get.Url("/connexion/structure?returnUrl=%2Fdossiers%2Fnouveau");
            s.StatusCodeShouldBe(200);
        });
        var html = await page.ReadAsTextAsync();
        Assert.Contains("CCAS de Calais", html);
        Assert.Contains("SAS Coluche", html);
        Assert.DoesNotContain("Programme de Réussite Éducative", html);
    }

    [Fact]
    public async Task a_deactivated_habilitation_is_not_offered()
    {
        await using (var session = Store.LightweightSession())
        {
            var sas = (await session.LoadAsync<Habilitation>(Staff.CcasSocialWorkerAtSas.Id))!;
            sas.Active = false;
            session.Store(sas);
            await session.SaveChangesAsync();
        }
        await using var query = Store.QuerySession();

        var habilitations = await StructureChoice.ActiveHabilitationsAsync(query, Staff.CcasSocialWorker.Email, default);

        Assert.Equal([Structures.Ccas], habilitations.Select(h => h.StructureId));
    }

    [Fact]
    public async Task a_person_without_any_habilitation_is_sent_to_the_explanation()
    {
        await Host.Scenario(s =>
        {
            s.WithClaim(new Claim("email", "inconnu@exemple.fr"));
            s.Get.Url("/connexion/structure");
            s.StatusCodeShouldBe(302);
            s.Header("Location").SingleValueShouldEqual("/sans-habilitation");
        });
    }

    [Fact]
    public async Task a_session_without_an_email_sees_no_page_whatever_its_subject()
    {
        await Host.Scenario(s =>
        {
            s.WithClaim(new Claim("sub", Staff.PreReferent.Id.ToString()));
            s.WithClaim(new Claim(CurrentWorker.StructureClaim, Staff.PreReferent.StructureId.ToString()));
            s.Get.Url("/");
            s.StatusCodeShouldBe(302);
            s.Header("Location").SingleValueShouldEqual("/sans-habilitation");
        });
    }

    private static void SignedInWithoutStructure(Scenario scenario, Habilitation worker)
    {
        scenario.WithClaim(new Claim("sub", "dev-x"));
        scenario.WithClaim(new Claim("email", worker.Email));
        scenario.WithClaim(new Claim("name", worker.DisplayName));
    }

    private static string Authorize(string clientId, string redirectUri) =>
        QueryHelpers.AddQueryString("/idp/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid email profile",
            ["code_challenge"] = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            ["code_challenge_method"] = "S256",
            ["state"] = "etat",
            ["nonce"] = "nonce",
        });
}
