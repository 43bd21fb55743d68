using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Parcours.Identity.DevelopmentProvider;

namespace Parcours.Identity.SigningIn;

/// <summary>
/// People sign in with OpenID Connect (authorization code + PKCE) into a cookie session; API
/// clients send a JWT bearer token from the same authority on <c>/api/*</c>. Either way the
/// principal ends up with <c>email</c>, <c>name</c> and, once known, <c>parcours:structure</c>,
/// and <see cref="CurrentWorker.ResolveAsync"/> decides access from the habilitations.
/// </summary>
public static class Authentication
{
    public const string Scheme = "Parcours";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string People = OpenIdConnectDefaults.AuthenticationScheme;
    public const string ApiClients = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>An API client may name the structure it acts for when its token does not.</summary>
    public const string StructureHeader = "X-Parcours-Structure";

    public const string SignInPath = "/connexion";
    public const string SignInFailedPath = "/connexion/echec";
    public const string SignedOutPath = "/deconnexion/terminee";

    public static SignInSettings AddParcoursAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = SignInSettings.From(configuration, environment);
        services.AddSingleton(settings);
        services.AddSingleton<SelfAuthority>();

        var builder = services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultSignInScheme = Cookie;
                options.DefaultSignOutScheme = Cookie;
            })
            .AddPolicyScheme(Scheme, "Parcours", options => options.ForwardDefaultSelector = context =>
                settings.IsConfigured && context.Request.Path.StartsWithSegments("/api")
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiClients
                    : Cookie)
            .AddCookie(Cookie, options =>
            {
                options.LoginPath = SignInPath;
                options.Cookie.Name = "parcours";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // A working day, renewed while the person works; an idle session ends.
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    else context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            });

        if (!settings.IsConfigured) return settings;

        builder.AddOpenIdConnect(People, options =>
        {
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            // The code comes back in the query: a top-level GET carries the Lax correlation cookies over plain http too.
            options.ResponseMode = "query";
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.MapInboundClaims = false;
            options.SaveTokens = true;
            // ProConnect sends the person's attributes from the userinfo endpoint only.
            options.GetClaimsFromUserInfoEndpoint = true;
            foreach (var claim in new[] { "usual_name", "siret", "uid", "preferred_username", "email_verified" })
            {
                options.ClaimActions.MapUniqueJsonKey(claim, claim);
            }
            options.Scope.Clear();
            foreach (var scope in settings.Scopes) options.Scope.Add(scope);
            options.TokenValidationParameters.NameClaimType = SignInClaims.Name;
            if (settings.Authority is { } authority)
            {
                options.Authority = authority;
                options.RequireHttpsMetadata = !SignInSettings.IsLoopbackHttp(authority);
            }
            options.Events.OnTicketReceived = ReceiveTicketAsync;
            options.Events.OnRemoteFailure = context =>
            {
                context.HandleResponse();
                context.Response.Redirect(SignInFailedPath);
                return Task.CompletedTask;
            };
        });

        builder.AddJwtBearer(ApiClients, options =>
        {
            options.MapInboundClaims = false;
            options.Audience = settings.Audience;
            options.TokenValidationParameters.NameClaimType = SignInClaims.Name;
            if (settings.Authority is { } authority)
            {
                options.Authority = authority;
                options.RequireHttpsMetadata = !SignInSettings.IsLoopbackHttp(authority);
            }
            options.Events = new JwtBearerEvents { OnTokenValidated = ValidateBearerAsync };
        });

        if (settings.DevelopmentProvider)
        {
            services.AddOptions<OpenIdConnectOptions>(People).Configure<SelfAuthority>((options, self) =>
            {
                options.Authority = self.Value.ToString();
                options.RequireHttpsMetadata = !SignInSettings.IsLoopbackHttp(options.Authority);
            });
            services.AddOptions<JwtBearerOptions>(ApiClients).Configure<SelfAuthority>((options, self) =>
            {
                options.Authority = self.Value.ToString();
                options.RequireHttpsMetadata = !SignInSettings.IsLoopbackHttp(options.Authority);
            });
            services.AddDevelopmentProvider(settings);
        }
        return settings;
    }

    /// <summary>Keeps only the person's e-mail and name, and their structure when it goes without saying.</summary>
    private static async Task ReceiveTicketAsync(TicketReceivedContext context)
    {
        if (SignInClaims.Read(context.Principal?.Claims ?? []) is not { } person)
        {
            context.HandleResponse();
            context.Response.Redirect($"{SignInFailedPath}?motif=adresse");
            return;
        }
        var session = context.HttpContext.RequestServices.GetRequiredService<IQuerySession>();
        var (structure, next) = await StructureChoice.AfterSignInAsync(session, person, context.ReturnUri, context.HttpContext.RequestAborted);
        context.Principal = SignInClaims.Principal(person, Cookie, structure);
        context.ReturnUri = next;
    }

    /// <summary>
    /// A token acts for one structure: its own <c>parcours:structure</c> claim, else the
    /// <c>X-Parcours-Structure</c> header, else the person's only active habilitation. A header
    /// contradicting the token's claim is refused rather than widening the token.
    /// </summary>
    private static async Task ValidateBearerAsync(Microsoft.AspNetCore.Authentication.JwtBearer.TokenValidatedContext context)
    {
        var principal = context.Principal ?? new ClaimsPrincipal();
        if (SignInClaims.Read(principal.Claims) is not { } person)
        {
            context.Fail("The token carries no verified e-mail.");
            return;
        }
        var claimed = principal.FindFirstValue(CurrentWorker.StructureClaim);
        var header = context.Request.Headers[StructureHeader].ToString();
        if (claimed is not null && header.Length > 0 && !string.Equals(claimed, header, StringComparison.OrdinalIgnoreCase))
        {
            context.Fail("The X-Parcours-Structure header contradicts the token's structure.");
            return;
        }
        Guid? structure = Guid.TryParse(claimed ?? header, out var parsed) ? parsed : null;
        if (structure is null && claimed is null && header.Length == 0)
        {
            var session = context.HttpContext.RequestServices.GetRequiredService<IQuerySession>();
            var habilitations = await StructureChoice.ActiveHabilitationsAsync(session, person.Email, context.HttpContext.RequestAborted);
            if (habilitations.Count == 1) structure = habilitations[0].StructureId;
            LoadedHabilitations.Remember(context.HttpContext, habilitations);
        }
        context.Principal = SignInClaims.Principal(person, ApiClients, structure);
    }
}
