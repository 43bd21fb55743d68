using Marten;
using Parcours.Audit;
using Parcours.Documents.Rendering;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People.Vault;
using Wolverine.Http;

namespace Parcours.Committees.Documents;

/// <summary>
/// The sitting's printable documents as HTML (served under the documents' strict
/// Content-Security-Policy): agenda and minutes in two versions, orientation letters.
/// </summary>
public static class GetCommitteeDocumentEndpoints
{
    [WolverineGet("/api/committees/{committeeId}/documents/{kind}", OperationId = "getCommitteeDocument")]
    public static async Task<IResult> Get(Guid committeeId, string kind, string? version, CurrentWorker worker, IQuerySession session, PersonVault vault,
        AuditTrail trail, TimeProvider time, CancellationToken ct)
    {
        CommitteeDocumentKind? documentKind = kind switch { "agenda" => CommitteeDocumentKind.Agenda, "minutes" => CommitteeDocumentKind.Minutes, _ => null };
        if (documentKind is null) return OutcomeResults.ToProblem(Refusal.NotFound() with { Detail = "Document inconnu : « agenda » (ordre du jour) ou « minutes » (compte rendu)." });
        DocumentVersion? documentVersion = version switch
        {
            null or "" or "anonymised" => DocumentVersion.Anonymised,
            "nominative" => DocumentVersion.Nominative,
            _ => null,
        };
        if (documentVersion is null) return OutcomeResults.ToProblem(Refusal.Invalid("version", "La version est « nominative » ou « anonymised »."));
        return Answer(await CommitteeDocuments.RenderAsync(session, vault, trail, worker, committeeId, documentKind.Value, documentVersion.Value, null, time.Today(), ct));
    }

    [WolverineGet("/api/committees/{committeeId}/documents/letters/{orientationId}", OperationId = "getOrientationLetter")]
    public static async Task<IResult> Letter(Guid committeeId, Guid orientationId, CurrentWorker worker, IQuerySession session, PersonVault vault,
        AuditTrail trail, TimeProvider time, CancellationToken ct) =>
        Answer(await CommitteeDocuments.RenderAsync(session, vault, trail, worker, committeeId, CommitteeDocumentKind.Letter, DocumentVersion.Nominative, orientationId, time.Today(), ct));

    private static IResult Answer((RenderOutcome? Document, Refusal? Refusal) answer) =>
        answer.Refusal is { } refusal ? OutcomeResults.ToProblem(refusal) : answer.Document!.ToResult();
}
