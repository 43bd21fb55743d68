using System.Security.Claims;
using Alba;
using Parcours.Identity;
using Parcours.Reference;
using Parcours.Tests.Support;

namespace Parcours.Tests.Identity;

public sealed class HabilitationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_signed_in_person_without_habilitation_gets_403_from_the_api_and_the_explanation_page()
    {
        void Stranger(Scenario s)
        {
            s.WithClaim(new Claim("email", "inconnu@exemple.invalid"));
            s.WithClaim(new Claim(CurrentWorker.StructureClaim, Structures.PreCalais.ToString()));
        }

        await Host.Scenario(s =>
        {
            Stranger(s);
            s.Get.Url("/api/pathways");
            s.StatusCodeShouldBe(403);
        });
        await Host.Scenario(s =>
        {
            Stranger(s);
            s.Get.Url("/");
            s.StatusCodeShouldBe(302);
            s.Header("Location").SingleValueShouldEqual("/sans-habilitation");
        });
    }

    [Fact]
    public async Task a_habilitation_is_matched_on_email_and_structure_not_on_the_subject_alone()
    {
        await Host.Scenario(s =>
        {
            s.WithClaim(new Claim("sub", Staff.PreReferent.Id.ToString()));
            s.WithClaim(new Claim("email", Staff.PreReferent.Email));
            s.WithClaim(new Claim(CurrentWorker.StructureClaim, Structures.SasColuche.ToString()));
            s.Get.Url("/api/pathways");
            s.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task a_deactivated_habilitation_takes_effect_on_the_next_request()
    {
        await Host.Scenario(s =>
        {
            s.As(Staff.PreReferent);
            s.Get.Url("/api/pathways");
            s.StatusCodeShouldBe(200);
        });

        await using (var session = Store.LightweightSession())
        {
            var habilitation = await session.LoadAsync<Habilitation>(Staff.PreReferent.Id);
            habilitation!.Active = false;
            session.Store(habilitation);
            await session.SaveChangesAsync();
        }

        await Host.Scenario(s =>
        {
            s.As(Staff.PreReferent);
            s.Get.Url("/api/pathways");
            s.StatusCodeShouldBe(403);
        });
    }
}
