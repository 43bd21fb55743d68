using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Pathways.Sharing;

/// <summary>
/// Puts a partner structure on the case team, for a purpose (team follow-up, orientation). Its
/// workers then see the case for as long as a consent covers that structure and purpose. About a
/// minor, the parents must have been informed first, or a coordinator must have justified not to.
/// </summary>
public sealed record AddTeamMember(Guid PathwayId, long? ExpectedVersion, Guid StructureId, ConsentPurpose Purpose, CurrentWorker Actor);

public sealed record AddTeamMemberRequest(long? ExpectedVersion, Guid StructureId, ConsentPurpose Purpose);

public static class AddTeamMemberHandler
{
    public static async Task<CommandOutcome> Handle(AddTeamMember command, IDocumentSession session, PersonVault vault, TimeProvider time, CancellationToken ct)
    {
        var structure = await session.LoadAsync<Structure>(command.StructureId, ct);
        return await session.DecideWithSubjectAsync(vault, command.PathwayId, command.ExpectedVersion, command.Actor, time.Today(),
            (pathway, subject) => Decide(pathway, command, structure, subject, time.Today(), time.GetUtcNow()), ct, "team.member-added");
    }

    public static Decision Decide(Pathway pathway, AddTeamMember c, Structure? structure, CaseSubject subject, DateOnly today, DateTimeOffset now)
    {
        if (!Enum.IsDefined(c.Purpose) || !IsTeamPurpose(c.Purpose))
        {
            return Refusal.Invalid("purpose", "Un partenaire rejoint l'équipe pour le suivi partagé ou pour une orientation.");
        }
        if (structure is null) return Refusal.Invalid("structureId", "Structure inconnue.");
        if (pathway.IsSealed) return Refusal.Rule("Un dossier de la Maison des Femmes n'est jamais partagé hors de la Maison des Femmes.");
        if (structure.Id == pathway.ReferentStructureId) return Refusal.Rule("La structure référente fait déjà partie du suivi.", "structureId");
        if (pathway.Sharing.MemberOf(structure.Id) is not null) return Refusal.Conflict($"« {structure.Name} » fait déjà partie de l'équipe.");
        if (PathwayRules.NotClosed(pathway) is { } closed) return closed;
        if (pathway.Sharing.CoveringConsent(structure.Id, c.Purpose, today, subject.AdultOn) is null)
        {
            return Refusal.Rule(
                $"Aucun consentement en cours ne couvre « {structure.Name} » pour la finalité « {Labels.Purpose(c.Purpose)} » : enregistrez-le d'abord.",
                "structureId");
        }
        if ((subject.BirthDate is null || subject.IsMinorOn(today)) && !pathway.Sharing.ParentsInformedOrExcepted)
        {
            return Refusal.Rule(
                "Avant tout partage concernant un mineur, les parents doivent être informés (ou un coordinateur doit justifier une exception).");
        }
        return Decision.Accept(new TeamMemberAdded(pathway.Id, structure.Id, c.Purpose, today, c.Actor.Id, now));
    }

    public static bool IsTeamPurpose(ConsentPurpose purpose) => purpose is ConsentPurpose.TeamSharing or ConsentPurpose.Orientation;
}

public static class AddTeamMemberEndpoint
{
    [WolverinePost("/api/pathways/{pathwayId}/team", OperationId = "addTeamMember")]
    public static async Task<IResult> Post(Guid pathwayId, AddTeamMemberRequest request, CurrentWorker worker, IMessageBus bus) =>
        (await bus.InvokeAsync<CommandOutcome>(new AddTeamMember(pathwayId, request.ExpectedVersion, request.StructureId, request.Purpose, worker))).ToResult();
}
