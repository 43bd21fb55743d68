using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Parcours.Identity.SigningIn;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Parcours.Identity.DevelopmentProvider;

/// <summary>
/// A real OpenID Connect provider for a developer's machine and the tests (OpenIddict), served
/// by Parcours itself: discovery at <c>/.well-known/openid-configuration</c>, authorization code
/// + PKCE, userinfo, end-session. Its directory is the e-mails Parcours knows (the demo staff
/// and any habilitation an administrator adds) and any e-mail typed on its sign-in page; it
/// checks no password. OpenIddict runs in degraded mode (no stores): the only client is
/// Parcours itself, checked by the handlers below; codes are self-contained and keys are
/// ephemeral, so tokens do not survive a restart (the Parcours session does).
/// </summary>
public static class DevelopmentProviderConfiguration
{
    public const string CookieScheme = "ParcoursIdp";
    public const string SignInPath = "/idp/connexion";
    public const string AuthorizePath = "/idp/authorize";
    public const string EndSessionPath = "/idp/endsession";

    /// <summary>Where the Parcours OpenID Connect handler receives the code and the end of a sign-out.</summary>
    private const string CallbackPath = "/signin-oidc";
    private const string SignedOutCallbackPath = "/signout-callback-oidc";

    public static void AddDevelopmentProvider(this IServiceCollection services, SignInSettings settings)
    {
        services.AddAuthentication().AddCookie(CookieScheme, options =>
        {
            options.Cookie.Name = "parcours-idp";
            options.Cookie.Path = "/idp";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = SignInPath;
        });

        services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris(AuthorizePath[1..])
                .SetTokenEndpointUris("idp/token")
                .SetUserInfoEndpointUris("idp/userinfo")
                .SetEndSessionEndpointUris(EndSessionPath[1..])
                .SetJsonWebKeySetEndpointUris("idp/jwks");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.Email, Scopes.Profile);
            options.RegisterClaims(Claims.Email, Claims.EmailVerified, Claims.Name, Claims.GivenName, Claims.FamilyName, Claims.PreferredUsername);
            // PKCE with S256 only, as a real provider should.
            options.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            // API clients validate access tokens themselves (JWT bearer): signed, not encrypted.
            options.DisableAccessTokenEncryption();
            options.EnableDegradedMode();
            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();

            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != settings.ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (!IsOwn(context.RedirectUri, context.BaseUri, CallbackPath))
                {
                    context.Reject(Errors.InvalidRequest, "Unknown redirect_uri.");
                }
                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != settings.ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (settings.ClientSecret is { } secret && context.ClientSecret != secret)
                {
                    context.Reject(Errors.InvalidClient, "Invalid client secret.");
                }
                return default;
            }));
            options.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && !IsOwn(uri, context.BaseUri, SignedOutCallbackPath))
                {
                    context.Reject(Errors.InvalidRequest, "Unknown post_logout_redirect_uri.");
                }
                return default;
            }));
        });
        services.AddOptions<OpenIddictServerOptions>().Configure<SelfAuthority>((options, self) => options.Issuer = self.Value);
    }

    public static void MapDevelopmentProvider(this IEndpointRouteBuilder app)
    {
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Signs the person in at the provider first (its own page), then issues the code.</summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http, DevelopmentDirectory directory, SignInSettings settings)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await http.AuthenticateAsync(CookieScheme);
        if (!signedIn.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            // Back here once signed in, without the prompt that sent the person to the sign-in page.
            var parameters = request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt)
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = AuthorizePath + QueryString.Create(parameters) }, [CookieScheme]);
        }

        var email = signedIn.Principal.FindFirst(Claims.Email)?.Value ?? "";
        var account = await directory.FindAsync(email, http.RequestAborted);
        var principal = account.Principal(request.GetScopes(), settings.Audience);
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Ends the provider's session, then sends the person back to Parcours.</summary>
    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>A callback of Parcours itself: same site as the provider (any loopback name for the same port), the expected path.</summary>
    private static bool IsOwn(string? uri, Uri? baseUri, string path) =>
        baseUri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var target)
        && string.IsNullOrEmpty(target.Query) && string.IsNullOrEmpty(target.Fragment)
        && target.AbsolutePath == path
        && target.Scheme == baseUri.Scheme
        && (target.Authority == baseUri.Authority || (target.IsLoopback && baseUri.IsLoopback && target.Port == baseUri.Port));
}
