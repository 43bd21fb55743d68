namespace Parcours.Kernel;

/// <summary>Turns a handler's outcome into the HTTP answer: ProblemDetails or the new version.</summary>
public static class OutcomeResults
{
    public sealed record Written(Guid Id, long Version);

    public static IResult ToResult(this CommandOutcome outcome) =>
        outcome.Refusal is { } refusal ? ToProblem(refusal) : Results.Ok(new Written(outcome.Id, outcome.Version));

    public static IResult ToCreatedResult(this CommandOutcome outcome, string location) =>
        outcome.Refusal is { } refusal ? ToProblem(refusal) : Results.Created(location, new Written(outcome.Id, outcome.Version));

    public static IResult ToProblem(Refusal refusal)
    {
        var problem = refusal.ToProblemDetails();
        return Results.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title, extensions: problem.Extensions!);
    }
}
