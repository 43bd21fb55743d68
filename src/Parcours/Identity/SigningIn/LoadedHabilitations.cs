namespace Parcours.Identity.SigningIn;

/// <summary>
/// The active habilitations an API request's token validation has just read for its e-mail, kept
/// for the rest of that one request only: the current worker is then taken from them instead of
/// asking the database a second time. Still read on every request, so a revocation takes effect
/// at the next one, as before.
/// </summary>
public static class LoadedHabilitations
{
    private static readonly object Key = new();

    public static void Remember(HttpContext context, IReadOnlyList<Habilitation> habilitations) => context.Items[Key] = habilitations;

    /// <summary>The active habilitation for the e-mail and structure among those read by this request, or null if none was read.</summary>
    public static Habilitation? Find(HttpContext? context, string normalisedEmail, Guid structure) =>
        context?.Items[Key] is IReadOnlyList<Habilitation> loaded
            ? loaded.FirstOrDefault(h => h.Email == normalisedEmail && h.StructureId == structure && h.Active)
            : null;
}
