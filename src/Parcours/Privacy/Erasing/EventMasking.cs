using System.Collections.Concurrent;
using System.Reflection;
using Marten;
using Parcours.People.Vault;

namespace Parcours.Privacy.Erasing;

/// <summary>
/// Marten's masking rule for protected information: every <see cref="EncryptedText"/> of an event
/// (notes, reasons, rationales, the minor's view…) is replaced by nothing (null, or an empty
/// text where the event requires one). Categorical facts, dates and ids stay, so the history keeps
/// its shape and the indicators their counts. One rule for every event type: an event added
/// later with free text is masked without anyone remembering to write a rule for it.
/// </summary>
public static class EventMasking
{
    public static readonly EncryptedText Erased = new("");

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, bool Nullable)[]> Protected = new();
    private static readonly NullabilityInfoContext Nullability = new();

    public static StoreOptions ConfigureErasure(this StoreOptions options)
    {
        options.Events.AddMaskingRuleForProtectedInformation<object>(Mask);
        options.Schema.For<ErasureLogEntry>().Duplicate(x => x.PersonId);
        return options;
    }

    /// <summary>Masks the event in place (records included: their init accessors are setters to reflection).</summary>
    public static void Mask(object @event)
    {
        foreach (var (property, nullable) in Protected.GetOrAdd(@event.GetType(), ProtectedProperties))
        {
            property.SetValue(@event, nullable ? null : Erased);
        }
    }

    private static (PropertyInfo, bool)[] ProtectedProperties(Type type)
    {
        lock (Nullability)
        {
            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(EncryptedText) && p.SetMethod is not null)
                .Select(p => (p, Nullability.Create(p).WriteState != NullabilityState.NotNull))
                .ToArray();
        }
    }
}
