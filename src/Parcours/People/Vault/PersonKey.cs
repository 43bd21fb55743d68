namespace Parcours.People.Vault;

/// <summary>
/// One person's AES-256 data key, stored wrapped by ASP.NET Core DataProtection. Deleting this
/// document is what makes all of the person's identifying data unreadable (crypto-shredding).
/// </summary>
public sealed class PersonKey
{
    public Guid Id { get; set; }
    public string Wrapped { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A person's identifying data, sealed with their data key. Never stored in clear.</summary>
public sealed class SealedIdentity
{
    public Guid Id { get; set; }
    public EncryptedText Identity { get; set; } = new("");
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Identifying data of a person as typed by a worker. Lives only in the vault.</summary>
public sealed record PersonIdentity(
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    string? Address = null,
    string? Phone = null,
    string? Email = null)
{
    public string DisplayName => $"{FirstName} {LastName.ToUpperInvariant()}";
}
