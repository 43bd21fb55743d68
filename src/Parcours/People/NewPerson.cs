using Parcours.Kernel;
using Parcours.Pathways;

namespace Parcours.People;

/// <summary>Identity of a person not yet known to Parcours, as a worker types it.</summary>
public sealed record NewPerson(string FirstName, string LastName, DateOnly BirthDate, Sex Sex, string? Address = null, string? Phone = null, string? Email = null)
{
    /// <summary>Field errors name the JSON path, hence the prefix when the person is nested.</summary>
    public Refusal? Validate(DateOnly today, string prefix = "") =>
        PathwayRules.Required(FirstName, prefix + "firstName", "Prénom")
        ?? PathwayRules.Required(LastName, prefix + "lastName", "Nom")
        ?? PathwayRules.TooLong(FirstName, prefix + "firstName", 100)
        ?? PathwayRules.TooLong(LastName, prefix + "lastName", 100)
        ?? PathwayRules.TooLong(Address, prefix + "address", 300)
        ?? PathwayRules.TooLong(Phone, prefix + "phone", 30)
        ?? PathwayRules.TooLong(Email, prefix + "email", 200)
        ?? (BirthDate == default ? Refusal.Invalid(prefix + "birthDate", "La date de naissance est obligatoire.") : null)
        ?? PathwayRules.NotInFuture(BirthDate, today, prefix + "birthDate")
        ?? (Enum.IsDefined(Sex) ? null : Refusal.Invalid(prefix + "sex", "Le sexe doit être F ou M."));
}
