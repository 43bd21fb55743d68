using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parcours.Committees;
using Parcours.Committees.Reading;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People;
using Parcours.People.GettingDetails;
using Parcours.People.Identifying;
using Parcours.People.Vault;
using Parcours.Privacy.Erasing;
using Parcours.Reference;
using Parcours.Tests.Support;
using Wolverine;
using Wolverine.Tracking;
using static Parcours.Tests.Indicators.PublicationChecks;
using static Parcours.Tests.Support.Scenarios;
using static Parcours.Tests.Support.SharingScenarios;

namespace Parcours.Tests.Privacy;

/// <summary>Erasure of a person: nothing of them is left in any table, everyone else's data and the counts stay.</summary>
public sealed class ErasureTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly NewPerson Erased = new("Bérénice", "Vandermeersch", new DateOnly(2007, 3, 4), Sex.F,
        "7 impasse des Goélands, Calais", "06 11 22 33 44", "b.vandermeersch@exemple.fr");

    private static readonly NewPerson Kept = new("Théophane", "Kowalczyk", new DateOnly(2006, 11, 9), Sex.M,
        "15 rue Verhaeren, Calais", "0698765432", "theophane.k@exemple.fr");

    private static readonly PersonIdentity ErasedIdentity = new(Erased.FirstName, Erased.LastName, Erased.BirthDate, Erased.Address, Erased.Phone, Erased.Email);
    private static readonly PersonIdentity KeptIdentity = new(Kept.FirstName, Kept.LastName, Kept.BirthDate, Kept.Address, Kept.Phone, Kept.Email);

    private NpgsqlDataSource Database => Host.Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>
    /// A young woman followed by SAS Coluche: the referral's reason, a consent, an admission
    /// committee's decision (which opens an orientation), and a command naming her that waits in
    /// Wolverine's inbox. The same for a young man, who is not erased.
    /// </summary>
    private async Task<(Guid Person, Guid Pathway, Guid Committee, Guid OtherPerson, Guid OtherPathway)> TwoPeopleFollowed()
    {
        var pathway = await Host.Referred(SasReferral(Erased), Staff.SasEducator);
        var other = await Host.Referred(SasReferral(Kept), Staff.SasEducator);
        await Host.Consent(pathway, ConsentPurpose.CommitteeExamination, [], byParents: false, Staff.SasEducator);
        var sitting = await Store.AdmissionInSession(pathway, other);
        // The decisions cascade to the pathways through Wolverine's durable queue: wait for them.
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ =>
            Host.Done(sitting.DecisionUrl(), new { outcome = "Orient", destination = "SAS", rationale = "Projet de remobilisation, d'accord pour l'accompagnement." }, Staff.SasCoordinator)));
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ =>
            Host.Done(sitting.DecisionUrl(sitting.ItemIds[1]), new { outcome = "Postpone", rationale = "À revoir à la prochaine séance.", missing = "Bilan de santé à compléter." }, Staff.SasCoordinator)));

        using var scope = Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        await bus.ScheduleAsync(new IdentifyPerson(Guid.CreateVersion7(), Erased, CurrentWorker.Of(Staff.SasEducator)), TimeSpan.FromDays(30));
        await bus.ScheduleAsync(new IdentifyPerson(Guid.CreateVersion7(), Kept, CurrentWorker.Of(Staff.SasEducator)), TimeSpan.FromDays(30));

        await using var session = Store.QuerySession();
        var person = (await session.LoadAsync<PathwayFile>(pathway))!.PersonId;
        var otherPerson = (await session.LoadAsync<PathwayFile>(other))!.PersonId;
        return (person, pathway, sitting.CommitteeId, otherPerson, other);
    }

    private async Task<VerificationReport> ScanAsync(PersonIdentity identity)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return await ErasureVerification.ScanAsync(connection, ErasureNeedles.From(identity), DateTimeOffset.UtcNow);
    }

    private async Task<ErasureLogEntry> Erase(Guid person)
    {
        var (_, id) = await Host.Created("/api/privacy/erasures", new { personId = person }, Staff.DataProtectionOfficer);
        return await Host.GetJson<ErasureLogEntry>($"/api/privacy/erasures/{id}", Staff.DataProtectionOfficer);
    }

    [Fact]
    public async Task after_erasure_no_table_holds_the_person_s_name_birth_date_phone_or_e_mail()
    {
        var (person, pathway, committee, _, _) = await TwoPeopleFollowed();
        var before = await ScanAsync(ErasedIdentity);
        Assert.Contains(before.Findings, f => f.Table.EndsWith("wolverine_incoming_envelopes", StringComparison.Ordinal) && f.Column == "body");

        var entry = await Erase(person);

        Assert.NotNull(entry.Report);
        Assert.True(entry.Report!.Clean, string.Join(", ", entry.Report.Findings));
        Assert.True(entry.Report.Tables > 20 && entry.Report.Needles >= 8, $"{entry.Report.Tables} tables, {entry.Report.Needles} needles");
        Assert.True(entry.EnvelopesScrubbed >= 1);
        Assert.Equal((ErasureDecision.Erased, ErasureGround.Request, 1, Staff.DataProtectionOfficer.Id), (entry.Decision, entry.Ground, entry.Pathways, entry.By));
        var after = await ScanAsync(ErasedIdentity);
        Assert.Empty(after.Findings);
    }

    [Fact]
    public async Task erasure_masks_the_protected_event_data_keeps_the_history_s_shape_and_rebuilds_the_views()
    {
        var (person, pathway, committee, _, other) = await TwoPeopleFollowed();
        int eventsBefore;
        int timelineBefore;
        await using (var session = Store.QuerySession())
        {
            eventsBefore = (await session.Events.FetchStreamAsync(pathway)).Count;
            timelineBefore = (await session.LoadAsync<PathwayFile>(pathway))!.Timeline.Count;
        }

        await Erase(person);

        await using var query = Store.QuerySession();
        Assert.Null(await query.LoadAsync<PersonKey>(person));
        Assert.Null(await query.LoadAsync<SealedIdentity>(person));
        Assert.Equal(Today, (await query.LoadAsync<Person>(person))!.ErasedOn);
        var events = await query.Events.FetchStreamAsync(pathway);
        Assert.Equal(eventsBefore, events.Count);
        Assert.Null(events.Select(e => e.Data).OfType<PathwayReferred>().Single().Reason);
        Assert.All(events.Select(e => e.Data).OfType<CommitteeDecisionRecorded>(), d => Assert.Null(d.Rationale));
        var file = (await query.LoadAsync<PathwayFile>(pathway))!;
        Assert.Equal((timelineBefore, "SAS", Sex.F), (file.Timeline.Count, file.Programme, file.Sex));
        Assert.Null(file.Reason);
        Assert.All(file.Timeline, t => Assert.True(t.Text is null || t.Text.Cipher.Length == 0));

        var decisions = (await query.Events.FetchStreamAsync(committee)).Select(e => e.Data).OfType<ItemDecided>().ToList();
        Assert.Null(decisions.Single(d => d.PathwayId == pathway).Rationale);
        Assert.NotNull(decisions.Single(d => d.PathwayId == other).Missing);
        var view = (await query.LoadAsync<CommitteeView>(committee))!;
        Assert.Null(view.Items.Single(i => i.PathwayId == pathway).Rationale);
        Assert.NotNull(view.Items.Single(i => i.PathwayId == other).Missing);
        Assert.Contains((await query.Events.FetchStreamAsync(person)).Select(e => e.Data), e => e is PersonErased { Ground: ErasureGround.Request });
    }

    [Fact]
    public async Task the_case_views_rebuild_from_the_masked_events_without_error_and_give_the_same_anonymous_file()
    {
        var (person, pathway, committee, _, _) = await TwoPeopleFollowed();
        await Erase(person);
        string fileBefore, viewBefore;
        await using (var session = Store.QuerySession())
        {
            fileBefore = System.Text.Json.JsonSerializer.Serialize(await session.LoadAsync<PathwayFile>(pathway));
            viewBefore = System.Text.Json.JsonSerializer.Serialize(await session.LoadAsync<CommitteeView>(committee));
        }

        var daemon = Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<PathwayFileProjection>(Patience, CancellationToken.None);
        await daemon.RebuildProjectionAsync<CommitteeViewProjection>(Patience, CancellationToken.None);
        await daemon.RebuildProjectionAsync<Parcours.Orientations.Inbox.OrientationTicketProjection>(Patience, CancellationToken.None);

        await using var query = Store.QuerySession();
        Assert.Equal(fileBefore, System.Text.Json.JsonSerializer.Serialize(await query.LoadAsync<PathwayFile>(pathway)));
        Assert.Equal(viewBefore, System.Text.Json.JsonSerializer.Serialize(await query.LoadAsync<CommitteeView>(committee)));
        Assert.Empty((await ScanAsync(ErasedIdentity)).Findings);
    }

    [Fact]
    public async Task other_people_s_data_is_intact_after_an_erasure()
    {
        var (person, _, committee, otherPerson, other) = await TwoPeopleFollowed();

        await Erase(person);

        var kept = await ScanAsync(KeptIdentity);
        Assert.Contains(kept.Findings, f => f.Column == "body");
        var details = await Host.GetJson<PersonDetails>($"/api/people/{otherPerson}", Staff.SasEducator);
        Assert.Equal(("Théophane", "0698765432"), (details.Identity!.FirstName, details.Identity.Phone));
        var file = await Host.PathwayFile(other, Staff.SasEducator);
        Assert.Equal("Rupture scolaire depuis un an.", file.Reason);
        await Host.GetText($"/api/people/{person}", Staff.SasEducator, 404);
    }

    [Fact]
    public async Task erasure_leaves_the_indicator_facts_and_publication_unchanged_also_after_a_rebuild()
    {
        var (person, _, _, _, _) = await TwoPeopleFollowed();
        await Host.ActivePathway(PreReferral(Child(age: 11)));
        await new Indicators.GeneratedHistory(seed: 7).AddPathways(40).AppendAsync(Store, rounds: 1);
        var publications = Host.Services.GetRequiredService<Parcours.Indicators.Publishing.IndicatorPublications>();
        var factsBefore = await RawFactsAsync(Store);
        var before = await publications.LiveAsync([Today.Year], CancellationToken.None);

        await Erase(person);
        var factsAfter = await RawFactsAsync(Store);
        await RebuildAsync(Host.Services);

        Assert.Equal(factsBefore, factsAfter);
        Assert.Equal(factsBefore, await RawFactsAsync(Store));
        Assert.Equal(Tables(before), Tables(await publications.LiveAsync([Today.Year], CancellationToken.None)));
        NoSmallCount(await publications.LiveAsync([Today.Year], CancellationToken.None));
    }

    [Fact]
    public async Task an_erasure_request_may_be_refused_for_a_public_interest_programme_and_the_refusal_is_recorded_and_listed()
    {
        var pre = await Host.ActivePathway(PreReferral(Child(age: 11)));
        Guid child;
        await using (var session = Store.QuerySession()) child = (await session.LoadAsync<PathwayFile>(pre))!.PersonId;

        var (_, id) = await Host.Created("/api/privacy/erasures/refusals", new { personId = child }, Staff.DataProtectionOfficer);

        var list = await Host.GetJson<List<ErasureLogEntry>>("/api/privacy/erasures", Staff.DataProtectionOfficer);
        var refusal = Assert.Single(list, e => e.Id == id);
        Assert.Equal((ErasureDecision.Refused, child), (refusal.Decision, refusal.PersonId));
        Assert.Contains("17", refusal.LegalReason);
        Assert.Contains("réussite éducative", refusal.LegalReason);
        await using var query = Store.QuerySession();
        Assert.Contains((await query.Events.FetchStreamAsync(child)).Select(e => e.Data), e => e is ErasureRefused);
        Assert.NotNull(await query.LoadAsync<PersonKey>(child));
        var trail = await Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"select count(*) from parcours_audit.entries where person_id = '{child}' and action = '{RefuseErasureHandler.AuditAction}'").ExecuteScalarAsync();
        Assert.Equal(1L, trail);
    }

    [Fact]
    public async Task an_erasure_request_outside_a_public_interest_programme_cannot_be_refused()
    {
        var (person, _, _, _, _) = await TwoPeopleFollowed();

        var (problem, _) = await Host.Refused("/api/privacy/erasures/refusals", new { personId = person }, 422, Staff.DataProtectionOfficer);

        Assert.Contains("mission d'intérêt public", problem.Detail);
    }

    [Fact]
    public async Task only_the_data_protection_officer_erases_refuses_or_reads_the_register()
    {
        var (person, _, _, _, _) = await TwoPeopleFollowed();

        foreach (var worker in new[] { Staff.SasCoordinator, Staff.PreCoordinator, Staff.Administrator, Staff.StatisticsCoordinator })
        {
            var (problem, _) = await Host.Refused("/api/privacy/erasures", new { personId = person }, 403, worker);
            Assert.Equal("Seul le délégué à la protection des données décide des effacements.", problem.Detail);
            await Host.Refused("/api/privacy/erasures/refusals", new { personId = person }, 403, worker);
            await Host.GetText("/api/privacy/erasures", worker, 403);
        }
        await using var query = Store.QuerySession();
        Assert.NotNull(await query.LoadAsync<PersonKey>(person));
    }

    [Fact]
    public async Task an_unknown_person_an_empty_id_a_malformed_body_and_a_second_erasure_are_refused_in_french()
    {
        var (person, _, _, _, _) = await TwoPeopleFollowed();

        await Host.Refused("/api/privacy/erasures", new { personId = Guid.CreateVersion7() }, 404, Staff.DataProtectionOfficer);
        var (empty, _) = await Host.Refused("/api/privacy/erasures", new { personId = Guid.Empty }, 400, Staff.DataProtectionOfficer);
        Assert.Equal("L'identifiant de la personne est obligatoire.", empty.Detail);
        await Host.Refused("/api/privacy/erasures", new { personId = "pas un identifiant" }, 400, Staff.DataProtectionOfficer);
        await Erase(person);
        var (again, _) = await Host.Refused("/api/privacy/erasures", new { personId = person }, 409, Staff.DataProtectionOfficer);
        Assert.Equal("Les données de cette personne ont déjà été effacées.", again.Detail);
        await Host.Refused("/api/privacy/erasures/refusals", new { personId = person }, 409, Staff.DataProtectionOfficer);
    }

    [Fact]
    public async Task the_retention_sweep_erases_without_an_actor_and_the_register_says_so()
    {
        var (person, _, _, _, _) = await TwoPeopleFollowed();
        using var scope = Host.Services.CreateScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<CommandOutcome>(new ErasePerson(person, ErasureGround.Retention, null));

        Assert.Null(outcome.Refusal);
        var entry = await Host.GetJson<ErasureLogEntry>($"/api/privacy/erasures/{outcome.Id}", Staff.DataProtectionOfficer);
        Assert.Equal((ErasureGround.Retention, (Guid?)null, true), (entry.Ground, entry.By, entry.Report!.Clean));
        var trail = await Database.CreateCommand(
            $"select count(*) from parcours_audit.entries where person_id = '{person}' and action = '{ErasePersonHandler.AuditAction}' and worker_id is null").ExecuteScalarAsync();
        Assert.Equal(1L, trail);
    }

    [Fact]
    public void the_masking_rule_empties_every_encrypted_text_of_an_event_and_keeps_its_facts()
    {
        var text = new EncryptedText("c2VjcmV0");
        var referred = new PathwayReferred(Guid.CreateVersion7(), Guid.CreateVersion7(), "PRE", null, Today, "ECOLE", null, "BM", Guid.CreateVersion7(), Sex.M, "6-10", text, Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        var review = new ReviewRecorded(Guid.CreateVersion7(), Guid.CreateVersion7(), Today, text, Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        var decided = new ItemDecided(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), ItemOutcome.Postpone, null, null, null, null, [], text, text, Today, Guid.CreateVersion7(), DateTimeOffset.UtcNow);

        EventMasking.Mask(referred);
        EventMasking.Mask(review);
        EventMasking.Mask(decided);

        Assert.Equal((null, "PRE", "6-10"), (referred.Reason, referred.Programme, referred.AgeBand));
        Assert.Equal("", review.Summary.Cipher);
        Assert.Equal((null, null, ItemOutcome.Postpone), (decided.Rationale, decided.Missing, decided.Outcome));
    }
}
