namespace Zicht.Generate;

/// <summary>
/// Synthetic BSNs for generated data: numbers that pass the 11-proef (<see cref="Zicht.Privacy.Bsn"/>),
/// unique per youth, from a permutation of the youth's index.
/// </summary>
public static class SyntheticBsn
{
    private const int PrefixSpace = 9_000_000;          // the first 7 digits run 1000000..9999999
    private const long Multiplier = 7_654_321;          // coprime with 9,000,000 = 2^6·3^2·5^6, so index → prefix is a bijection

    /// <summary>How many distinct BSNs <see cref="ForYouth"/> can make.</summary>
    public const int Capacity = PrefixSpace;

    /// <summary>A valid 9-digit BSN for youth number <paramref name="youthIndex"/>; distinct indices give distinct BSNs.</summary>
    internal static long ForYouth(long youthIndex, int seed)
    {
        if ((ulong)youthIndex >= PrefixSpace) throw new ArgumentOutOfRangeException(nameof(youthIndex), youthIndex, $"At most {PrefixSpace:N0} youths per run.");
        var offset = (long)(Rng.Derive(seed, 0, 7) % PrefixSpace);
        var prefix7 = 1_000_000 + (youthIndex * Multiplier + offset) % PrefixSpace;
        var sum7 = 0L;
        var p = prefix7;
        for (var weight = 3; weight <= 9; weight++) { sum7 += p % 10 * weight; p /= 10; }
        // digit 7 has weight 2; exactly one of its ten values makes the check digit 10 (impossible), skip that one
        var digit7 = (int)(Rng.Derive(seed, youthIndex, 8) % 10);
        if ((sum7 + 2 * digit7) % 11 == 10) digit7 = (digit7 + 1) % 10;
        var check = (sum7 + 2 * digit7) % 11;
        return prefix7 * 100 + digit7 * 10 + check;
    }

    /// <summary>The same number with a wrong check digit (for error injection).</summary>
    internal static long WithWrongCheckDigit(long bsn, int shift)
    {
        var check = bsn % 10;
        var wrong = (check + 1 + shift % 9) % 10;
        return bsn - check + wrong;
    }
}
