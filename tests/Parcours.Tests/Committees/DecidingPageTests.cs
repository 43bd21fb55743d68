using Alba;
using Parcours.Identity;
using Parcours.Tests.Orientations;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.SharingScenarios;

namespace Parcours.Tests.Committees;

/// <summary>Who reaches the session screen and what the orientations page shows, through the pages themselves.</summary>
public sealed class DecidingPageTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(int Status, string Body)> Get(string url, Habilitation worker)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(worker);
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task only_the_sitting_s_conveners_open_its_session_screen()
    {
        var pathway = await Host.Referred(SasReferral(), Staff.SasEducator);
        var sitting = await Store.AdmissionInSession(pathway);
        var url = $"/instances/{sitting.CommitteeId}/seance";

        var (chair, page) = await Get(url, Staff.SasCoordinator);
        var (member, hidden) = await Get(url, Staff.FranceTravailAdviser);
        var (outsider, _) = await Get(url, Staff.PjjEducator);
        var (unknown, missing) = await Get($"/instances/{Guid.CreateVersion7()}/seance", Staff.SasCoordinator);

        Assert.Equal((200, 404, 404, 404), (chair, member, outsider, unknown));
        Assert.Contains("Yanis MARTIN", page);
        Assert.Contains("Enregistrer la décision", page);
        Assert.DoesNotContain("Yanis", hidden);
        Assert.Contains("Instance introuvable", missing);
    }

    [Fact]
    public async Task the_orientations_page_shows_the_receiving_structure_its_anonymised_tickets_and_nobody_else()
    {
        var (pathway, orientation, _) = await Host.OrientedTo(Store, "CEJ");
        var code = $"OR-{orientation.ToString("N")[^6..].ToUpperInvariant()}";

        var (status, receiving) = await Get("/orientations", Staff.CiteAdviser);
        var (_, other) = await Get("/orientations", Staff.FranceTravailAdviser);

        Assert.Equal(200, status);
        Assert.Contains(code, receiving);
        Assert.DoesNotContain("Yanis", receiving);
        Assert.DoesNotContain(pathway.ToString(), receiving);
        Assert.DoesNotContain(code, other);
    }

    [Fact]
    public async Task the_conveners_read_the_returns_on_the_orientations_page()
    {
        var (_, orientation, _) = await Host.OrientedTo(Store, "FT");
        await Host.Done($"/api/orientations/{orientation}/refusal", new { reasonCode = "COMPLET" }, Staff.FranceTravailAdviser);

        var (_, page) = await Get("/orientations", Staff.CiteCoordinator);

        Assert.Contains("id=\"returns-title\"", page);
        Assert.Contains("Plus de place disponible", page);
    }
}
