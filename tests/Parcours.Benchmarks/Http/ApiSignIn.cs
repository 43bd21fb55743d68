using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Parcours.Identity;
using Parcours.Identity.SigningIn;

namespace Parcours.Benchmarks.Http;

/// <summary>A signed-in API client's credentials: its bearer token and, for a person with several habilitations, the structure it acts for.</summary>
public sealed record ApiCredentials(Habilitation Worker, string AccessToken, Guid? Structure)
{
    /// <summary>Adds the credentials to a request, as every request of an API client carries them.</summary>
    public HttpRequestMessage Sign(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        if (Structure is { } structure) request.Headers.Add(Authentication.StructureHeader, structure.ToString());
        return request;
    }
}

/// <summary>
/// Signs a person in as a real API client does, at Parcours' development OpenID Connect provider:
/// authorization code with PKCE through <c>/idp/authorize</c>, the provider's own sign-in form
/// (with its antiforgery token), the code taken from the redirect to the client's callback, then
/// exchanged at <c>/idp/token</c> for an access token. Parcours then validates that JWT and loads
/// the habilitation on every request: the sign-in part of the command path.
/// </summary>
public static partial class ApiSignIn
{
    private const string ClientId = SignInSettings.DefaultClientId;

    public static async Task<ApiCredentials> SignInAsync(Uri baseUrl, Habilitation worker, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl };

        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = new Uri(baseUrl, "/signin-oidc").ToString();
        var authorize = QueryHelpers.AddQueryString("/idp/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = "openid email profile",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "benchmark",
        });

        // Not signed in at the provider yet: sent to its sign-in page, which posts back with the antiforgery token.
        var signInPage = await RedirectOfAsync(http, authorize, "the provider's sign-in page", ct);
        var page = await http.GetStringAsync(signInPage, ct);
        var token = AntiforgeryField().Match(page) is { Success: true } found
            ? WebUtility.HtmlDecode(found.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on the provider's sign-in page.");
        var returnUrl = QueryHelpers.ParseQuery(new Uri(baseUrl, signInPage).Query)["ReturnUrl"].ToString();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = worker.Email, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        });
        using (var posted = await http.PostAsync(signInPage, form, ct))
        {
            if (posted.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Provider sign-in answered {(int)posted.StatusCode}.");
        }

        // Signed in at the provider: the authorization endpoint sends the code to the client's callback.
        var callback = await RedirectOfAsync(http, returnUrl, "the client's callback", ct);
        var code = QueryHelpers.ParseQuery(new Uri(baseUrl, callback).Query)["code"].ToString();
        using var exchange = await http.PostAsync("/idp/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri, ["client_id"] = ClientId, ["code_verifier"] = verifier,
        }), ct);
        exchange.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await exchange.Content.ReadAsStringAsync(ct));
        var accessToken = json.RootElement.GetProperty("access_token").GetString()!;
        var several = Staff.All.Count(s => s.Email == worker.Email && s.Active) > 1;
        return new ApiCredentials(worker, accessToken, several ? worker.StructureId : null);
    }

    private static async Task<string> RedirectOfAsync(HttpClient http, string url, string expected, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location
            ? location.ToString()
            : throw new InvalidOperationException($"Expected a redirect to {expected} from {url}, got {(int)response.StatusCode}.");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
