namespace Parcours.Identity;

/// <summary>A professional known to Parcours, working for one structure.</summary>
public sealed class StaffMember
{
    public Guid Id { get; set; }
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public Guid StructureId { get; set; }
    /// <summary>What the demo sign-in page shows next to the name (e.g. « Référente PRE »).</summary>
    public string Position { get; set; } = "";
}
