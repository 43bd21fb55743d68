using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Parcours.Documents;
using Parcours.Identity;

namespace Parcours.Pages.Modeles;

/// <summary>The template pages exist for programme coordinators and administrators; anybody else gets the 404 of a page that does not exist.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TemplateEditorsOnlyAttribute : Attribute, IAsyncPageFilter, IOrderedFilter
{
    /// <summary>After the filter that resolves the current worker.</summary>
    public int Order => 1;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.CurrentWorker() is not { } worker || !TemplateEditors.Includes(worker))
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}

/// <summary>Labels shared by the template pages.</summary>
public static class ModelesText
{
    public const string Templates = "Modèles de documents";
    public const string Breadcrumb = "Fil d'Ariane";
    public static string Saved(string title, int version) => $"La version {version} du modèle « {title} » est enregistrée : les prochains documents l'utiliseront.";
    public static string At(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("dd/MM/yyyy 'à' HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
