using System.Globalization;
using System.Text;

namespace Parcours.People.Searching;

/// <summary>
/// How names are compared: accents, case, hyphens and apostrophes do not count ("Jean-Pierre
/// LEFÈVRE" = "jean pierre lefevre"); each word gives its trigrams (as pg_trgm pads them) and a
/// French phonetic key, so common misspellings ("Dupond", "Lefebvre") still share most tokens.
/// Pure functions: the blind index hashes what they return.
/// </summary>
public static class SearchTerms
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Trim().ToLowerInvariant()
            .Replace("œ", "oe").Replace("æ", "ae").Replace("ß", "ss")
            .Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.IsAsciiLetterLower(c) ? c : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static IReadOnlyList<string> Words(string? text) => Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static IEnumerable<string> Trigrams(string word)
    {
        var padded = $"  {word} ";
        for (var i = 0; i + 3 <= padded.Length; i++) yield return padded.Substring(i, 3);
    }

    private static readonly (string From, string To)[] Sounds =
    [
        ("bv", "v"), ("ph", "f"), ("qu", "k"), ("ck", "k"), ("q", "k"), ("w", "v"), ("y", "i"), ("z", "s"),
        ("sch", "ch"), ("ch", "x"), ("sh", "x"), ("ge", "je"), ("gi", "ji"), ("ce", "se"), ("ci", "si"), ("c", "k"), ("h", ""),
        ("eau", "o"), ("aim", "in"), ("ain", "in"), ("ein", "in"), ("im", "in"), ("um", "in"),
        ("em", "an"), ("en", "an"), ("am", "an"), ("om", "on"),
        ("au", "o"), ("ai", "e"), ("ei", "e"), ("ou", "u"), ("oe", "e"),
    ];

    /// <summary>A French phonetic key: same for Dupont/Dupond, Lefèvre/Lefebvre, Mohamed/Mohammed.</summary>
    public static string Phonetic(string word)
    {
        var key = Undoubled(Normalise(word).Replace(" ", ""));
        foreach (var (from, to) in Sounds) key = key.Replace(from, to);
        // Silent final letters.
        while (key.Length > 2 && "edtsxp".Contains(key[^1])) key = key[..^1];
        return Undoubled(key);
    }

    private static string Undoubled(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (builder.Length == 0 || builder[^1] != c) builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>The clear tokens of a name (before hashing): <c>t:</c> trigrams and <c>p:</c> phonetic keys, without repeats.</summary>
    public static IReadOnlySet<string> NameTokens(params string?[] names)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in names.SelectMany(Words))
        {
            foreach (var gram in Trigrams(word)) tokens.Add("t:" + gram);
            tokens.Add("p:" + Phonetic(word));
        }
        return tokens;
    }
}
