namespace Parcours.Identity.SigningIn;

/// <summary>
/// Where people and API clients sign in. <c>Parcours:Authority</c> names an OpenID Connect
/// provider (ProConnect, a Keycloak realm...); without it, and on a developer machine, Parcours
/// serves its own development provider and is its own authority.
/// </summary>
public sealed record SignInSettings(
    string? Authority,
    string ClientId,
    string? ClientSecret,
    string Audience,
    IReadOnlyList<string> Scopes,
    bool DevelopmentProvider)
{
    public const string DefaultClientId = "parcours";

    /// <summary>Some way to sign in exists (otherwise the sign-in page says so).</summary>
    public bool IsConfigured => Authority is not null || DevelopmentProvider;

    public static SignInSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var authority = Blank(configuration["Parcours:Authority"]);
        var clientId = Blank(configuration["Parcours:ClientId"]) ?? DefaultClientId;
        var scopes = Blank(configuration["Parcours:Scopes"]) ?? "openid profile email";
        return new SignInSettings(
            authority,
            clientId,
            Blank(configuration["Parcours:ClientSecret"]),
            Blank(configuration["Parcours:Audience"]) ?? clientId,
            scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            authority is null && DevelopmentSignIn.IsEnabled(configuration, environment));
    }

    /// <summary>Metadata may be fetched over plain http only from this machine.</summary>
    public static bool IsLoopbackHttp(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
