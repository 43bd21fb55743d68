using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People;
using Parcours.People.Searching;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Referring;

/// <summary>Records a referral ("saisine" / "repérage") of a known or new person to a programme.</summary>
public sealed record ReferPerson(
    Guid PathwayId,
    Guid? PersonId,
    NewPerson? Person,
    string Programme,
    string? Track,
    DateOnly ReferredOn,
    string ReferralSource,
    Guid? ReferringStructureId,
    string TerritoryCode,
    Guid ReferentStructureId,
    string? Reason,
    CurrentWorker Actor);

/// <summary>The body of <c>POST /api/pathways</c>: either <c>personId</c> or <c>person</c>.</summary>
public sealed record ReferPersonRequest(
    Guid? PersonId,
    NewPerson? Person,
    string Programme,
    string? Track,
    DateOnly ReferredOn,
    string ReferralSource,
    Guid? ReferringStructureId,
    string TerritoryCode,
    Guid ReferentStructureId,
    string? Reason);

/// <summary>What the decision needs to know about the world, loaded by the handler.</summary>
public sealed record ReferralFacts(
    Sex Sex,
    DateOnly BirthDate,
    Programme? Programme,
    Territory? Territory,
    bool SourceExists,
    Structure? ReferentStructure,
    bool ReferringStructureExists);

public static class ReferPersonHandler
{
    public static async Task<CommandOutcome> Handle(ReferPerson command, IDocumentSession session, PersonVault vault, PersonSearchIndex index, TimeProvider time, CancellationToken ct)
    {
        if (!command.Actor.WorksWithPeople) return CommandOutcome.Refused(Refusal.NotFound());
        if (ValidateInput(command, time.Today()) is { } invalid) return CommandOutcome.Refused(invalid);

        var now = time.GetUtcNow();
        var personId = command.PersonId ?? Guid.CreateVersion7();
        PersonKey key;
        Sex sex;
        DateOnly birthDate;
        PersonIdentity? known = null;
        if (command.PersonId is { } existingId)
        {
            var grant = await PersonAccess.LoadVisibleAsync(session, vault, command.Actor, existingId, time.Today(), ct);
            var existingKey = await session.LoadAsync<PersonKey>(existingId, ct);
            if (grant is not { Identity: { } identity } || existingKey is null)
            {
                return CommandOutcome.Refused(Refusal.Invalid("personId", "Personne introuvable."));
            }
            key = existingKey;
            (sex, birthDate, known) = (grant.Person.Sex, identity.BirthDate, identity);
        }
        else
        {
            var newPerson = command.Person!;
            key = vault.NewKey(personId, now);
            (sex, birthDate) = (newPerson.Sex, newPerson.BirthDate);
        }

        var facts = new ReferralFacts(
            sex,
            birthDate,
            await session.LoadAsync<Programme>(command.Programme, ct),
            await session.LoadAsync<Territory>(command.TerritoryCode, ct),
            await session.LoadAsync<CodeListItem>(CodeListItem.IdOf(CodeLists.ReferralSource, command.ReferralSource), ct) is { Active: true },
            await session.LoadAsync<Structure>(command.ReferentStructureId, ct),
            command.ReferringStructureId is not { } referring || await session.LoadAsync<Structure>(referring, ct) is not null);

        var decision = Decide(command with { PersonId = personId }, facts, time.Today(), now, vault.EncryptOptional(key, command.Reason));
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);

        if (command.Person is { } typed)
        {
            session.Store(key);
            var identity = new PersonIdentity(typed.FirstName.Trim(), typed.LastName.Trim(), typed.BirthDate, typed.Address, typed.Phone, typed.Email);
            session.Store(vault.Seal(key, identity, now));
            session.Events.StartStream<Person>(personId, new PersonIdentified(personId, sex, command.Actor.StructureId, command.Actor.Id, now));
            await index.WriteAsync(session, personId, identity, command.TerritoryCode, command.Actor.StructureId, ct);
        }
        else if (known is not null)
        {
            await index.WriteAsync(session, personId, known, command.TerritoryCode, ct: ct);
        }
        session.Events.StartStream<Pathway>(command.PathwayId, decision.Events.ToArray());
        return new CommandOutcome(command.PathwayId, decision.Events.Count, null);
    }

    public static Refusal? ValidateInput(ReferPerson c, DateOnly today)
    {
        if (c.PersonId is null && c.Person is null) return Refusal.Invalid("person", "Indiquez la personne : une personne connue (personId) ou une nouvelle personne.");
        if (c.PersonId is not null && c.Person is not null) return Refusal.Invalid("person", "Indiquez soit une personne connue, soit une nouvelle personne, pas les deux.");
        if (c.Person?.Validate(today, "person.") is { } invalidPerson) return invalidPerson;
        return PathwayRules.Required(c.Programme, "programme", "Dispositif")
               ?? PathwayRules.Required(c.ReferralSource, "referralSource", "Origine de l'orientation")
               ?? PathwayRules.Required(c.TerritoryCode, "territoryCode", "Quartier")
               ?? (c.ReferredOn == default ? Refusal.Invalid("referredOn", "La date d'orientation est obligatoire.") : null)
               ?? (c.ReferentStructureId == Guid.Empty ? Refusal.Invalid("referentStructureId", "La structure référente est obligatoire.") : null)
               ?? PathwayRules.TooLong(c.Reason, "reason");
    }

    public static Decision Decide(ReferPerson c, ReferralFacts facts, DateOnly today, DateTimeOffset now, EncryptedText? reason)
    {
        if (facts.Programme is not { } programme) return Refusal.Invalid("programme", $"Dispositif inconnu : « {c.Programme} ».");
        if (!facts.SourceExists) return Refusal.Invalid("referralSource", $"Origine inconnue : « {c.ReferralSource} ».");
        if (facts.Territory is not { } territory) return Refusal.Invalid("territoryCode", $"Quartier inconnu : « {c.TerritoryCode} ».");
        if (facts.ReferentStructure is not { } referent) return Refusal.Invalid("referentStructureId", "Structure référente inconnue.");
        if (!facts.ReferringStructureExists) return Refusal.Invalid("referringStructureId", "Structure orientatrice inconnue.");
        if (PathwayRules.NotInFuture(c.ReferredOn, today, "referredOn") is { } future) return future;
        if (c.Person is not null && c.Person.BirthDate > c.ReferredOn) return Refusal.Invalid("person.birthDate", "La date de naissance est postérieure à la date d'orientation.");
        if (!territory.IsValidOn(c.ReferredOn)) return Refusal.Rule($"Le secteur « {territory.Label} » n'existe pas à la date du {c.ReferredOn:dd/MM/yyyy}.", "territoryCode");
        // The referent structure is the one whose workers see the case: it must run the
        // programme, or a Maison des Femmes case would be visible outside the Maison des Femmes.
        if (!referent.Programmes.Contains(programme.Id))
        {
            return Refusal.Rule($"La structure « {referent.Name} » ne porte pas le dispositif {programme.Label}.", "referentStructureId");
        }
        if (programme.RequiresPriorityTerritory && !territory.IsPriority)
        {
            return Refusal.Rule($"Le dispositif {programme.Label} s'adresse aux habitants des quartiers prioritaires et secteurs de vigilance.", "territoryCode");
        }
        if (programme.WomenOnly && facts.Sex != Sex.F) return Refusal.Rule($"Le dispositif {programme.Label} accueille uniquement des femmes.", "person.sex");

        var age = Clock.AgeOn(facts.BirthDate, c.ReferredOn);
        var (minAge, maxAge, publicLabel) = (programme.MinAge, programme.MaxAge, programme.Label);
        if (programme.Tracks.Count > 0)
        {
            var track = programme.Tracks.FirstOrDefault(t => t.Code == c.Track);
            if (track is null)
            {
                return Refusal.Invalid("track", $"Précisez le public du dispositif {programme.Label} : {string.Join(", ", programme.Tracks.Select(t => $"{t.Code} ({t.Label})"))}.");
            }
            (minAge, maxAge, publicLabel) = (track.MinAge, track.MaxAge, $"{programme.Label} – {track.Label}");
        }
        else if (c.Track is not null)
        {
            return Refusal.Invalid("track", $"Le dispositif {programme.Label} n'a pas de public distinct.");
        }
        if (age < minAge || age > maxAge)
        {
            return Refusal.Rule($"{publicLabel} : âge accepté {AgeRange(minAge, maxAge)} à l'orientation ; la personne a {age} ans.", "person.birthDate");
        }

        return Decision.Accept(new PathwayReferred(
            c.PathwayId, c.PersonId!.Value, programme.Id, c.Track, c.ReferredOn, c.ReferralSource, c.ReferringStructureId,
            territory.Id, c.ReferentStructureId, facts.Sex, AgeBand.Of(age), reason, c.Actor.Id, now));
    }

    private static string AgeRange(int? min, int? max) => (min, max) switch
    {
        ({ } a, { } b) => $"de {a} à {b} ans",
        ({ } a, null) => $"à partir de {a} ans",
        (null, { } b) => $"jusqu'à {b} ans",
        _ => "tout âge",
    };
}

public static class ReferPersonEndpoint
{
    [WolverinePost("/api/pathways", OperationId = "referPerson")]
    public static async Task<IResult> Post(ReferPersonRequest request, CurrentWorker worker, IMessageBus bus)
    {
        var command = new ReferPerson(Guid.CreateVersion7(), request.PersonId, request.Person, request.Programme, request.Track,
            request.ReferredOn, request.ReferralSource, request.ReferringStructureId, request.TerritoryCode, request.ReferentStructureId,
            request.Reason, worker);
        var outcome = await bus.InvokeAsync<CommandOutcome>(command);
        return outcome.ToCreatedResult($"/api/pathways/{outcome.Id}");
    }
}
