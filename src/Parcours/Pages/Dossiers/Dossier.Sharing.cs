using Microsoft.AspNetCore.Mvc;
using Parcours.Pages.Shared;
using Parcours.Pathways;
using Parcours.Pathways.Consenting;
using Parcours.Pathways.Sealing;
using Parcours.Pathways.Sharing;

namespace Parcours.Pages.Dossiers;

// Consents, the case team, the parents' information and (Maison des Femmes) the safe-contact rule.
// The forms only turn input into commands: the handlers decide (consent coverage, minors, seal).
public sealed partial class DossierModel
{
    public sealed class ConsentInput
    {
        public long? ExpectedVersion { get; set; }
        public ConsentPurpose? Purpose { get; set; }
        public List<Guid> Structures { get; set; } = [];
        public ConsentGiver? GivenBy { get; set; }
        public ConsentMode? Mode { get; set; }
        public DateOnly? GivenOn { get; set; }
        public DateOnly? ExpiresOn { get; set; }
        public string? MinorView { get; set; }
    }

    public sealed class WithdrawInput
    {
        public long? ExpectedVersion { get; set; }
        public Guid ConsentId { get; set; }
        public DateOnly? WithdrawnOn { get; set; }
        public string? Note { get; set; }
    }

    public sealed class TeamInput
    {
        public long? ExpectedVersion { get; set; }
        public Guid? StructureId { get; set; }
        public ConsentPurpose? Purpose { get; set; }
    }

    public sealed class ParentsInput
    {
        public long? ExpectedVersion { get; set; }
        public DateOnly? InformedOn { get; set; }
        public ConsentMode? Mode { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ExceptionInput
    {
        public long? ExpectedVersion { get; set; }
        public string? Justification { get; set; }
    }

    public sealed class SafeContactInput
    {
        public long? ExpectedVersion { get; set; }
        public SafeContactMode? Mode { get; set; }
        public string? Instructions { get; set; }
    }

    [BindProperty(Name = "consent")]
    public ConsentInput ConsentForm { get; set; } = new();

    [BindProperty(Name = "withdraw")]
    public WithdrawInput WithdrawForm { get; set; } = new();

    [BindProperty(Name = "team")]
    public TeamInput TeamForm { get; set; } = new();

    [BindProperty(Name = "parents")]
    public ParentsInput ParentsForm { get; set; } = new();

    [BindProperty(Name = "exception")]
    public ExceptionInput ExceptionForm { get; set; } = new();

    [BindProperty(Name = "safeContact")]
    public SafeContactInput SafeContactForm { get; set; } = new();

    public static string WithdrawKey(Guid consentId) => $"withdraw-{consentId}";

    public static string TeamRemoveKey(Guid structureId) => $"team-remove-{structureId}";

    public Task<IActionResult> OnPostConsentAsync(Guid id, CancellationToken ct)
    {
        var input = ConsentForm;
        if (input.Purpose is not { } purpose) return RejectAsync(id, "consent", "purpose", DossierText.ChoosePurpose, ct);
        if (input.GivenBy is not { } givenBy) return RejectAsync(id, "consent", "givenby", DossierText.ChooseGiver, ct);
        if (input.Mode is not { } mode) return RejectAsync(id, "consent", "mode", DossierText.ChooseMode, ct);
        if (input.GivenOn is not { } on) return RejectAsync(id, "consent", "date", DossierText.MissingDate, ct);
        return SubmitAsync(id, "consent",
            new RecordConsent(id, input.ExpectedVersion, Guid.CreateVersion7(), purpose, input.Structures, givenBy, mode, on, input.ExpiresOn, Blank(input.MinorView), Worker),
            DossierText.ConsentRecorded, ct, "purpose", "structures", "givenby", "mode", "date", "expires", "minorview");
    }

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        var form = WithdrawKey(WithdrawForm.ConsentId);
        return WithdrawForm.WithdrawnOn is not { } on
            ? RejectAsync(id, form, "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, form, new WithdrawConsent(id, WithdrawForm.ExpectedVersion, WithdrawForm.ConsentId, on, Blank(WithdrawForm.Note), Worker),
                DossierText.ConsentWithdrawn, ct, "date", "note");
    }

    public Task<IActionResult> OnPostTeamAddAsync(Guid id, CancellationToken ct)
    {
        if (TeamForm.StructureId is not { } structure) return RejectAsync(id, "team", "structureid", DossierText.ChooseStructure, ct);
        if (TeamForm.Purpose is not { } purpose) return RejectAsync(id, "team", "purpose", DossierText.ChoosePurpose, ct);
        return SubmitAsync(id, "team", new AddTeamMember(id, TeamForm.ExpectedVersion, structure, purpose, Worker), DossierText.TeamMemberAdded, ct,
            "structureid", "purpose");
    }

    public Task<IActionResult> OnPostTeamRemoveAsync(Guid id, CancellationToken ct) =>
        SubmitAsync(id, TeamRemoveKey(TeamForm.StructureId ?? Guid.Empty),
            new RemoveTeamMember(id, TeamForm.ExpectedVersion, TeamForm.StructureId ?? Guid.Empty, Worker), DossierText.TeamMemberRemoved, ct);

    public Task<IActionResult> OnPostParentsAsync(Guid id, CancellationToken ct)
    {
        if (ParentsForm.Mode is not { } mode) return RejectAsync(id, "parents", "mode", DossierText.ChooseMode, ct);
        return ParentsForm.InformedOn is not { } on
            ? RejectAsync(id, "parents", "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, "parents", new RecordParentsInformed(id, ParentsForm.ExpectedVersion, on, mode, Blank(ParentsForm.Note), Worker),
                DossierText.ParentsInformedRecorded, ct, "date", "mode", "note");
    }

    public Task<IActionResult> OnPostExceptionAsync(Guid id, CancellationToken ct) =>
        SubmitAsync(id, "exception", new JustifySharingException(id, ExceptionForm.ExpectedVersion, ExceptionForm.Justification ?? "", Worker),
            DossierText.ExceptionRecorded, ct, "justification");

    public Task<IActionResult> OnPostSafeContactAsync(Guid id, CancellationToken ct) =>
        SafeContactForm.Mode is not { } mode
            ? RejectAsync(id, "safe-contact", "mode", DossierText.ChooseSafeContact, ct)
            : SubmitAsync(id, "safe-contact", new RecordSafeContact(id, SafeContactForm.ExpectedVersion, mode, Blank(SafeContactForm.Instructions), Worker),
                DossierText.SafeContactRecorded, ct, "mode", "instructions");

    public WithdrawInput WithdrawFor(Guid consentId) =>
        Posted == WithdrawKey(consentId) ? WithdrawForm : new WithdrawInput { ConsentId = consentId, WithdrawnOn = Today };

    /// <summary>The structures a consent may name: every one but the referent structure.</summary>
    public IReadOnlyList<Choice> PartnerChoices =>
        Reference.Structures.Where(s => s.Id != Details.ReferentStructureId).Select(s => new Choice(s.Id.ToString(), s.Name)).ToList();

    /// <summary>Structures that may join the team, each with the consent that would cover it, if any.</summary>
    public IReadOnlyList<Choice> TeamChoices
    {
        get
        {
            var sharing = Details.Sharing!;
            return Reference.Structures
                .Where(s => s.Id != Details.ReferentStructureId && sharing.Team.All(m => m.StructureId != s.Id))
                .Select(s => sharing.Consents.FirstOrDefault(c => c.CountsToday && c.Structures.Contains(s.Id)) is { } consent
                    ? new Choice(s.Id.ToString(), DossierText.CoveredChoice(s.Name, Labels.Purpose(consent.Purpose), consent.GivenOn.Fr()))
                    : new Choice(s.Id.ToString(), s.Name))
                .ToList();
        }
    }

    public static IReadOnlyList<Choice> PurposeChoices { get; } = Enum.GetValues<ConsentPurpose>().Select(p => new Choice(p.ToString(), Labels.Purpose(p))).ToList();

    public static IReadOnlyList<Choice> TeamPurposeChoices { get; } =
        [.. PurposeChoices.Where(c => AddTeamMemberHandler.IsTeamPurpose(Enum.Parse<ConsentPurpose>(c.Value)))];

    public static IReadOnlyList<Choice> GiverChoices { get; } = Enum.GetValues<ConsentGiver>().Select(g => new Choice(g.ToString(), Labels.Giver(g))).ToList();

    public static IReadOnlyList<Choice> ModeChoices { get; } = Enum.GetValues<ConsentMode>().Select(m => new Choice(m.ToString(), Labels.Mode(m))).ToList();

    public static IReadOnlyList<Choice> SafeContactChoices { get; } =
        Enum.GetValues<SafeContactMode>().Select(m => new Choice(m.ToString(), Labels.SafeContact(m))).ToList();

    private void PrefillSharing()
    {
        var minor = Details.Sharing?.IsMinor == true;
        if (Posted != "consent") ConsentForm = new ConsentInput { GivenOn = Today, GivenBy = minor ? ConsentGiver.ParentalAuthority : ConsentGiver.Person };
        if (Posted != "team") TeamForm = new TeamInput { Purpose = ConsentPurpose.TeamSharing };
        if (Posted != "parents") ParentsForm = new ParentsInput { InformedOn = Today };
        if (Posted != "exception") ExceptionForm = new ExceptionInput();
        if (Posted != "safe-contact") SafeContactForm = new SafeContactInput { Mode = Details.SafeContact?.Mode };
    }
}
