using Parcours.Demo;
using Parcours.People.Vault;

namespace Parcours.Benchmarks.Loading;

/// <summary>
/// Counts what the loader would write for a number of pathways, without a database (notes are
/// not encrypted): to check that a scale reaches its event count before spending an hour loading it.
/// </summary>
public static class EventCount
{
    public static int Run(int pathways, int seed)
    {
        var now = DateTimeOffset.UtcNow;
        EncryptedText Clear(Guid _, string text) => new(text);
        long people = 0, pathwayEvents = 0, personEvents = 0, sittings = 0, sittingEvents = 0, cascaded = 0;
        var city = new List<DemoHousehold>();
        var cities = 0;
        var inCity = 0;
        void Count()
        {
            var generated = CommitteeSittings.Generate(cities++, seed, city.SelectMany(h => h.Pathways).ToList(), now, Clear);
            sittings += generated.Sittings.Count;
            sittingEvents += generated.Sittings.Sum(s => s.Events.Count);
            cascaded += generated.PathwayEvents.Values.Sum(v => v.Count);
            city.Clear();
            inCity = 0;
        }
        foreach (var household in DemoTerritory.Generate(pathways, seed, now, Clear))
        {
            people += household.People.Count;
            personEvents += household.People.Sum(p => p.Events.Count);
            pathwayEvents += household.Pathways.Sum(p => p.Events.Count);
            city.Add(household);
            inCity += household.Pathways.Count;
            if (inCity >= CityGenerator.CityPathways) Count();
        }
        if (city.Count > 0) Count();
        var total = personEvents + pathwayEvents + cascaded + sittingEvents;
        Console.WriteLine($"{pathways:N0} pathways, {people:N0} people, {cities} cities: person events {personEvents:N0}, pathway events {pathwayEvents:N0} "
            + $"+ {cascaded:N0} committee decisions, {sittings:N0} sittings with {sittingEvents:N0} events; total {total:N0} events");
        return 0;
    }
}
