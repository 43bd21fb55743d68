using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People;
using Parcours.People.Vault;
using Parcours.Pathways.Reading;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Privacy.Rectifying;

/// <summary>
/// Corrections to a person's identity (RGPD art. 16). A null field stays as it is; an empty
/// address, phone or e-mail clears it. Names and birth date cannot be cleared.
/// </summary>
public sealed record IdentityCorrection(string? FirstName, string? LastName, DateOnly? BirthDate, string? Address, string? Phone, string? Email);

public sealed record RectifyIdentity(Guid PersonId, IdentityCorrection Correction, CurrentWorker Actor);

/// <summary>
/// Re-seals the identity with the person's same key (the old values are not kept: nothing in the
/// law requires it for a social-support file), records which fields changed on the person's stream
/// (never the values), updates the search index, traces it. The officer may rectify anyone; a
/// programme coordinator the people their structure follows (or identified); others who may see
/// the person get 403, everyone else the 404 of an unknown person.
/// </summary>
public static class RectifyIdentityHandler
{
    public const string Action = "person.rectify";
    public const int MaxLength = 200;

    public static async Task<CommandOutcome> Handle(RectifyIdentity command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var worker = command.Actor;
        var today = time.Today();
        if (!Officer.Is(worker))
        {
            var grant = await PersonAccess.LoadVisibleAsync(session, vault, worker, command.PersonId, today, ct);
            if (grant is null) return Refused(session, worker, command.PersonId, Refusal.NotFound());
            var followedHere = grant.Person.StructureId == worker.StructureId || grant.VisiblePathways.Any(f => f.ReferentStructureId == worker.StructureId);
            if (!worker.Has(Role.ProgrammeCoordinator) || !followedHere)
                return Refused(session, worker, command.PersonId,
                    Refusal.Forbidden("Seuls le délégué à la protection des données et le coordinateur de la structure référente rectifient une identité."));
        }

        var stream = await session.Events.FetchForWriting<Person>(command.PersonId, ct);
        var key = await session.LoadAsync<PersonKey>(command.PersonId, ct);
        var current = vault.Open(key, await session.LoadAsync<SealedIdentity>(command.PersonId, ct));
        if (stream.Aggregate is null || key is null || current is null) return CommandOutcome.Refused(Refusal.NotFound());

        var (refusal, corrected, fields) = Decide(current, command.Correction, today);
        if (refusal is not null) return CommandOutcome.Refused(refusal);

        var now = time.GetUtcNow();
        session.Store(vault.Seal(key, corrected!, now));
        stream.AppendOne(new IdentityRectified(command.PersonId, fields, today, worker.Id, now));
        // SEARCH INDEX CALL SITE: once the `search` branch is merged, keep the blind index in step:
        //   PersonSearchIndex.Write(session, command.PersonId, corrected!, territoryCode);
        // (territoryCode: the person's latest pathway's, as IdentifyPerson / ReferPerson write it.)
        AuditTrail.Record(session, AuditEntry.By(worker, Action, Officer.Is(worker) ? "rights" : "coordination", AuditOutcome.Allowed, personId: command.PersonId));
        return new CommandOutcome(command.PersonId, (stream.StartingVersion ?? 0) + 1, null);
    }

    /// <summary>The corrected identity and the names of the fields that changed (the values never leave the vault).</summary>
    public static (Refusal? Refusal, PersonIdentity? Corrected, IReadOnlyList<string> Fields) Decide(PersonIdentity current, IdentityCorrection c, DateOnly today)
    {
        var refusal = Required(c.FirstName, "firstName", "Le prénom") ?? Required(c.LastName, "lastName", "Le nom")
            ?? TooLong(c.FirstName, "firstName") ?? TooLong(c.LastName, "lastName") ?? TooLong(c.Address, "address")
            ?? TooLong(c.Phone, "phone") ?? TooLong(c.Email, "email")
            ?? (c.BirthDate is { } born && (born == default || born > today)
                ? Refusal.Invalid("birthDate", "La date de naissance doit être une date passée.")
                : null);
        if (refusal is not null) return (refusal, null, []);

        var corrected = new PersonIdentity(
            c.FirstName?.Trim() ?? current.FirstName,
            c.LastName?.Trim() ?? current.LastName,
            c.BirthDate ?? current.BirthDate,
            c.Address is null ? current.Address : Optional(c.Address),
            c.Phone is null ? current.Phone : Optional(c.Phone),
            c.Email is null ? current.Email : Optional(c.Email));
        var fields = new List<string>();
        if (corrected.FirstName != current.FirstName) fields.Add("firstName");
        if (corrected.LastName != current.LastName) fields.Add("lastName");
        if (corrected.BirthDate != current.BirthDate) fields.Add("birthDate");
        if (corrected.Address != current.Address) fields.Add("address");
        if (corrected.Phone != current.Phone) fields.Add("phone");
        if (corrected.Email != current.Email) fields.Add("email");
        return fields.Count == 0
            ? (Refusal.Rule("Aucune donnée d'identité n'est modifiée par cette rectification."), null, [])
            : (null, corrected, fields);
    }

    private static Refusal? Required(string? value, string field, string what) =>
        value is not null && string.IsNullOrWhiteSpace(value) ? Refusal.Invalid(field, $"{what} ne peut pas être effacé.") : null;

    private static Refusal? TooLong(string? value, string field) =>
        value is not null && value.Length > MaxLength ? Refusal.Invalid(field, $"{MaxLength} caractères au plus.") : null;

    private static string? Optional(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static CommandOutcome Refused(IDocumentSession session, CurrentWorker worker, Guid personId, Refusal refusal)
    {
        AuditTrail.Record(session, AuditEntry.By(worker, Action, "hidden", AuditOutcome.Refused, personId: personId));
        return CommandOutcome.Refused(refusal);
    }
}

public static class RectifyIdentityEndpoint
{
    [WolverinePost("/api/privacy/people/{personId}/rectification", OperationId = "rectifyIdentity")]
    public static async Task<IResult> Post(Guid personId, IdentityCorrection request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new RectifyIdentity(personId, request, worker))).ToResult();
}

/// <summary>French names of the identity fields, for the file and the officer's pages.</summary>
public static class IdentityFields
{
    public static string Label(string field) => field switch
    {
        "firstName" => "Prénom",
        "lastName" => "Nom",
        "birthDate" => "Date de naissance",
        "address" => "Adresse",
        "phone" => "Téléphone",
        "email" => "Courriel",
        _ => field,
    };
}
