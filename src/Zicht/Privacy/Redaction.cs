using System.Text.RegularExpressions;

namespace Zicht.Privacy;

/// <summary>Masks what could be a BSN in any text that leaves ingest (findings, messages).</summary>
public static partial class Redaction
{
    [GeneratedRegex(@"(?<!\d)\d{9}(?!\d)")]
    private static partial Regex NineDigits();

    /// <summary>Every run of exactly 9 digits becomes "*********".</summary>
    public static string NineDigitRuns(string text) => NineDigits().Replace(text, "*********");

    /// <summary>True when the bytes hold a run of exactly 9 digits that passes the 11-proef.</summary>
    public static bool ContainsPossibleBsn(ReadOnlySpan<byte> value)
    {
        var run = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && (uint)(value[i] - '0') <= 9) { run++; continue; }
            if (run == 9 && Bsn.PassesElfproef(value.Slice(i - 9, 9))) return true;
            run = 0;
        }
        return false;
    }
}
