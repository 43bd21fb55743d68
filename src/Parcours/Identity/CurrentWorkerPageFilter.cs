using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Parcours.Identity.SigningIn;

namespace Parcours.Identity;

/// <summary>
/// For pages: resolves the current worker once per request. A signed-in person without an
/// active habilitation is sent to the page that says so, and sees nothing else.
/// </summary>
public sealed class CurrentWorkerPageFilter(IQuerySession session) : IAsyncPageFilter
{
    public const string NoHabilitationPath = "/sans-habilitation";
    private const string ItemKey = "Parcours.CurrentWorker";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var allowedWithout = context.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
        if (CurrentWorker.EmailOf(http.User) is not null)
        {
            var worker = await CurrentWorker.ResolveAsync(http.User, session, http.RequestAborted);
            http.Items[ItemKey] = worker;
            if (worker is null && !allowedWithout)
            {
                // Signed in, structure not chosen yet (several habilitations): the choice page; otherwise nothing to see.
                context.Result = new RedirectResult(http.User.HasClaim(c => c.Type == CurrentWorker.StructureClaim)
                    ? NoHabilitationPath
                    : StructureChoice.PathFor(http.Request.PathBase + http.Request.Path + http.Request.QueryString));
                return;
            }
        }
        else if (http.User.Identity?.IsAuthenticated == true && !allowedWithout)
        {
            // Authenticated without an e-mail: no habilitation can match, whatever the subject.
            context.Result = new RedirectResult(NoHabilitationPath);
            return;
        }
        await next();
    }

    public static CurrentWorker? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var worker) ? worker as CurrentWorker : null;
}

public static class CurrentWorkerHttpContext
{
    /// <summary>The worker resolved by <see cref="CurrentWorkerPageFilter"/> (null when not signed in or not habilitated).</summary>
    public static CurrentWorker? CurrentWorker(this HttpContext http) => CurrentWorkerPageFilter.Of(http);
}
