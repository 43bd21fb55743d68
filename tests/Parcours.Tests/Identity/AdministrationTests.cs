using System.Security.Claims;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Identity.Administering;
using Parcours.Reference;
using Parcours.Reference.Administering;
using Parcours.Tests.Support;

namespace Parcours.Tests.Identity;

/// <summary>Administrators manage structures and habilitations; to anybody else the administration does not exist.</summary>
public sealed class AdministrationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static string NewEmail() => $"essai.{Guid.NewGuid():N}"[..20] + "@calais.example";

    private static HabilitationChange Referent(string email, Guid? structure = null, string[]? roles = null, bool? active = null) =>
        new("Aline Durand", email, structure ?? Structures.PreCalais, "Référente PRE", roles ?? ["Referent"], ["Health"], active);

    private static Habilitation AsHabilitation(string email, Guid structure) => new() { Email = email, StructureId = structure, DisplayName = "Aline Durand" };

    public static TheoryData<Guid> NotAdministrators => new(Staff.All.Where(s => !s.Roles.Contains(Role.Administrator)).Select(s => s.Id));

    [Fact]
    public async Task an_administrator_grants_a_habilitation_and_the_person_gets_in_at_once()
    {
        var email = NewEmail();
        var (_, id) = await Host.Created("/api/admin/habilitations", Referent(email.ToUpperInvariant()), Staff.Administrator);

        var granted = await (await Host.Scenario(s =>
        {
            s.As(Staff.Administrator);
            s.Get.Url($"/api/admin/habilitations/{id}");
        })).Read<Habilitation>();
        Assert.Equal((email, Structures.PreCalais, true), (granted.Email, granted.StructureId, granted.Active));
        Assert.Equal([Role.Referent], granted.Roles);
        Assert.Equal([SpecialCategory.Health], granted.Entitlements);

        await Host.Scenario(s =>
        {
            s.As(AsHabilitation(email, Structures.PreCalais));
            s.Get.Url("/api/pathways");
            s.StatusCodeShouldBe(200);
        });
        Assert.Contains(await TrailOf(Staff.Administrator.Email), e => e.Action == "habilitation.grant" && e.Purpose.Contains(email) && e.Outcome == "Allowed");
    }

    [Fact]
    public async Task a_deactivated_habilitation_closes_the_door_on_the_next_request_and_the_change_is_traced()
    {
        var email = NewEmail();
        var (_, id) = await Host.Created("/api/admin/habilitations", Referent(email), Staff.Administrator);

        await Put($"/api/admin/habilitations/{id}", Referent(email, active: false));

        await Host.Scenario(s =>
        {
            s.As(AsHabilitation(email, Structures.PreCalais));
            s.Get.Url("/api/pathways");
            s.StatusCodeShouldBe(403);
        });
        Assert.Contains(await TrailOf(Staff.Administrator.Email), e => e.Action == "habilitation.change" && e.Purpose.Contains(email) && e.Purpose.Contains("désactivée"));
    }

    [Theory]
    [InlineData("pas-une-adresse", "email")]
    [InlineData("", "email")]
    [InlineData("no-roles", "roles")]
    [InlineData("unknown-role", "roles")]
    [InlineData("unknown-structure", "structureId")]
    [InlineData("no-name", "displayName")]
    public async Task a_habilitation_needs_a_valid_email_an_existing_structure_a_name_and_at_least_one_role(string what, string field)
    {
        var email = NewEmail();
        var change = what switch
        {
            "no-roles" => Referent(email, roles: []),
            "unknown-role" => Referent(email, roles: ["Referent", "Superviseur"]),
            "unknown-structure" => Referent(email, structure: Guid.CreateVersion7()),
            "no-name" => Referent(email) with { DisplayName = " " },
            _ => Referent(what),
        };

        var (problem, _) = await Host.Refused("/api/admin/habilitations", change, 400, Staff.Administrator);

        Assert.Equal(field, Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task one_person_has_one_habilitation_per_structure()
    {
        var email = NewEmail();
        await Host.Created("/api/admin/habilitations", Referent(email), Staff.Administrator);
        var (_, other) = await Host.Created("/api/admin/habilitations", Referent(email, Structures.SasColuche), Staff.Administrator);

        await Host.Refused("/api/admin/habilitations", Referent(email.ToUpperInvariant()), 409, Staff.Administrator);
        // Moving the second one into the first one's structure is the same conflict.
        var moved = await Host.Scenario(s =>
        {
            s.As(Staff.Administrator);
            s.Put.Json(Referent(email, Structures.PreCalais)).ToUrl($"/api/admin/habilitations/{other}");
            s.StatusCodeShouldBe(409);
        });
        Assert.Contains("déjà une habilitation", await moved.ReadAsTextAsync());
    }

    [Fact]
    public async Task an_administrator_cannot_lock_themselves_out()
    {
        var self = new HabilitationChange(Staff.Administrator.DisplayName, Staff.Administrator.Email, Staff.Administrator.StructureId,
            Staff.Administrator.Position, ["StatisticsCoordinator"], [], true);

        await Host.Scenario(s =>
        {
            s.As(Staff.Administrator);
            s.Put.Json(self).ToUrl($"/api/admin/habilitations/{Staff.Administrator.Id}");
            s.StatusCodeShouldBe(422);
        });
    }

    [Theory]
    [MemberData(nameof(NotAdministrators))]
    public async Task to_anybody_but_an_administrator_the_administration_does_not_exist(Guid who)
    {
        var worker = Staff.All.Single(s => s.Id == who);
        var unknown = await Host.Scenario(s =>
        {
            s.As(Staff.Administrator);
            s.Get.Url($"/api/admin/habilitations/{Guid.CreateVersion7()}");
            s.StatusCodeShouldBe(404);
        });
        var expected = Problem.Normalised(await unknown.ReadAsTextAsync());

        foreach (var (method, url, body) in new (string, string, object?)[]
                 {
                     ("GET", "/api/admin/habilitations", null),
                     ("GET", $"/api/admin/habilitations/{Staff.PreReferent.Id}", null),
                     ("POST", "/api/admin/habilitations", Referent(NewEmail())),
                     ("PUT", $"/api/admin/habilitations/{worker.Id}", Referent(worker.Email, worker.StructureId, ["Administrator"])),
                     ("GET", "/api/admin/structures", null),
                     ("POST", "/api/admin/structures", new StructureChange("Nouvelle structure", "Association", [])),
                     ("PUT", $"/api/admin/structures/{Structures.Ccas}", new StructureChange("CCAS", "Action sociale", [])),
                     ("GET", "/admin/habilitations", null),
                     ("GET", "/admin/structures", null),
                 })
        {
            var result = await Host.Scenario(s =>
            {
                s.As(worker);
                if (method == "GET") s.Get.Url(url);
                else if (method == "POST") s.Post.Json(body!).ToUrl(url);
                else s.Put.Json(body!).ToUrl(url);
                s.StatusCodeShouldBe(404);
            });
            if (url.StartsWith("/api")) Assert.Equal(expected, Problem.Normalised(await result.ReadAsTextAsync()));
        }
        await using var session = Store.QuerySession();
        Assert.Equal(Staff.Administrator.Roles, (await session.LoadAsync<Habilitation>(Staff.Administrator.Id))!.Roles);
        Assert.Equal("CCAS de Calais", (await session.LoadAsync<Structure>(Structures.Ccas))!.Name);
        Assert.Contains(await TrailOf(worker.Email), e => e.Action == "habilitation.grant" && e.Outcome == "Refused");
    }

    [Fact]
    public async Task an_administrator_adds_a_structure_and_changes_the_programmes_it_runs()
    {
        var name = $"Association {Guid.NewGuid():N}"[..24];
        var (_, id) = await Host.Created("/api/admin/structures", new StructureChange(name, "Association", []), Staff.Administrator);

        await Put($"/api/admin/structures/{id}", new StructureChange(name, "Association", ["SAS"]));

        var listed = await (await Host.Scenario(s =>
        {
            s.As(Staff.Administrator);
            s.Get.Url("/api/admin/structures");
        })).Read<List<AdministeredStructure>>();
        Assert.Equal(["SAS"], listed.Single(s => s.Id == id).Programmes);
        Assert.Equal(3, listed.Single(s => s.Id == Structures.PolitiqueDeLaVille).Habilitations);
        Assert.Contains(await TrailOf(Staff.Administrator.Email), e => e.Action == "structure.change" && e.Purpose.Contains(name));
    }

    [Fact]
    public async Task a_structure_needs_a_unique_name_a_kind_and_known_programmes()
    {
        await Host.Refused("/api/admin/structures", new StructureChange("ccas de calais", "Action sociale", []), 409, Staff.Administrator);
        var (unknown, _) = await Host.Refused("/api/admin/structures", new StructureChange("Nouvelle", "Association", ["XYZ"]), 400, Staff.Administrator);
        Assert.Equal("programmes", Assert.Single(unknown.Errors!).Key);
        var (noKind, _) = await Host.Refused("/api/admin/structures", new StructureChange("Nouvelle", "", []), 400, Staff.Administrator);
        Assert.Equal("kind", Assert.Single(noKind.Errors!).Key);
        await Host.Scenario(s =>
        {
            s.As(Staff.Administrator);
            s.Put.Json(new StructureChange("Nouvelle", "Association", [])).ToUrl($"/api/admin/structures/{Guid.CreateVersion7()}");
            s.StatusCodeShouldBe(404);
        });
    }

    private async Task Put(string url, object body) => await Host.Scenario(s =>
    {
        s.As(Staff.Administrator);
        s.Put.Json(body).ToUrl(url);
        s.StatusCodeShouldBe(200);
    });

    private sealed record Entry(string Action, string Purpose, string Outcome);

    private async Task<List<Entry>> TrailOf(string email)
    {
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = data.CreateCommand($"select action, purpose, outcome from {AuditSchema.Table} where email = $1 order by id desc limit 50");
        command.Parameters.AddWithValue(email);
        var entries = new List<Entry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) entries.Add(new Entry(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return entries;
    }
}
