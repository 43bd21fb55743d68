using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Reference;
using Parcours.Reference.Administering;

namespace Parcours.Pages.Admin.Structures;

/// <summary>« Structures »: the partner organisations and the programmes they run; administrators only.</summary>
[AdministratorsOnly]
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public static class Text
    {
        public const string Title = "Structures";
        public const string Intro =
            "Les organisations partenaires. Une structure qui porte un dispositif peut être référente des parcours de ce dispositif : " +
            "seuls ses professionnels y ont accès.";
        public const string New = "Nouvelle structure";
        public const string Caption = "Structures, par nom";
        public const string Name = "Nom";
        public const string Kind = "Type";
        public const string Programmes = "Dispositifs portés";
        public const string None = "Aucun";
        public const string Habilitations = "Habilitations actives";
        public const string Edit = "Modifier";
        public static string EditLabel(string name) => $"Modifier la structure {name}";
        public static string SeeHabilitations(int count) => count switch { 0 => "Aucune", 1 => "1 habilitation", _ => $"{count} habilitations" };
    }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<AdministeredStructure> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ProgrammeLabels { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await ListStructuresForAdministratorsEndpoint.ListAsync(session, ct);
        ProgrammeLabels = (await session.Query<Programme>().ToListAsync(ct)).ToDictionary(p => p.Id, p => p.Label);
    }
}
