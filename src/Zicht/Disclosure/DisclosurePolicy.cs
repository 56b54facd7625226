namespace Zicht.Disclosure;

/// <summary>
/// The disclosure policy for figures that leave the analyst's own scope. Defaults follow PRODUCT.md:
/// counts 1-4 are shown as "&lt; 5", a percentage needs a denominator of at least 10.
/// </summary>
public sealed record DisclosurePolicy
{
    /// <summary>Counts from 1 up to this value minus one are primary-suppressed (shown as "&lt; 5").</summary>
    public int MinCount { get; init; } = 5;

    /// <summary>A percentage (or median) is published only when its denominator reaches this.</summary>
    public int MinDenominator { get; init; } = 10;

    /// <summary>
    /// Show zero counts as "&lt; 5" too. On by default: if zeros were shown, "&lt; 5" would mean 1..4, and a total
    /// made of several "&lt; 5" cells would have a known lower bound (three of them: at least 3), which no amount
    /// of secondary suppression can hide. Set to false to show zeros as 0 (and accept that audits then fail on
    /// such totals).
    /// </summary>
    public bool SuppressZeros { get; init; } = true;

    /// <summary>0 = no rounding; 5 = published counts rounded to the nearest multiple of 5.</summary>
    public int RoundingBase { get; init; }

    /// <summary>
    /// The width an attacker's interval for a primary-suppressed cell must keep. 3 means the attacker learns
    /// nothing beyond what "&lt; 5" already says (the cell stays anywhere in 1..4).
    /// </summary>
    public double ProtectionWidth { get; init; } = 3;

    /// <summary>
    /// Show every hidden cell as "x", small or not. Then an attacker cannot tell a small count from a complement, and
    /// knows of a hidden cell only that it is not negative; with distinct markers ("&lt; 5" and "x") an "x" is known to be
    /// at least MinCount, which can pin two complements that share a published total (5 + 5 = 10). Off by default
    /// because PRODUCT.md asks for "&lt; 5"; breakdowns under fixed totals often need it on.
    /// </summary>
    public bool SameMarkerForAllHidden { get; init; }

    public static DisclosurePolicy Default { get; } = new();

    /// <summary>What an attacker knows of a cell shown as "&lt; 5".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public (double Lower, double Upper) SmallCountRange => (SuppressZeros ? 0 : 1, MinCount - 1);
}
