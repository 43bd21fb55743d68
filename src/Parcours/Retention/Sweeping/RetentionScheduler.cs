using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Parcours.Retention.Sweeping;

/// <summary>
/// Starts the daily sweep's chain of scheduled messages once the application runs, unless a chain
/// is already pending in Wolverine's durable storage (its next run is still ahead).
/// </summary>
public sealed class RetentionScheduler(IServiceProvider services, IHostApplicationLifetime lifetime, IOptions<RetentionOptions> options, ILogger<RetentionScheduler> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Schedule) lifetime.ApplicationStarted.Register(() => _ = StartChainAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StartChainAsync()
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await using var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().LightweightSession();
            var now = time.GetUtcNow();
            if (await session.LoadAsync<RetentionSchedule>(RetentionSchedule.Current) is { } pending && pending.NextRunAt > now.AddHours(-1)) return;

            var schedule = new RetentionSchedule { Token = Guid.CreateVersion7(), NextRunAt = RetentionSchedule.NextAfter(now, options.Value.SweepHour) };
            session.Store(schedule);
            await session.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().ScheduleAsync(new RetentionSweep(schedule.Token), schedule.NextRunAt);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "The retention sweep could not be scheduled.");
        }
    }
}
