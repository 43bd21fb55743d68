using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Parcours.Pages.Connexion;

/// <summary>The sign-in did not complete at the provider, or it sent no verified e-mail to match a habilitation on.</summary>
public sealed class EchecModel : PageModel
{
    public static class Text
    {
        public const string Title = "Connexion impossible";
        public const string Failed = "La connexion auprès de votre fournisseur d'identité n'a pas abouti (annulée, expirée ou refusée).";
        public const string NoEmail =
            "Votre fournisseur d'identité n'a pas transmis d'adresse électronique vérifiée : Parcours ne peut pas retrouver vos habilitations.";
        public const string WhatToDo = "Réessayez ; si le problème persiste, contactez l'administrateur de Parcours de votre territoire.";
        public const string Retry = "Réessayer de se connecter";
    }

    [BindProperty(SupportsGet = true, Name = "motif")]
    public string? Reason { get; set; }

    public bool NoEmail => Reason == "adresse";
}
