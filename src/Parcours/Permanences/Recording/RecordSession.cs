using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Permanences.Recording;

/// <summary>Records a permanence session of the Maison des Femmes and the people it received, by sex and age band.</summary>
public sealed record RecordPermanenceSession(
    Guid SessionId,
    DateOnly HeldOn,
    string? Kind,
    string? TerritoryCode,
    IReadOnlyList<ReceivedLine>? Received,
    CurrentWorker Actor);

/// <summary>A line of the count as typed: the sex is checked present rather than read as the default.</summary>
public sealed record ReceivedLine(Sex? Sex, string? AgeBand, int People)
{
    public static ReceivedLine Of(PeopleReceived received) => new(received.Sex, received.AgeBand, received.People);
}

/// <summary>The body of <c>POST /api/permanences</c>.</summary>
public sealed record RecordPermanenceSessionRequest(DateOnly HeldOn, string? Kind, string? TerritoryCode, List<ReceivedLine>? Received);

/// <summary>What the decision needs from the reference data.</summary>
public sealed record PermanenceFacts(bool KindExists, Territory? Territory);

public static class RecordPermanenceSessionHandler
{
    public static async Task<CommandOutcome> Handle(RecordPermanenceSession command, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        if (!PermanenceAccess.MayRecord(command.Actor)) return CommandOutcome.Refused(Refusal.NotFound());
        if (ValidateInput(command) is { } invalid) return CommandOutcome.Refused(invalid);

        var facts = new PermanenceFacts(
            await session.LoadAsync<CodeListItem>(CodeListItem.IdOf(CodeLists.PermanenceKind, command.Kind!), ct) is { Active: true },
            await session.LoadAsync<Territory>(command.TerritoryCode!, ct));
        var decision = Decide(command, facts, time.Today(), time.GetUtcNow());
        if (decision.Refusal is { } refusal) return CommandOutcome.Refused(refusal);

        session.Events.StartStream(command.SessionId, decision.Events.ToArray());
        return new CommandOutcome(command.SessionId, decision.Events.Count, null);
    }

    /// <summary>Malformed input: missing fields, unknown age bands, negative or implausible counts, a line given twice.</summary>
    public static Refusal? ValidateInput(RecordPermanenceSession c)
    {
        if (c.HeldOn == default) return Refusal.Invalid("heldOn", "La date de la permanence est obligatoire.");
        if (string.IsNullOrWhiteSpace(c.Kind)) return Refusal.Invalid("kind", "Le type de permanence est obligatoire.");
        if (string.IsNullOrWhiteSpace(c.TerritoryCode)) return Refusal.Invalid("territoryCode", "Le quartier de la permanence est obligatoire.");
        if (c.Received is null) return Refusal.Invalid("received", "Indiquez le nombre de personnes reçues par sexe et tranche d'âge.");
        var seen = new HashSet<(Sex, string)>();
        foreach (var line in c.Received)
        {
            if (line is null) return Refusal.Invalid("received", "Une ligne du décompte est vide.");
            if (line.Sex is not { } sex) return Refusal.Invalid("received", "Le sexe est obligatoire sur chaque ligne du décompte.");
            if (!Enum.IsDefined(sex)) return Refusal.Invalid("received", "Sexe inconnu dans le décompte.");
            if (line.AgeBand is not { } band || !AgeBand.All.Contains(band)) return Refusal.Invalid("received", $"Tranche d'âge inconnue : « {line.AgeBand} ».");
            if (line.People < 0) return Refusal.Invalid("received", "Un nombre de personnes reçues ne peut pas être négatif.");
            if (line.People > PermanenceAccess.MaxPeoplePerLine)
                return Refusal.Invalid("received", $"Au plus {PermanenceAccess.MaxPeoplePerLine} personnes par ligne : vérifiez la saisie.");
            if (!seen.Add((sex, band))) return Refusal.Invalid("received", $"La ligne {line.Sex} {line.AgeBand} est donnée deux fois.");
        }
        return null;
    }

    public static Decision Decide(RecordPermanenceSession c, PermanenceFacts facts, DateOnly today, DateTimeOffset now)
    {
        if (c.HeldOn > today) return Refusal.Invalid("heldOn", "La date de la permanence ne peut pas être dans le futur.");
        if (!facts.KindExists) return Refusal.Invalid("kind", $"Type de permanence inconnu : « {c.Kind} ».");
        if (facts.Territory is not { } territory) return Refusal.Invalid("territoryCode", $"Quartier inconnu : « {c.TerritoryCode} ».");
        if (!territory.IsValidOn(c.HeldOn))
            return Refusal.Invalid("territoryCode", $"Le secteur « {territory.Label} » n'existe pas à la date du {c.HeldOn:dd/MM/yyyy}.");

        // Zero lines say nothing: only the people actually received are kept, in a stable order.
        var received = c.Received!.Where(r => r.People > 0)
            .Select(r => new PeopleReceived(r.Sex!.Value, r.AgeBand!, r.People))
            .OrderBy(r => r.Sex).ThenBy(r => IndexOf(r.AgeBand))
            .ToList();
        return Decision.Accept(new PermanenceSessionRecorded(
            c.SessionId, PermanenceAccess.Structure, c.HeldOn, c.Kind!, territory.Id, received, c.Actor.Id, now));
    }

    private static int IndexOf(string band)
    {
        for (var i = 0; i < AgeBand.All.Count; i++) if (AgeBand.All[i] == band) return i;
        return AgeBand.All.Count;
    }
}

public static class RecordPermanenceSessionEndpoint
{
    [WolverinePost("/api/permanences", OperationId = "recordPermanenceSession")]
    public static async Task<IResult> Post(RecordPermanenceSessionRequest request, CurrentWorker worker, IMessageBus bus)
    {
        var command = new RecordPermanenceSession(Guid.CreateVersion7(), request.HeldOn, request.Kind, request.TerritoryCode, request.Received, worker);
        var outcome = await bus.InvokeAsync<CommandOutcome>(command);
        return outcome.ToCreatedResult($"/api/permanences/{outcome.Id}");
    }
}
