namespace Parcours.Pages.Shared;

/// <summary>
/// One message shown next to the element it is about (an input, a group or a whole form).
/// The summary links to inputs only: a whole form may no longer be on the page once reloaded.
/// </summary>
public sealed record FieldError(string TargetId, string Message, bool Linked);

/// <summary>
/// The errors of the form just posted, keyed by the id of the element they are about, so that
/// the summary can link to it and the element can point to its message (aria-describedby).
/// </summary>
public sealed class FormErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string targetId, string message, bool linked = true)
    {
        if (_errors.All(e => e.TargetId != targetId)) _errors.Add(new FieldError(targetId, message, linked));
    }

    public string? For(string targetId) => _errors.FirstOrDefault(e => e.TargetId == targetId)?.Message;

    public static string ErrorIdOf(string targetId) => targetId + "-erreur";
}

/// <summary>A page whose forms report errors through <see cref="FormErrors"/> (read by the field tag helpers).</summary>
public interface IFormPage
{
    FormErrors Errors { get; }
}
