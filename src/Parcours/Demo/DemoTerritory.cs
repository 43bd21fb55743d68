using Parcours.Kernel;
using Parcours.People.Vault;

namespace Parcours.Demo;

/// <summary>A person of the demo territory: identity in clear (the loader seals it) and their person-stream events.</summary>
public sealed record DemoPerson(Guid Id, Sex Sex, PersonIdentity Identity, DateTimeOffset IdentifiedAt, IReadOnlyList<DemoEvent> Events);

/// <summary>One pathway stream of the demo territory, its events in order.</summary>
public sealed record DemoPathway(Guid Id, Guid PersonId, IReadOnlyList<DemoEvent> Events);

/// <summary>People who belong together (one person over time, or a family) with their pathways: the unit the loader writes.</summary>
public sealed record DemoHousehold(IReadOnlyList<DemoPerson> People, IReadOnlyList<DemoPathway> Pathways);

/// <summary>
/// The fictional caseload of the demo territory: people referred to the PRE, SAS Coluche, the
/// Cité de l'emploi and the Maison des Femmes since January 2023, followed until today. Pure:
/// the same count, seed and "now" give the same households, one at a time (lazily, so memory
/// stays bounded however many pathways are asked for).
/// </summary>
public static class DemoTerritory
{
    /// <summary>The first referral day: the contract's baseline year starts here.</summary>
    public static readonly DateOnly Beginning = new(2023, 1, 2);

    public const int DefaultPathways = 400;
    public const int DefaultSeed = 2030;

    /// <param name="pathways">Exactly how many pathways the households hold altogether.</param>
    /// <param name="seed">The seed of every random choice.</param>
    /// <param name="now">The present: nothing happens after it.</param>
    /// <param name="seal">Encrypts a note with the key of the person it is about.</param>
    public static IEnumerable<DemoHousehold> Generate(int pathways, int seed, DateTimeOffset now, DemoSealer seal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pathways);
        return Households(pathways, new DemoWorld(new DemoDice(seed), now, seal));
    }

    private static IEnumerable<DemoHousehold> Households(int pathways, DemoWorld world)
    {
        var households = new DemoHouseholds(world);
        for (var left = pathways; left > 0;)
        {
            var household = households.Next(left);
            left -= household.Pathways.Count;
            yield return household;
        }
    }
}
