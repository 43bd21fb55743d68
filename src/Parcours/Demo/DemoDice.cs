namespace Parcours.Demo;

/// <summary>
/// Every random choice of the demo territory, from one seeded <see cref="Random"/>, so that the
/// same seed and the same "now" always give the same territory (ids included).
/// </summary>
internal sealed class DemoDice(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>An integer between both bounds, inclusive.</summary>
    public int Between(int min, int max) => _random.Next(min, max + 1);

    public int Between((int Min, int Max) range) => Between(range.Min, range.Max);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string Pick(IReadOnlyList<Weighted> choices, int age)
    {
        var possible = choices.Where(c => c.MinAge <= age && age <= c.MaxAge).ToList();
        var roll = _random.Next(possible.Sum(c => c.Weight));
        foreach (var choice in possible)
        {
            if (roll < choice.Weight) return choice.Code;
            roll -= choice.Weight;
        }
        throw new InvalidOperationException("No choice fits this age.");
    }

    public int Age((int Min, int Max, int Weight)[] bands)
    {
        var roll = _random.Next(bands.Sum(b => b.Weight));
        foreach (var (min, max, weight) in bands)
        {
            if (roll < weight) return Between(min, max);
            roll -= weight;
        }
        throw new InvalidOperationException("Empty age bands.");
    }

    public DateOnly Day(DateOnly from, DateOnly to) => from.AddDays(_random.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>A version-7 shaped id at the given moment, its random part drawn from the seed.</summary>
    public Guid Id(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var milliseconds = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A time of the working day, Paris time.</summary>
    public TimeOnly WorkingTime() => new TimeOnly(8, 30).AddMinutes(_random.Next(9 * 60));
}
