using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Parcours.Pathways.GettingDetails;
using Parcours.Reference;
using Scriban;
using Scriban.Runtime;

namespace Parcours.Pathways.Consenting;

/// <summary>
/// The printable consent form (French, A4), rendered by the Scriban template next to this file
/// from a recorded consent of a file the worker reads in full. The template escapes every typed
/// value with <c>escape</c>.
/// </summary>
public static class ConsentForm
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly Lazy<Template> Template = new(() =>
    {
        using var stream = typeof(ConsentForm).Assembly.GetManifestResourceStream(typeof(ConsentForm), "ConsentForm.sbn-html")
                           ?? throw new InvalidOperationException("Consent form template missing from the assembly.");
        using var reader = new StreamReader(stream);
        var template = Scriban.Template.Parse(reader.ReadToEnd(), "ConsentForm.sbn-html");
        if (template.HasErrors) throw new InvalidOperationException(string.Join("; ", template.Messages));
        return template;
    });

    /// <summary>What the form shows; names are snake_cased for the template (<c>person_name</c>…).</summary>
    public sealed record Model(
        string ReferentStructure,
        string Programme,
        string PersonName,
        string? BirthDate,
        bool ForMinor,
        string Purpose,
        IReadOnlyList<string> Structures,
        string GivenBy,
        string Mode,
        string GivenOn,
        string? ExpiresOn,
        string? MinorView,
        string? WithdrawnOn,
        string RecordedBy,
        string PrintedOn);

    public static Model For(PathwayDetails file, ConsentItem consent, IReadOnlyList<Structure> structures, string programme, string recordedBy, DateOnly today)
    {
        string Name(Guid id) => structures.FirstOrDefault(s => s.Id == id)?.Name ?? "—";
        return new Model(
            Name(file.ReferentStructureId),
            programme,
            $"{file.Person.FirstName} {file.Person.LastName?.ToUpperInvariant()}".Trim(),
            Fr(file.Person.BirthDate),
            consent.GivenBy == ConsentGiver.ParentalAuthority,
            Labels.Purpose(consent.Purpose),
            consent.Structures.Select(Name).ToList(),
            Labels.Giver(consent.GivenBy),
            Labels.Mode(consent.Mode),
            Fr(consent.GivenOn)!,
            Fr(consent.ExpiresOn),
            consent.MinorView,
            Fr(consent.WithdrawnOn),
            recordedBy,
            Fr(today)!);
    }

    public static string Render(Model model)
    {
        var globals = new ScriptObject();
        globals.Import(model);
        // Scriban's html.escape writes accented letters as numeric entities; this keeps them as they are.
        globals.Import("escape", new Func<string?, string>(text => Html.Encode(text ?? "")));
        var context = new TemplateContext { StrictVariables = true };
        context.PushGlobal(globals);
        return Template.Value.Render(context);
    }

    private static string? Fr(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
