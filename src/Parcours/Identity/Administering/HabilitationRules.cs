using Marten;
using Parcours.Identity.SigningIn;
using Parcours.Kernel;
using Parcours.Reference;

namespace Parcours.Identity.Administering;

/// <summary>
/// The body of <c>POST /api/admin/habilitations</c> and <c>PUT /api/admin/habilitations/{id}</c>.
/// Roles and entitlements are read as text so that an unknown one gets a French message naming
/// the field. <c>active</c> defaults to true.
/// </summary>
public sealed record HabilitationChange(
    string? DisplayName,
    string? Email,
    Guid? StructureId,
    string? Position,
    IReadOnlyList<string>? Roles,
    IReadOnlyList<string>? Entitlements,
    bool? Active);

/// <summary>What the decision needs to know: the structure, and who already holds this e-mail there.</summary>
public sealed record HabilitationFacts(bool StructureExists, Habilitation? Existing, Habilitation? SameEmailAndStructure)
{
    public static async Task<HabilitationFacts> LoadAsync(IQuerySession session, Habilitation? existing, HabilitationChange change, CancellationToken ct)
    {
        var email = Habilitation.NormaliseEmail(change.Email!);
        var structure = change.StructureId!.Value;
        return new HabilitationFacts(
            await session.LoadAsync<Structure>(structure, ct) is not null,
            existing,
            await session.Query<Habilitation>().FirstOrDefaultAsync(h => h.Email == email && h.StructureId == structure, ct));
    }
}

/// <summary>Checks shared by granting and changing a habilitation. Each returns null when the rule holds.</summary>
public static class HabilitationRules
{
    public static Refusal? ValidateInput(HabilitationChange c)
    {
        if (string.IsNullOrWhiteSpace(c.DisplayName) || c.DisplayName.Trim().Length > 200)
        {
            return Refusal.Invalid("displayName", "Le nom est obligatoire (200 caractères au plus).");
        }
        if (string.IsNullOrWhiteSpace(c.Email)) return Refusal.Invalid("email", "L'adresse électronique est obligatoire.");
        if (!SignInClaims.LooksLikeEmail(c.Email.Trim())) return Refusal.Invalid("email", $"« {c.Email.Trim()} » n'est pas une adresse électronique valide.");
        if (c.StructureId is null || c.StructureId == Guid.Empty) return Refusal.Invalid("structureId", "La structure est obligatoire.");
        if (c.Position is { Length: > 200 }) return Refusal.Invalid("position", "La fonction dépasse 200 caractères.");
        if (c.Roles is not { Count: > 0 }) return Refusal.Invalid("roles", "Cochez au moins un rôle.");
        if (c.Roles.FirstOrDefault(r => Parse<Role>(r) is null) is { } role)
        {
            return Refusal.Invalid("roles", $"Rôle « {role} » inconnu : {string.Join(", ", Enum.GetNames<Role>())}.");
        }
        if (c.Entitlements?.FirstOrDefault(e => Parse<SpecialCategory>(e) is null) is { } entitlement)
        {
            return Refusal.Invalid("entitlements", $"Catégorie « {entitlement} » inconnue : {string.Join(", ", Enum.GetNames<SpecialCategory>())}.");
        }
        return null;
    }

    /// <summary>The rules that need the store; <paramref name="id"/> is the habilitation granted or changed.</summary>
    public static Refusal? Decide(Guid id, HabilitationChange c, HabilitationFacts facts, CurrentWorker actor)
    {
        if (!facts.StructureExists) return Refusal.Invalid("structureId", "Structure inconnue.");
        if (facts.SameEmailAndStructure is { } other && other.Id != id)
        {
            return Refusal.Conflict($"{other.DisplayName} ({other.Email}) a déjà une habilitation dans cette structure : modifiez-la plutôt.");
        }
        // An administrator cannot lock themselves out; another administrator can.
        if (id == actor.Id && (!Roles(c).Contains(Role.Administrator) || c.Active == false))
        {
            return Refusal.Rule("Vous ne pouvez ni retirer votre propre rôle d'administrateur ni désactiver votre habilitation : demandez-le à un autre administrateur.", "roles");
        }
        return null;
    }

    public static Habilitation Apply(Guid id, HabilitationChange c) => new()
    {
        Id = id,
        DisplayName = c.DisplayName!.Trim(),
        Email = Habilitation.NormaliseEmail(c.Email!),
        StructureId = c.StructureId!.Value,
        Position = c.Position?.Trim() ?? "",
        Roles = Roles(c),
        Entitlements = c.Entitlements?.Select(e => Parse<SpecialCategory>(e)!.Value).Distinct().Order().ToList() ?? [],
        Active = c.Active ?? true,
    };

    private static List<Role> Roles(HabilitationChange c) => c.Roles?.Select(r => Parse<Role>(r)).OfType<Role>().Distinct().Order().ToList() ?? [];

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}
