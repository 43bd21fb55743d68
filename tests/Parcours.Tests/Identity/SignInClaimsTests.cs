using System.Security.Claims;
using Parcours.Identity;
using Parcours.Identity.SigningIn;

namespace Parcours.Tests.Identity;

/// <summary>What Parcours keeps of a provider's claims: an e-mail to match habilitations on, and a name.</summary>
public sealed class SignInClaimsTests
{
    private static SignedInPerson? Read(params (string Type, string Value)[] claims) =>
        SignInClaims.Read(claims.Select(c => new Claim(c.Type, c.Value)));

    [Fact]
    public void a_proconnect_sign_in_gives_the_email_and_the_given_and_usual_names()
    {
        var person = Read(("sub", "7c2b1e1e-proconnect"), ("email", "Camille.Lefebvre@Calais.fr"), ("given_name", "Camille"),
            ("usual_name", "Lefebvre"), ("siret", "21620193000010"), ("uid", "42"));

        Assert.Equal(new SignedInPerson("7c2b1e1e-proconnect", "camille.lefebvre@calais.fr", "Camille Lefebvre"), person);
    }

    [Fact]
    public void a_keycloak_sign_in_gives_the_email_and_the_given_and_family_names()
    {
        var person = Read(("sub", "f3d0"), ("email", "karim.benali@calais.fr"), ("email_verified", "true"), ("given_name", "Karim"),
            ("family_name", "Benali"), ("preferred_username", "kbenali"));

        Assert.Equal(new SignedInPerson("f3d0", "karim.benali@calais.fr", "Karim Benali"), person);
    }

    [Fact]
    public void a_full_name_claim_wins_and_a_username_or_the_email_stand_in_when_there_is_no_name()
    {
        Assert.Equal("Dr Julie Martin", Read(("email", "j@x.fr"), ("name", "Dr Julie Martin"), ("given_name", "Julie"))!.Name);
        Assert.Equal("jmartin", Read(("email", "j@x.fr"), ("preferred_username", "jmartin"))!.Name);
        Assert.Equal("j@x.fr", Read(("email", "j@x.fr"))!.Name);
    }

    [Fact]
    public void without_an_email_nobody_is_signed_in_whatever_the_subject()
    {
        Assert.Null(Read(("sub", Staff.PreReferent.Id.ToString()), ("given_name", "Camille"), ("usual_name", "Lefebvre")));
        Assert.Null(Read(("sub", "x"), ("email", "pas-une-adresse")));
    }

    [Fact]
    public void an_email_the_provider_has_not_verified_is_not_used()
    {
        Assert.Null(Read(("email", Staff.PreReferent.Email), ("email_verified", "false")));
    }

    [Fact]
    public void the_kept_principal_carries_the_email_the_name_and_the_structure_when_known()
    {
        var principal = SignInClaims.Principal(new SignedInPerson("s", "a@b.fr", "A B"), "Cookies", Staff.PreReferent.StructureId);

        Assert.Equal("a@b.fr", principal.FindFirstValue("email"));
        Assert.Equal("A B", principal.Identity!.Name);
        Assert.Equal(Staff.PreReferent.StructureId.ToString(), principal.FindFirstValue("parcours:structure"));
        Assert.DoesNotContain(principal.Claims, c => c.Type == "given_name");
    }
}
