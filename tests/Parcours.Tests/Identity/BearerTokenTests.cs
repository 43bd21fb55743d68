using System.Security.Claims;
using Parcours.Identity;
using Parcours.Reference;
using Parcours.Tests.Support;

namespace Parcours.Tests.Identity;

/// <summary>
/// API clients bring a JWT access token from the same authority: its e-mail and a structure
/// (token claim, X-Parcours-Structure header, or the person's only habilitation) select the
/// habilitation, exactly as for a person's session.
/// </summary>
public sealed class BearerTokenTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static Claim[] Keycloak(Habilitation worker) =>
    [
        new("sub", "f3d0a1b2"), new("email", worker.Email), new("email_verified", "true", ClaimValueTypes.Boolean),
        new("given_name", worker.DisplayName.Split(' ')[0]), new("family_name", worker.DisplayName.Split(' ')[1]),
        new("preferred_username", worker.Email),
    ];

    private async Task<int> StatusOf(string token, Guid? structureHeader = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.WithBearer(token, structureHeader);
            s.Get.Url("/api/pathways");
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    [Fact]
    public async Task a_token_for_a_person_with_one_habilitation_acts_for_that_structure()
    {
        var id = await Host.Referred(Scenarios.PreReferral());
        var token = Host.Token(Keycloak(Staff.PreCoordinator));

        var result = await Host.Scenario(s =>
        {
            s.WithBearer(token);
            s.Get.Url($"/api/pathways/{id}");
            s.StatusCodeShouldBe(200);
        });
        Assert.Contains(id.ToString(), await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task a_person_habilitated_in_two_structures_names_one_in_the_header_or_in_the_token()
    {
        var token = Host.Token(Keycloak(Staff.CcasSocialWorker));
        Assert.Equal(403, await StatusOf(token));
        Assert.Equal(200, await StatusOf(token, Structures.SasColuche));
        Assert.Equal(200, await StatusOf(token, Structures.Ccas));
        Assert.Equal(403, await StatusOf(token, Structures.PreCalais));

        var scoped = Host.Token([.. Keycloak(Staff.CcasSocialWorker), new Claim(CurrentWorker.StructureClaim, Structures.Ccas.ToString())]);
        Assert.Equal(200, await StatusOf(scoped));
        Assert.Equal(200, await StatusOf(scoped, Structures.Ccas));
        // The header cannot move a token to another structure.
        Assert.Equal(401, await StatusOf(scoped, Structures.SasColuche));
    }

    [Fact]
    public async Task a_proconnect_shaped_token_is_read_like_a_keycloak_one()
    {
        var token = Host.Token([
            new("sub", "pc-123"), new("email", Staff.FranceTravailAdviser.Email.ToUpperInvariant()), new("given_name", "Pierre"),
            new("usual_name", "Caron"), new("siret", "13000548100010"), new("uid", "987"),
        ]);

        Assert.Equal(200, await StatusOf(token));
    }

    [Fact]
    public async Task a_subject_alone_grants_nothing()
    {
        var token = Host.Token([new("sub", Staff.PreReferent.Id.ToString()), new(CurrentWorker.StructureClaim, Structures.PreCalais.ToString())]);

        Assert.Equal(401, await StatusOf(token));
    }

    [Fact]
    public async Task an_unverified_email_grants_nothing()
    {
        var token = Host.Token([new("sub", "x"), new("email", Staff.PreReferent.Email), new("email_verified", "false", ClaimValueTypes.Boolean)]);

        Assert.Equal(401, await StatusOf(token));
    }

    [Fact]
    public async Task a_token_for_another_audience_signed_by_another_key_or_expired_is_refused()
    {
        Assert.Equal(200, await StatusOf(Host.Token(Keycloak(Staff.PreReferent))));
        Assert.Equal(401, await StatusOf(Host.Token(Keycloak(Staff.PreReferent), audience: "une-autre-api")));
        Assert.Equal(401, await StatusOf(Host.Token(Keycloak(Staff.PreReferent), signedWith: BearerTokens.ForeignKey())));
        Assert.Equal(401, await StatusOf(Host.Token(Keycloak(Staff.PreReferent), expires: DateTime.UtcNow.AddMinutes(-30))));
    }

    [Fact]
    public async Task a_token_for_someone_without_habilitation_is_forbidden()
    {
        var token = Host.Token([new("sub", "x"), new("email", "inconnu@exemple.fr")]);

        Assert.Equal(403, await StatusOf(token));
    }
}
