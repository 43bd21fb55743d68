using System.Collections;
using System.Globalization;
using System.Reflection;
using Scriban.Runtime;

namespace Parcours.Documents.Rendering;

/// <summary>
/// Copies a document's model (records of strings, numbers, booleans, dates and lists) into plain
/// Scriban objects, so that a template never holds a .NET object. Property names are snake_cased
/// (<c>PersonName</c> → <c>person_name</c>); dates are French (<c>dd/MM/yyyy</c>); enums their name.
/// </summary>
public static class DocumentModel
{
    private const int MaxDepth = 8;

    public static ScriptObject From(object model) =>
        Convert(model, 0) as ScriptObject ?? throw new ArgumentException("A document model is a record with properties.", nameof(model));

    private static object? Convert(object? value, int depth)
    {
        if (depth > MaxDepth) throw new InvalidOperationException("Document model nested too deeply.");
        return value switch
        {
            null => null,
            string text => text,
            bool or int or long or decimal or double => value,
            DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            DateTimeOffset at => at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
            Guid id => id.ToString(),
            Enum e => e.ToString(),
            IDictionary dictionary => Dictionary(dictionary, depth),
            IEnumerable items => List(items, depth),
            _ when value.GetType().IsPrimitive => System.Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => Record(value, depth),
        };
    }

    private static ScriptArray List(IEnumerable items, int depth)
    {
        var array = new ScriptArray();
        foreach (var item in items) array.Add(Convert(item, depth + 1));
        return array;
    }

    private static ScriptObject Dictionary(IDictionary dictionary, int depth)
    {
        var result = new ScriptObject();
        foreach (DictionaryEntry entry in dictionary) result.SetValue(System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, Convert(entry.Value, depth + 1), true);
        return result;
    }

    private static ScriptObject Record(object record, int depth)
    {
        var result = new ScriptObject();
        foreach (var property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            result.SetValue(StandardMemberRenamer.Rename(property.Name), Convert(property.GetValue(record), depth + 1), true);
        }
        return result;
    }
}
