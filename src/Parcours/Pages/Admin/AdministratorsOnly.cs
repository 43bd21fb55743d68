using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Identity.Administering;

namespace Parcours.Pages.Admin;

/// <summary>
/// The administration pages exist for administrators only: anybody else gets the 404 of a page
/// that does not exist, and the attempt is traced. The handlers check again (pages are not the rule).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AdministratorsOnlyAttribute : Attribute, IAsyncPageFilter, IOrderedFilter
{
    /// <summary>After the filter that resolves the current worker.</summary>
    public int Order => 1;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.CurrentWorker() is not { } worker || !Administrators.Includes(worker))
        {
            if (http.CurrentWorker() is { } other)
            {
                var trail = http.RequestServices.GetRequiredService<AuditTrail>();
                await trail.RecordAsync(AuditEntry.By(other, "administration.page", Administrators.Purpose, AuditOutcome.Refused), http.RequestAborted);
            }
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}
