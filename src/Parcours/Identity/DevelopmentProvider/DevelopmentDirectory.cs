using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Marten;
using OpenIddict.Abstractions;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Parcours.Identity.DevelopmentProvider;

/// <summary>A person as the development provider knows them: an e-mail and a name.</summary>
public sealed record DevelopmentAccount(string Email, string GivenName, string FamilyName)
{
    /// <summary>Stable per e-mail, like a real provider's subject (and as useless for access).</summary>
    public string Subject => "dev-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Email)))[..20];

    public string Name => $"{GivenName} {FamilyName}".Trim();

    /// <summary>The claims a Keycloak realm would send, to the ID token, the access token and userinfo.</summary>
    public ClaimsPrincipal Principal(IEnumerable<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, Subject)
            .SetClaim(Claims.Email, Email)
            .SetClaim(Claims.EmailVerified, true)
            .SetClaim(Claims.Name, Name)
            .SetClaim(Claims.GivenName, GivenName)
            .SetClaim(Claims.FamilyName, FamilyName)
            .SetClaim(Claims.PreferredUsername, Email);
        identity.SetScopes(scopes);
        identity.SetResources(audience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>
/// The development provider's directory: the people Parcours has habilitations for (demo staff
/// included), grouped by structure for the sign-in page, and any other e-mail as is.
/// </summary>
public sealed class DevelopmentDirectory(IQuerySession session)
{
    public sealed record Entry(Guid StructureId, string StructureName, IReadOnlyList<Habilitation> People);

    public async Task<IReadOnlyList<Entry>> ListAsync(CancellationToken ct)
    {
        var habilitations = await session.Query<Habilitation>().ToListAsync(ct);
        var structures = (await session.Query<Reference.Structure>().ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        return habilitations
            .GroupBy(h => h.StructureId)
            .Select(g => new Entry(g.Key, structures.GetValueOrDefault(g.Key, "Structure inconnue"), g.OrderBy(h => h.DisplayName).ToList()))
            .OrderBy(e => e.StructureName)
            .ToList();
    }

    public async Task<DevelopmentAccount> FindAsync(string email, CancellationToken ct)
    {
        var normalised = Habilitation.NormaliseEmail(email);
        var known = await session.Query<Habilitation>().FirstOrDefaultAsync(h => h.Email == normalised, ct);
        var name = known?.DisplayName ?? normalised.Split('@')[0];
        var space = name.IndexOf(' ');
        return space < 0 ? new DevelopmentAccount(normalised, name, "") : new DevelopmentAccount(normalised, name[..space], name[(space + 1)..]);
    }
}
