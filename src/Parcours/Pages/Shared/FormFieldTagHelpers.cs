using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Parcours.Pages.Shared;

/// <summary>
/// A labelled form field built the same way everywhere: label, optional hint, the error of the
/// last post (linked with aria-describedby, aria-invalid set) and the control itself.
/// </summary>
public abstract class FormFieldTagHelper : TagHelper
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    [HtmlAttributeName("id")]
    public string Id { get; set; } = "";

    [HtmlAttributeName("name")]
    public string Name { get; set; } = "";

    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Extra classes of the wrapper (e.g. field--narrow).</summary>
    [HtmlAttributeName("class")]
    public string? Class { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ViewContext.ViewData.Model is IFormPage page ? page.Errors.For(Id) : null;
        var describedBy = new List<string>();
        var html = new StringBuilder();
        html.Append($"<label for=\"{E(Id)}\">{E(Label)}</label>");
        if (Hint is not null)
        {
            html.Append($"<p class=\"hint\" id=\"{E(Id)}-hint\">{E(Hint)}</p>");
            describedBy.Add($"{Id}-hint");
        }
        if (error is not null)
        {
            var errorId = FormErrors.ErrorIdOf(Id);
            html.Append($"<p class=\"field-error\" id=\"{E(errorId)}\"><span class=\"visually-hidden\">Erreur : </span>{E(error)}</p>");
            describedBy.Add(errorId);
        }
        var common = $"id=\"{E(Id)}\" name=\"{E(Name)}\""
                     + (describedBy.Count > 0 ? $" aria-describedby=\"{E(string.Join(' ', describedBy))}\"" : "")
                     + (error is not null ? " aria-invalid=\"true\"" : "");
        html.Append(Control(common));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", string.Join(' ', new[] { "field", Class, error is null ? null : "field--error" }.Where(c => c is not null)));
        output.Content.SetHtmlContent(html.ToString());
    }

    /// <summary>The control's markup, given its id, name and ARIA attributes (already encoded).</summary>
    protected abstract string Control(string attributes);

    protected static string E(string? value) => Encoder.Encode(value ?? "");
}

[HtmlTargetElement("date-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateFieldTagHelper : FormFieldTagHelper
{
    [HtmlAttributeName("value")]
    public DateOnly? Value { get; set; }

    protected override string Control(string attributes) =>
        $"<input type=\"date\" {attributes} value=\"{Value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\" />";
}

[HtmlTargetElement("text-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextFieldTagHelper : FormFieldTagHelper
{
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("maxlength")]
    public int MaxLength { get; set; } = 200;

    protected override string Control(string attributes) =>
        $"<input type=\"{E(Type)}\" {attributes} value=\"{E(Value)}\" maxlength=\"{MaxLength}\" autocomplete=\"off\" />";
}

[HtmlTargetElement("textarea-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextAreaFieldTagHelper : FormFieldTagHelper
{
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 3;

    protected override string Control(string attributes) =>
        $"<textarea {attributes} rows=\"{Rows}\" maxlength=\"4000\">{E(Value)}</textarea>";
}

/// <summary>A select list, flat (<c>choices</c>) or grouped (<c>groups</c>), with an optional empty first option.</summary>
[HtmlTargetElement("select-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectFieldTagHelper : FormFieldTagHelper
{
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    [HtmlAttributeName("choices")]
    public IEnumerable<Choice>? Choices { get; set; }

    [HtmlAttributeName("groups")]
    public IEnumerable<ChoiceGroup>? Groups { get; set; }

    /// <summary>Label of the empty first option; none when null.</summary>
    [HtmlAttributeName("empty")]
    public string? Empty { get; set; }

    protected override string Control(string attributes)
    {
        var html = new StringBuilder($"<select {attributes}>");
        if (Empty is not null) html.Append($"<option value=\"\">{E(Empty)}</option>");
        foreach (var choice in Choices ?? []) html.Append(Option(choice));
        foreach (var group in Groups ?? [])
        {
            html.Append($"<optgroup label=\"{E(group.Label)}\">");
            foreach (var choice in group.Choices) html.Append(Option(choice));
            html.Append("</optgroup>");
        }
        return html.Append("</select>").ToString();
    }

    private string Option(Choice choice) =>
        $"<option value=\"{E(choice.Value)}\"{(choice.Value == Value ? " selected" : "")}>{E(choice.Label)}</option>";
}
