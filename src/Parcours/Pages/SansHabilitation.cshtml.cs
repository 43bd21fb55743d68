using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Parcours.Pages;

/// <summary>What a signed-in person without habilitation sees, and nothing else.</summary>
[AllowAnonymous]
public sealed class SansHabilitationModel : PageModel
{
    public static class Text
    {
        public const string Title = "Accès non autorisé";
        public const string Body =
            "Vous êtes bien connecté·e, mais aucune habilitation active ne vous donne accès à Parcours pour cette structure.";
        public const string WhatToDo =
            "Demandez à l'administrateur de Parcours de votre territoire de vous habiliter (structure et rôle), puis reconnectez-vous.";
        public const string SignOut = "Se déconnecter";
    }
}
