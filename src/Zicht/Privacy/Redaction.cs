using System.Text.RegularExpressions;

namespace Zicht.Privacy;

/// <summary>Masks what could be a BSN in any text that leaves ingest (findings, messages).</summary>
public static partial class Redaction
{
    [GeneratedRegex(@"(?<!\d)\d{9}(?!\d)")]
    private static partial Regex NineDigits();

    /// <summary>Every run of exactly 9 digits becomes "*********".</summary>
    public static string NineDigitRuns(string text) => NineDigits().Replace(text, "*********");
}
