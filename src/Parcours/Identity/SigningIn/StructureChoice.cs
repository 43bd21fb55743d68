using Marten;

namespace Parcours.Identity.SigningIn;

/// <summary>
/// A person may work for several structures: their session is for one of them. Exactly one
/// active habilitation is chosen automatically, several are offered on the choice page, none
/// leads to the page that says so.
/// </summary>
public static class StructureChoice
{
    public const string Path = "/connexion/structure";

    public static async Task<IReadOnlyList<Habilitation>> ActiveHabilitationsAsync(IQuerySession session, string email, CancellationToken ct)
    {
        var normalised = Habilitation.NormaliseEmail(email);
        return await session.Query<Habilitation>().Where(h => h.Email == normalised && h.Active).ToListAsync(ct);
    }

    /// <summary>Where to go once the provider has said who signed in, and the structure when it goes without saying.</summary>
    public static async Task<(Guid? Structure, string Next)> AfterSignInAsync(IQuerySession session, SignedInPerson person, string? returnUrl, CancellationToken ct)
    {
        var local = IsLocal(returnUrl) ? returnUrl! : "/";
        var habilitations = await ActiveHabilitationsAsync(session, person.Email, ct);
        return habilitations.Count switch
        {
            0 => (null, Identity.CurrentWorkerPageFilter.NoHabilitationPath),
            1 => (habilitations[0].StructureId, local),
            _ => (null, PathFor(local)),
        };
    }

    public static string PathFor(string returnUrl) => $"{Path}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Only paths of this site: never an open redirect.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
