using Parcours.Indicators.Definitions;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;
using Parcours.Kernel;

namespace Parcours.Tests.Indicators;

public sealed class PublicationFingerprintTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static Publication Of(IReadOnlyList<IndicatorFact> facts, DateTimeOffset computedAt, DateTimeOffset? asOf = null, long sequence = 42) =>
        new(computedAt, asOf, sequence, 11, 2023, [2026], IndicatorPublisher.Publish(facts, IndicatorCatalogue.All, [2026], DisclosureRules.Default));

    private static List<IndicatorFact> Children(int count) =>
        Enumerable.Range(0, count).Select(i => new IndicatorFact
        {
            Id = $"p{i}", Person = $"u{i}", Programme = "PRE", TerritoryCode = "BM-GREUZE-VADEZ", Sex = i % 2 == 0 ? Sex.F : Sex.M, AgeBand = "6-10",
            ReferralSource = "ECOLE", ReferredOn = new DateOnly(2026, 1, 5), AcceptedOn = new DateOnly(2026, 1, 6), StartedOn = new DateOnly(2026, 1, 7),
        }).ToList();

    [Fact]
    public void The_fingerprint_ignores_when_a_publication_was_computed_and_the_offset_of_its_as_of_instant()
    {
        var facts = Children(30);
        Assert.Equal(PublicationFingerprint.Sha256(Of(facts, At)), PublicationFingerprint.Sha256(Of(facts, At.AddDays(100))));
        Assert.Equal(PublicationFingerprint.Sha256(Of(facts, At, asOf: At)), PublicationFingerprint.Sha256(Of(facts, At, asOf: At.ToOffset(TimeSpan.FromHours(1)))));
        Assert.Matches("^[0-9a-f]{64}$", PublicationFingerprint.Sha256(Of(facts, At)));
    }

    [Fact]
    public void The_fingerprint_changes_with_one_more_person_the_sequence_or_the_as_of_instant()
    {
        var hash = PublicationFingerprint.Sha256(Of(Children(30), At));
        Assert.NotEqual(hash, PublicationFingerprint.Sha256(Of(Children(31), At)));
        Assert.NotEqual(hash, PublicationFingerprint.Sha256(Of(Children(30), At, sequence: 43)));
        Assert.NotEqual(hash, PublicationFingerprint.Sha256(Of(Children(30), At, asOf: At)));
    }
}
