using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Identity.Administering;
using Parcours.Reference;

namespace Parcours.Pages.Admin.Habilitations;

/// <summary>« Habilitations »: who may do what in which structure; administrators only.</summary>
[AdministratorsOnly]
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public static class Text
    {
        public const string Title = "Habilitations";
        public const string Intro =
            "Une habilitation donne à une personne, reconnue par son adresse électronique, des rôles dans une structure. " +
            "Tout changement s'applique dès la requête suivante de la personne et est inscrit au journal des accès.";
        public const string New = "Nouvelle habilitation";
        public const string Filter = "Structure";
        public const string AllStructures = "Toutes les structures";
        public const string Apply = "Afficher";
        public const string Caption = "Habilitations, par structure puis par nom";
        public const string Name = "Nom";
        public const string Email = "Adresse électronique";
        public const string Structure = "Structure";
        public const string Roles = "Rôles";
        public const string State = "État";
        public const string Active = "Active";
        public const string Inactive = "Désactivée";
        public const string Edit = "Modifier";
        public const string Empty = "Aucune habilitation pour cette structure.";
        public static string EditLabel(string name, string structure) => $"Modifier l'habilitation de {name} ({structure})";
    }

    [BindProperty(SupportsGet = true, Name = "structure")]
    public Guid? StructureId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<Habilitation> Rows { get; private set; } = [];
    public IReadOnlyList<Structure> Structures { get; private set; } = [];

    public string StructureName(Guid id) => Structures.FirstOrDefault(s => s.Id == id)?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Structures = (await session.Query<Structure>().ToListAsync(ct)).OrderBy(s => s.Name).ToList();
        Rows = await ListHabilitationsEndpoint.ListAsync(session, StructureId, ct);
    }
}
