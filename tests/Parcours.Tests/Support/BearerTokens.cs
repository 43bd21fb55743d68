using System.Security.Claims;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Parcours.Identity.SigningIn;

namespace Parcours.Tests.Support;

/// <summary>
/// Access tokens as an API client would bring them: signed with the development provider's own
/// key (or another, to be refused), with whatever claims the test needs.
/// </summary>
public static class BearerTokens
{
    public static string Issuer => "http://localhost/";

    public static string Token(this IAlbaHost host, IEnumerable<Claim> claims, string? audience = null, SigningCredentials? signedWith = null,
        DateTime? expires = null)
    {
        var server = host.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? host.Services.GetRequiredService<SignInSettings>().Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = (expires ?? DateTime.UtcNow.AddMinutes(5)).AddMinutes(-10),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(5)).AddMinutes(-10),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = signedWith ?? server.SigningCredentials.First(),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A key the provider never published.</summary>
    public static SigningCredentials ForeignKey() =>
        new(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "foreign" }, SecurityAlgorithms.RsaSha256);

    public static Scenario WithBearer(this Scenario scenario, string token, Guid? structure = null)
    {
        scenario.WithRequestHeader("Authorization", $"Bearer {token}");
        if (structure is { } id) scenario.WithRequestHeader(Authentication.StructureHeader, id.ToString());
        return scenario;
    }
}
