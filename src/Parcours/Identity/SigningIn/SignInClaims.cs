using System.Security.Claims;

namespace Parcours.Identity.SigningIn;

/// <summary>Who the identity provider says signed in, in the two claims Parcours relies on.</summary>
public sealed record SignedInPerson(string? Subject, string Email, string Name);

/// <summary>
/// Reads the claim shapes of the providers Parcours accepts and keeps only <c>email</c> and
/// <c>name</c> (plus <c>sub</c>, for the record): ProConnect sends <c>given_name</c> and
/// <c>usual_name</c> (with <c>siret</c> and <c>uid</c>), a Keycloak realm <c>given_name</c>,
/// <c>family_name</c> and <c>preferred_username</c>. Access is then granted by a local
/// habilitation on e-mail and structure, never by the subject alone.
/// </summary>
public static class SignInClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";

    /// <summary>Null when no usable e-mail was sent, or the provider says it is not verified.</summary>
    public static SignedInPerson? Read(IEnumerable<Claim> claims)
    {
        var all = claims.ToList();
        string? Value(string type) => all.FirstOrDefault(c => c.Type == type && !string.IsNullOrWhiteSpace(c.Value))?.Value.Trim();

        if (Value(Email) is not { } email || !LooksLikeEmail(email)) return null;
        // Keycloak lets people edit their own e-mail: an unverified address must not open someone else's habilitation.
        if (string.Equals(Value("email_verified"), "false", StringComparison.OrdinalIgnoreCase)) return null;

        var givenName = Value("given_name");
        var lastName = Value("usual_name") ?? Value("family_name");
        var name = Value(Name)
                   ?? (givenName is not null || lastName is not null ? string.Join(' ', new[] { givenName, lastName }.OfType<string>()) : null)
                   ?? Value("preferred_username")
                   ?? email;
        return new SignedInPerson(Value(Subject), Habilitation.NormaliseEmail(email), name);
    }

    /// <summary>The principal Parcours keeps: the person, and the structure they work for in this session if known.</summary>
    public static ClaimsPrincipal Principal(SignedInPerson person, string authenticationType, Guid? structure)
    {
        var claims = new List<Claim> { new(Email, person.Email), new(Name, person.Name) };
        if (person.Subject is { } subject) claims.Add(new Claim(Subject, subject));
        if (structure is { } id) claims.Add(new Claim(CurrentWorker.StructureClaim, id.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, Name, "role"));
    }

    public static bool LooksLikeEmail(string value) =>
        value.Length <= 254 && value.IndexOf('@') is > 0 and var at && at < value.Length - 1 && !value.Any(char.IsWhiteSpace)
        && value.IndexOf('@', at + 1) < 0 && value[(at + 1)..].Contains('.');
}
