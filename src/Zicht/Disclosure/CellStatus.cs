namespace Zicht.Disclosure;

/// <summary>How a cell is published.</summary>
public enum CellStatus
{
    /// <summary>Shown (possibly rounded).</summary>
    Gepubliceerd,
    /// <summary>A small count, shown as "&lt; 5".</summary>
    Primair,
    /// <summary>Hidden to protect a small count elsewhere, shown as "x". Never a cell of value 0 or below MinCount.</summary>
    Secundair,
    /// <summary>
    /// Never published: a count the relations need but no table shows, such as the events of the last year that fall after
    /// the data end (in no stored quarter). Before any relation the attacker knows only that it is not negative; one of 1
    /// to MinCount - 1 is audited like a small count (<see cref="AttackAuditor"/>), since year minus quarters may give it.
    /// </summary>
    Onbekend,
}

/// <summary>
/// The bounds an attacker can derive for one hidden cell from everything published beside it. BoundsExact false: the cell
/// was proven safe before its bounds were pinned down, and [Lower, Upper] is a range the attacker's interval contains
/// (values shown possible by tables that satisfy everything published), so the true interval is at least as wide.
/// </summary>
public sealed record CellBounds(int Cell, string Key, long Value, CellStatus Status, double Lower, double Upper, bool Protected, string? Reason,
    bool BoundsExact = true);

public sealed record AuditReport(IReadOnlyList<CellBounds> Cells)
{
    /// <summary>The hidden cells audited; for a report without bounds (<see cref="PassedWithoutBounds"/>) the only thing kept of them.</summary>
    public int CellCount { get; private init; } = Cells.Count;
    /// <summary>False for an audit read back from the store: the attacker's bounds tell about hidden values, so they are not stored.</summary>
    public bool HasBounds { get; private init; } = true;
    public bool Passed => Cells.All(c => c.Protected);
    public IEnumerable<CellBounds> Failures => Cells.Where(c => !c.Protected);

    /// <summary>An audit that passed for <paramref name="cells"/> hidden cells, of which only the number is known.</summary>
    public static AuditReport PassedWithoutBounds(int cells) => new([]) { CellCount = cells, HasBounds = false };
}

public sealed class DisclosureAuditFailedException(AuditReport report)
    : Exception("Disclosure audit failed: " + string.Join("; ", report.Failures.Take(5).Select(f => $"{f.Key} can be narrowed to [{f.Lower}, {f.Upper}] ({f.Reason})")))
{
    public AuditReport Report { get; } = report;
}
