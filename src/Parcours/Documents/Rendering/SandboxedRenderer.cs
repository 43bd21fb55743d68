using System.Text.Encodings.Web;
using System.Text.Unicode;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Parcours.Documents.Rendering;

/// <summary>What a template rendered to, or why it could not (French, for the coordinator who wrote it).</summary>
public sealed record RenderOutcome(string? Html, string? Error)
{
    public bool Succeeded => Error is null;
    public static RenderOutcome Failed(string error) => new(null, error);
}

/// <summary>
/// The one way Parcours renders a Scriban template: templates are written by coordinators, so
/// they are treated as untrusted code.
/// <list type="bullet">
/// <item>The template sees only the model it is given, converted beforehand to plain Scriban
/// objects (<see cref="DocumentModel"/>): no .NET object, so no <c>.GetType</c>, no reflection
/// (the member filter refuses every member anyway).</item>
/// <item>Builtins are Scriban's pure functions minus <c>include</c>, <c>object.eval</c>,
/// <c>object.eval_template</c> and <c>date.now</c>; the template loader refuses every include.</item>
/// <item>Loops, recursion, string sizes, output size and time are bounded; going past a bound
/// stops the rendering with a French error, never a hung request.</item>
/// <item>Everything a <c>{{ }}</c> block writes is HTML-escaped (as Razor does): a person named
/// <c>&lt;script&gt;</c> or <c>{{ 1 + 1 }}</c> prints as text. Only the template's own literal
/// text is HTML; documents are also served under a CSP that forbids scripts.</item>
/// </list>
/// </summary>
public static class SandboxedRenderer
{
    public const int LoopLimit = 20_000;
    public const int RecursiveLimit = 50;
    public const int StringLimit = 200_000;
    public const int OutputLimit = 2_000_000;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Parses a template; the error names the line and column in French.</summary>
    public static (Template? Template, string? Error) Parse(string body, string name)
    {
        var template = Template.Parse(body, name);
        if (!template.HasErrors) return (template, null);
        var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
        return (null, $"Le modèle ne peut pas être lu {Where(first.Span)} : {first.Message}");
    }

    /// <summary>Parses and renders <paramref name="body"/> with <paramref name="model"/> (a record) as its only data.</summary>
    public static RenderOutcome Render(string body, string name, object model, TimeSpan? timeout = null)
    {
        var (template, error) = Parse(body, name);
        return template is null ? RenderOutcome.Failed(error!) : Render(template, model, timeout);
    }

    public static RenderOutcome Render(Template template, object model, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        using var cancellation = new CancellationTokenSource(limit);
        var context = new EscapingContext(Builtins())
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedFunctionAccess = false,
            MemberFilter = _ => false,
            MemberRenamer = member => member.Name,
            TemplateLoader = NoIncludes.Instance,
            LoopLimit = LoopLimit,
            LoopLimitQueryable = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            LimitToString = StringLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            ObjectRecursionLimit = 10,
            RegexTimeOut = TimeSpan.FromMilliseconds(500),
            CancellationToken = cancellation.Token,
        };
        context.PushGlobal(DocumentModel.From(model));
        try
        {
            return new RenderOutcome(template.Render(context), null);
        }
        // Once the time is up, whatever Scriban throws (an abort, a cancellation, or either wrapped
        // in a runtime error from inside a function) means the same thing.
        catch (Exception e) when (cancellation.IsCancellationRequested && e is ScriptAbortException or ScriptRuntimeException or OperationCanceledException)
        {
            return RenderOutcome.Failed($"Le rendu du modèle a été arrêté : il a dépassé le temps autorisé ({limit.TotalSeconds:0.#} s).");
        }
        catch (ScriptAbortException)
        {
            return RenderOutcome.Failed($"Le rendu du modèle a été arrêté : il a dépassé le temps autorisé ({limit.TotalSeconds:0.#} s).");
        }
        catch (ScriptRuntimeException e)
        {
            return RenderOutcome.Failed($"Le rendu du modèle a échoué {Where(e.Span)} : {Explain(e.OriginalMessage)}");
        }
        catch (OperationCanceledException)
        {
            return RenderOutcome.Failed($"Le rendu du modèle a été arrêté : il a dépassé le temps autorisé ({limit.TotalSeconds:0.#} s).");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException
                                       or InvalidCastException or NotSupportedException or IndexOutOfRangeException
                                       or System.Text.RegularExpressions.RegexMatchTimeoutException or OutOfMemoryException)
        {
            return RenderOutcome.Failed($"Le rendu du modèle a échoué : {Explain(e.Message)}");
        }
    }

    private static string Where(SourceSpan span) => $"(ligne {span.Start.Line + 1}, colonne {span.Start.Column + 1})";

    /// <summary>The limits in French; other messages are Scriban's own (English), quoted after a French lead.</summary>
    private static string Explain(string message) =>
        message.Contains("iteration limit", StringComparison.OrdinalIgnoreCase) ? $"trop d'itérations (plus de {LoopLimit}) : une boucle sans fin ? [{message}]"
        : message.Contains("recursive", StringComparison.OrdinalIgnoreCase) ? $"trop d'appels imbriqués (plus de {RecursiveLimit}) [{message}]"
        : message.Contains("output limit", StringComparison.OrdinalIgnoreCase) ? $"le document dépasse la taille autorisée ({OutputLimit} caractères) [{message}]"
        : message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? $"une valeur dépasse la taille autorisée ({StringLimit} caractères) [{message}]"
        : message.Contains("include", StringComparison.OrdinalIgnoreCase) ? $"l'inclusion d'autres modèles n'est pas permise [{message}]"
        : message;

    /// <summary>Scriban's builtins without what reaches other templates, evaluates strings as code, or reads the clock.</summary>
    private static ScriptObject Builtins()
    {
        var builtins = new BuiltinFunctions();
        builtins.Remove("include");
        builtins.Remove("include_join");
        if (builtins["object"] is ScriptObject objects)
        {
            objects.Remove("eval");
            objects.Remove("eval_template");
        }
        if (builtins["date"] is ScriptObject dates)
        {
            dates.Remove("now");
            dates.Remove("utc_now");
        }
        return builtins;
    }

    /// <summary>Writes every value a code block outputs HTML-escaped (accented letters kept as they are).</summary>
    private sealed class EscapingContext(ScriptObject builtins) : TemplateContext(builtins)
    {
        private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

        public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
            textAsObject is null ? this : base.Write(span, Html.Encode(ObjectToString(textAsObject) ?? ""));

        public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
            textAsObject is null ? ValueTask.FromResult<TemplateContext>(this) : base.WriteAsync(span, Html.Encode(ObjectToString(textAsObject) ?? ""));
    }

    private sealed class NoIncludes : ITemplateLoader
    {
        public static readonly NoIncludes Instance = new();
        private const string Refused = "include is not allowed";

        public string? GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => throw new ScriptRuntimeException(callerSpan, Refused);
        public string? Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => throw new ScriptRuntimeException(callerSpan, Refused);
        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => throw new ScriptRuntimeException(callerSpan, Refused);
    }
}
