using Parcours.People.Vault;

namespace Parcours.Retention.Purging;

/// <summary>
/// A person's announced anonymisation (id = person id): every pathway of theirs is archived and
/// its archive period ends by <see cref="DueOn"/>. Announced <see cref="RetentionOptions.NoticeDays"/>
/// before <see cref="PurgeOn"/>, listed for the officer, who may postpone it with a reason
/// (encrypted with the person's key: erasing the person shreds it). Holds no identifying data.
/// </summary>
public sealed class PurgeNotice
{
    public Guid Id { get; set; }
    public List<string> Programmes { get; set; } = [];
    public int Pathways { get; set; }
    /// <summary>The end of the last archive period of the person's pathways.</summary>
    public DateOnly DueOn { get; set; }
    public DateOnly AnnouncedOn { get; set; }
    /// <summary>The announced day: never less than the notice period after <see cref="AnnouncedOn"/>.</summary>
    public DateOnly PurgeOn { get; set; }
    public List<Postponement> Postponements { get; set; } = [];
    /// <summary>Set when the sweep sent the erasure (the notice is then kept until the erasure removes it).</summary>
    public DateOnly? ErasureRequestedOn { get; set; }

    /// <summary>The day the person will be anonymised: the last postponement's, or the announced day.</summary>
    public DateOnly EffectiveOn => Postponements.Count > 0 ? Postponements[^1].Until : PurgeOn;
}

public sealed record Postponement(DateOnly Until, EncryptedText? Reason, Guid By, DateTimeOffset At);
