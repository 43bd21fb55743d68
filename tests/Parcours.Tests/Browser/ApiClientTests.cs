using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using Parcours.Identity;
using Parcours.Identity.SigningIn;
using Parcours.Reference;

namespace Parcours.Tests.Browser;

/// <summary>An API client signs its user in at the development provider (code + PKCE) and calls the API with the access token.</summary>
public sealed class ApiClientTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task an_access_token_from_the_provider_opens_the_api_for_the_structure_named_in_the_header()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = $"{Fixture.BaseUrl}/signin-oidc";
        await Page.GotoAsync(QueryHelpers.AddQueryString("/idp/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "parcours", ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = "openid email profile",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "etat",
        }));
        // The provider sends the browser to the client's callback with the code: that is all this client needs.
        var callback = Page.WaitForRequestAsync(request => request.Url.StartsWith(redirectUri + "?"));
        await ChooseAtProviderAsync(Page, Staff.CcasSocialWorker);
        var code = QueryHelpers.ParseQuery(new Uri((await callback).Url).Query)["code"].ToString();

        using var http = new HttpClient { BaseAddress = new Uri(Fixture.BaseUrl) };
        using var exchange = await http.PostAsync("/idp/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri, ["client_id"] = "parcours",
            ["code_verifier"] = verifier,
        }));
        exchange.EnsureSuccessStatusCode();
        var accessToken = JsonDocument.Parse(await exchange.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();

        async Task<int> CallAsync(Guid? structure)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/pathways");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            if (structure is { } id) request.Headers.Add(Authentication.StructureHeader, id.ToString());
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }

        Assert.Equal(403, await CallAsync(null));
        Assert.Equal(200, await CallAsync(Structures.SasColuche));
        Assert.Equal(403, await CallAsync(Structures.PreCalais));

        // The same code cannot be exchanged without its verifier.
        using var stolen = await http.PostAsync("/idp/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri, ["client_id"] = "parcours",
            ["code_verifier"] = Base64Url(RandomNumberGenerator.GetBytes(32)),
        }));
        Assert.Equal(400, (int)stolen.StatusCode);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
