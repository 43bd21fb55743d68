using Parcours.Documents;
using Parcours.Documents.Rendering;

namespace Parcours.Tests.Documents;

/// <summary>The renderer treats templates as untrusted code and model values as untrusted text.</summary>
public sealed class SandboxTests
{
    private sealed record Person(string Name, string? Note, IReadOnlyList<string> Tags);

    private static readonly Person Evil = new("<script>alert(1)</script>", "{{ 1 + 1 }} {{ include 'x' }}", ["<b>gras</b>", "\" onmouseover=\"alert(2)"]);

    private static RenderOutcome Render(string body, object? model = null) => SandboxedRenderer.Render(body, "test", model ?? Evil);

    [Fact]
    public void a_name_with_markup_or_template_syntax_renders_as_harmless_text()
    {
        var html = Render("<p>{{ name }}</p><p>{{ note }}</p>{{ for t in tags }}<i title=\"{{ t }}\">{{ t }}</i>{{ end }}").Html!;

        Assert.Contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", html);
        Assert.True(html.Contains("<p>{{ 1 &#x2B; 1 }} {{ include &#x27;x&#x27; }}</p>"), html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("title=\"&quot; onmouseover=&quot;alert(2)\"", html);
    }

    [Fact]
    public void accented_letters_are_kept_as_they_are()
    {
        var html = Render("{{ name }}", new Person("Éloïse Çà", null, [])).Html!;
        Assert.Equal("Éloïse Çà", html);
    }

    [Fact]
    public void values_computed_by_the_template_are_escaped_too()
    {
        var html = Render("{{ '<' + 'script>' }}{{ name | string.replace 'alert' '<img src=x onerror=alert(3)>' }}").Html!;
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
    }

    [Theory]
    [InlineData("{{ include 'committee-agenda-nominative' }}")]
    [InlineData("{{ include '/etc/passwd' }}")]
    [InlineData("{{ include_join ['a', 'b'] }}")]
    public void a_template_cannot_include_another_template_or_a_file(string body)
    {
        var outcome = Render(body);
        Assert.Null(outcome.Html);
        Assert.StartsWith("Le rendu du modèle a échoué", outcome.Error);
    }

    [Theory]
    [InlineData("{{ object.eval 'name' }}")]
    [InlineData("{{ object.eval_template '{{ name }}' }}")]
    [InlineData("{{ note | object.eval_template }}")]
    [InlineData("{{ date.now }}")]
    public void a_template_cannot_evaluate_strings_as_code_or_read_the_clock(string body)
    {
        var outcome = Render(body);
        Assert.Null(outcome.Html);
        Assert.NotNull(outcome.Error);
    }

    [Theory]
    [InlineData("{{ name.GetType }}")]
    [InlineData("{{ name.get_type }}")]
    [InlineData("{{ tags.GetType.Assembly }}")]
    [InlineData("{{ name.Length }}")]
    [InlineData("{{ unknown_variable }}")]
    public void a_template_reaches_nothing_beyond_the_model(string body)
    {
        var outcome = Render(body);
        Assert.Null(outcome.Html);
        Assert.NotNull(outcome.Error);
    }

    [Fact]
    public void an_endless_loop_is_stopped_with_a_french_error()
    {
        var outcome = Render("{{ while true }}x{{ end }}");
        Assert.Null(outcome.Html);
        Assert.Contains("trop d'itérations", outcome.Error);
    }

    [Fact]
    public void endless_recursion_is_stopped()
    {
        var outcome = Render("{{ func f; f; end; f }}");
        Assert.Null(outcome.Html);
        Assert.Contains("appels imbriqués", outcome.Error);
    }

    [Fact]
    public void nested_loops_share_the_iteration_budget()
    {
        var outcome = Render("{{ for i in 1..1000 }}{{ for j in 1..1000 }}x{{ end }}{{ end }}");
        Assert.Null(outcome.Html);
        Assert.NotNull(outcome.Error);
    }

    [Theory]
    [InlineData("{{ 'x' | string.pad_left 100000000 }}")]
    [InlineData("{{ s = 'xxxxxxxxxx'; for i in 1..30; s = s + s; end; s }}")]
    public void huge_strings_are_refused(string body)
    {
        var outcome = Render(body);
        Assert.Null(outcome.Html);
        Assert.NotNull(outcome.Error);
    }

    [Fact]
    public void a_slow_template_is_stopped_by_the_time_limit()
    {
        // A limit already reached when the loop starts: the check is Scriban's, not the machine's speed.
        var outcome = SandboxedRenderer.Render("{{ for i in 1..10 }}{{ x = i }}{{ end }}", "test", Evil, TimeSpan.Zero);
        Assert.Null(outcome.Html);
        Assert.Contains("temps autorisé", outcome.Error);
    }

    [Fact]
    public void a_template_that_does_not_parse_is_refused_with_its_line_and_column()
    {
        var outcome = Render("<p>\n{{ if name }}oups");
        Assert.Null(outcome.Html);
        Assert.StartsWith("Le modèle ne peut pas être lu (ligne ", outcome.Error);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void every_shipped_template_renders_its_sample(string code)
    {
        var kind = TemplateCatalogue.Find(code)!;
        var outcome = SandboxedRenderer.Render(kind.DefaultBody(), code, kind.Sample(new DateOnly(2026, 11, 26)));
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Contains("<html lang=\"fr\">", outcome.Html);
    }

    public static TheoryData<string> Codes() => new(TemplateCatalogue.All.Select(k => k.Code));
}
