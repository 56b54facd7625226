namespace Zicht.Generate;

/// <summary>
/// The 11-proef of the BSN: sum of digit[i]·(9−i) for i = 0..7, minus digit[8], is divisible by 11.
/// The generator makes numbers that pass it, unique per youth, from a permutation of the youth's index.
/// </summary>
public static class Bsn
{
    private const int PrefixSpace = 9_000_000;          // the first 7 digits run 1000000..9999999
    private const long Multiplier = 7_654_321;          // coprime with 9,000,000 = 2^6·3^2·5^6, so index → prefix is a bijection

    /// <summary>How many distinct BSNs <see cref="ForYouth"/> can make.</summary>
    public const int Capacity = PrefixSpace;

    public static bool PassesElfProef(ReadOnlySpan<char> bsn)
    {
        if (bsn.Length != 9) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = bsn[i] - '0';
            if (d is < 0 or > 9) return false;
            sum += i < 8 ? d * (9 - i) : -d;
        }
        return sum % 11 == 0;
    }

    public static bool PassesElfProef(long bsn) =>
        bsn is >= 0 and <= 999_999_999 && PassesElfProef(bsn.ToString("D9", System.Globalization.CultureInfo.InvariantCulture));

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
