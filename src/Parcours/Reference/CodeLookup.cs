using Marten;

namespace Parcours.Reference;

public static class CodeLookup
{
    /// <summary>True when the code is an active item of the list (for the programme, when scoped).</summary>
    public static async Task<bool> CodeExistsAsync(this IQuerySession session, string list, string? code, CancellationToken ct, string? programme = null) =>
        !string.IsNullOrWhiteSpace(code)
        && await session.LoadAsync<CodeListItem>(CodeListItem.IdOf(list, code, programme), ct) is { Active: true };
}
