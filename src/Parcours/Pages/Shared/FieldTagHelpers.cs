using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Parcours.Pages.Shared;

/// <summary>
/// Marks a form control (or a fieldset) in error: <c>aria-invalid</c> and a link to its message
/// through <c>aria-describedby</c>. Opt in with the <c>field</c> attribute; the id is the key.
/// </summary>
[HtmlTargetElement("input", Attributes = "field,id")]
[HtmlTargetElement("select", Attributes = "field,id")]
[HtmlTargetElement("textarea", Attributes = "field,id")]
[HtmlTargetElement("fieldset", Attributes = "field,id")]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("id")]
    public string Id { get; set; } = "";

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("field");
        output.Attributes.SetAttribute("id", Id);
        if (ViewContext.ViewData.Model is not IFormPage { Errors: var errors } || errors.For(Id) is null) return;

        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} " : "";
        output.Attributes.SetAttribute("aria-describedby", describedBy + FormErrors.ErrorIdOf(Id));
        if (output.TagName != "fieldset") output.Attributes.SetAttribute("aria-invalid", "true");
        var css = output.Attributes.TryGetAttribute("class", out var cls) ? $"{cls.Value} " : "";
        output.Attributes.SetAttribute("class", css + "is-invalid");
    }
}

/// <summary>The message of the element whose id is <c>for</c>, when the last post reported one.</summary>
[HtmlTargetElement("field-error", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public string For { get; set; } = "";

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ViewData.Model is not IFormPage { Errors: var errors } || errors.For(For) is not { } message)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", FormErrors.ErrorIdOf(For));
        output.Content.SetHtmlContent($"<span class=\"visually-hidden\">Erreur : </span>{HtmlEncoder.Default.Encode(message)}");
    }
}

/// <summary>
/// The list of problems at the top of the page, announced at once (role="alert") and focused on
/// load, each item a link to the field at fault.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    public const string Title = "Votre saisie n'a pas pu être enregistrée";

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ViewData.Model is not IFormPage { Errors: { Any: true } errors })
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("autofocus", "autofocus");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        var encode = HtmlEncoder.Default;
        var items = string.Concat(errors.All.Select(e => e.Linked
            ? $"<li><a href=\"#{encode.Encode(e.TargetId)}\">{encode.Encode(e.Message)}</a></li>"
            : $"<li>{encode.Encode(e.Message)}</li>"));
        output.Content.SetHtmlContent($"<h2 id=\"error-summary-title\">{Title}</h2><ul>{items}</ul>");
    }
}
