using JasperFx;
using Parcours.Kernel;
using Wolverine;

namespace Parcours.Pages.Shared;

/// <summary>How pages run a command: through the bus, where the rules live.</summary>
public static class Commands
{
    /// <summary>A concurrent write detected at commit time becomes the usual "modifié entre-temps" refusal.</summary>
    public static async Task<CommandOutcome> SendAsync(this IMessageBus bus, object command, CancellationToken ct)
    {
        try
        {
            return await bus.InvokeAsync<CommandOutcome>(command, ct);
        }
        catch (Exception e) when (IsConcurrency(e))
        {
            return CommandOutcome.Refused(Refusal.StaleVersion);
        }
    }

    private static bool IsConcurrency(Exception? e) => e switch
    {
        null => false,
        ConcurrencyException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsConcurrency),
        _ => IsConcurrency(e.InnerException),
    };
}
