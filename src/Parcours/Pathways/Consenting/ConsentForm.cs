using System.Globalization;
using Parcours.Pathways.GettingDetails;
using Parcours.Reference;

namespace Parcours.Pathways.Consenting;

/// <summary>
/// The printable consent form (French, A4), from a recorded consent of a file the worker reads in
/// full. Rendered like every document by the sandboxed renderer, with the latest stored
/// <c>consent-form</c> template (<see cref="Documents.TemplateCatalogue"/>), which escapes every value.
/// </summary>
public static class ConsentForm
{
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

    private static string? Fr(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
