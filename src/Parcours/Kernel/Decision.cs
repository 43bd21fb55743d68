namespace Parcours.Kernel;

/// <summary>The result of a pure decision: the events to append, or why not.</summary>
public sealed record Decision(IReadOnlyList<object> Events, Refusal? Refusal)
{
    public static Decision Accept(params object[] events) => new(events, null);
    public static Decision Refuse(Refusal refusal) => new([], refusal);

    public static implicit operator Decision(Refusal refusal) => Refuse(refusal);
}

/// <summary>What a command handler answers to the endpoint or page that invoked it.</summary>
public sealed record CommandOutcome(Guid Id, long Version, Refusal? Refusal)
{
    public bool Succeeded => Refusal is null;
    public static CommandOutcome Refused(Refusal refusal) => new(Guid.Empty, 0, refusal);
}
