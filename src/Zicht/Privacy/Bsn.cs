namespace Zicht.Privacy;

/// <summary>The citizen service number check. Only ever used inside ingest, on values in memory.</summary>
public static class Bsn
{
    /// <summary>True when the value is 9 ASCII digits.</summary>
    public static bool HasNineDigits(ReadOnlySpan<byte> value)
    {
        if (value.Length != 9) return false;
        foreach (var b in value)
            if ((uint)(b - '0') > 9) return false;
        return true;
    }

    /// <summary>
    /// The 11-proef for a BSN: 9·d1 + 8·d2 + ... + 2·d8 − 1·d9 must be divisible by 11 (and not all zeros).
    /// </summary>
    public static bool PassesElfproef(ReadOnlySpan<byte> digits)
    {
        if (!HasNineDigits(digits)) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (digits[i] - '0') * (9 - i);
        sum -= digits[8] - '0';
        return sum % 11 == 0 && sum != 0;
    }

    public static bool PassesElfproef(string digits) =>
        PassesElfproef(System.Text.Encoding.ASCII.GetBytes(digits));
}
