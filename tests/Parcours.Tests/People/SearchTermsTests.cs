using Parcours.People.Searching;

namespace Parcours.Tests.People;

/// <summary>How names are compared before they are hashed.</summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("LEFÈVRE", "lefevre")]
    [InlineData("  Jean-Pierre ", "jean pierre")]
    [InlineData("N'Diaye", "n diaye")]
    [InlineData("Œuvray", "oeuvray")]
    public void accents_case_hyphens_and_apostrophes_do_not_count(string typed, string normalised) =>
        Assert.Equal(normalised, SearchTerms.Normalise(typed));

    [Theory]
    [InlineData("Dupont", "Dupond")]
    [InlineData("Lefèvre", "Lefebvre")]
    [InlineData("Mohamed", "Mohammed")]
    [InlineData("Philippe", "Filipe")]
    [InlineData("Rousseau", "Rousso")]
    public void common_misspellings_share_a_phonetic_key(string one, string other) =>
        Assert.Equal(SearchTerms.Phonetic(one), SearchTerms.Phonetic(other));

    [Fact]
    public void different_names_have_different_phonetic_keys() =>
        Assert.NotEqual(SearchTerms.Phonetic("Martin"), SearchTerms.Phonetic("Benali"));

    [Fact]
    public void a_hyphenated_first_name_gives_the_same_tokens_as_its_two_words() =>
        Assert.Equal(SearchTerms.NameTokens("Jean-Pierre", "Lefèvre"), SearchTerms.NameTokens("jean pierre LEFEVRE"));
}
