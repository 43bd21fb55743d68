using Marten;
using Parcours.Identity;
using Parcours.Kernel;

namespace Parcours.Reference.Administering;

/// <summary>The body of <c>POST /api/admin/structures</c> and <c>PUT /api/admin/structures/{id}</c>.</summary>
public sealed record StructureChange(string? Name, string? Kind, IReadOnlyList<string>? Programmes);

/// <summary>What the decision needs to know: the programmes that exist, and a structure already bearing the name.</summary>
public sealed record StructureFacts(IReadOnlySet<string> Programmes, Structure? SameName)
{
    public static async Task<StructureFacts> LoadAsync(IQuerySession session, StructureChange change, CancellationToken ct)
    {
        var programmes = (await session.Query<Programme>().Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var name = change.Name!.Trim();
        var structures = await session.Query<Structure>().ToListAsync(ct);
        return new StructureFacts(programmes, structures.FirstOrDefault(s => string.Equals(s.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>Checks shared by creating and changing a structure. Each returns null when the rule holds.</summary>
public static class StructureRules
{
    public static Refusal? ValidateInput(StructureChange c) =>
        string.IsNullOrWhiteSpace(c.Name) || c.Name.Trim().Length > 200 ? Refusal.Invalid("name", "Le nom est obligatoire (200 caractères au plus).")
        : string.IsNullOrWhiteSpace(c.Kind) || c.Kind.Trim().Length > 100 ? Refusal.Invalid("kind", "Le type de structure est obligatoire (100 caractères au plus).")
        : null;

    public static Refusal? Decide(Guid id, StructureChange c, StructureFacts facts)
    {
        if (c.Programmes?.FirstOrDefault(p => !facts.Programmes.Contains(p)) is { } unknown)
        {
            return Refusal.Invalid("programmes", $"Dispositif inconnu : « {unknown} ».");
        }
        return facts.SameName is { } other && other.Id != id
            ? Refusal.Conflict($"Une structure s'appelle déjà « {other.Name} ».")
            : null;
    }

    public static Structure Apply(Guid id, StructureChange c) => new()
    {
        Id = id,
        Name = c.Name!.Trim(),
        Kind = c.Kind!.Trim(),
        Programmes = c.Programmes?.Distinct().ToList() ?? [],
    };

    /// <summary>What the trail says of a structure change.</summary>
    public static string Describe(Structure s) =>
        $"{Identity.Administering.Administrators.Purpose} : structure {s.Id} « {s.Name} », dispositifs {(s.Programmes.Count == 0 ? "aucun" : string.Join("+", s.Programmes))}";
}
