namespace Parcours.Identity;

/// <summary>What a professional may do in a structure. Roles are per structure.</summary>
public enum Role
{
    /// <summary>Follows people of their structure ("référent").</summary>
    Referent,
    /// <summary>Coordinates a programme in their structure (justified exceptions, team changes).</summary>
    ProgrammeCoordinator,
    /// <summary>Sits on committees; sees dossiers, not files.</summary>
    CommitteeMember,
    /// <summary>A partner organisation's worker; sees only what the case team shares with it.</summary>
    Partner,
    /// <summary>Sees indicators only, never a person.</summary>
    StatisticsCoordinator,
    /// <summary>The data-protection officer: the access trail and people's rights.</summary>
    DataProtectionOfficer,
    /// <summary>Manages structures, habilitations and reference data.</summary>
    Administrator,
}

/// <summary>Special categories of information, visible only to entitled habilitations.</summary>
public enum SpecialCategory
{
    /// <summary>Youth justice (PJJ) information.</summary>
    Justice,
    /// <summary>Health information.</summary>
    Health,
}

/// <summary>
/// A local habilitation: one professional (by e-mail) in one structure, with roles. Access is
/// granted by this document, managed in Parcours, never by the identity provider's subject alone.
/// </summary>
public sealed class Habilitation
{
    public Guid Id { get; set; }
    public string DisplayName { get; set; } = "";
    /// <summary>Lower-case; with the structure, the key a signed-in person is matched on.</summary>
    public string Email { get; set; } = "";
    public Guid StructureId { get; set; }
    /// <summary>What the sign-in page shows next to the name (e.g. « Référente PRE »).</summary>
    public string Position { get; set; } = "";
    public List<Role> Roles { get; set; } = [];
    public List<SpecialCategory> Entitlements { get; set; } = [];
    public bool Active { get; set; } = true;

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
