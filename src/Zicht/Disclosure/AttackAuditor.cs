using Google.OrTools.LinearSolver;

namespace Zicht.Disclosure;

/// <summary>
/// The attacker's view, as sdcTable's attack() and τ-ARGUS audit it: for every hidden cell, the lowest and
/// highest value it can take given all published cells and the relations between them, found with two small
/// linear programs (Google OR-Tools' GLOP). Bounds are then rounded inwards to whole numbers, because counts
/// are integers, so the check is never weaker than an integer attacker restricted to these relations.
/// What the attacker knows a priori: published cells are exact (or, when rounded, within half the base);
/// "&lt; 5" cells lie in 1..4 (0..4 when zeros are hidden); "x" cells are at least MinCount (secondary cells are never
/// small or zero); with one marker for all hidden cells, a hidden cell is only known to be at least 0 (or 1).
/// </summary>
public sealed class AttackAuditor
{
    private const double Epsilon = 1e-6;
    // A finite stand-in for "no upper bound": GLOP then never has to prove unboundedness (which it may report as
    // infeasible); any bound at or above it is reported as +infinity.
    private const double NoUpperBound = 1e9;

    public AuditReport Audit(LinkedTable table, IReadOnlyList<CellStatus> status, DisclosurePolicy policy) =>
        Audit(table, status, policy, cellsToCheck: null);

    /// <summary>Audits only <paramref name="cellsToCheck"/> (all hidden cells when null); the LP still holds the whole table.</summary>
    public AuditReport Audit(LinkedTable table, IReadOnlyList<CellStatus> status, DisclosurePolicy policy, IReadOnlySet<int>? cellsToCheck)
    {
        var hidden = Enumerable.Range(0, table.Cells.Count).Where(i => status[i] != CellStatus.Gepubliceerd).ToList();
        if (hidden.Count == 0) return new AuditReport([]);

        // Only relations that touch a hidden cell carry information about hidden cells. Published cells are constants
        // (moved to the right-hand side), except when rounded: then they are variables within their rounding interval.
        var relations = table.Relations.Where(r => status[r.Total] != CellStatus.Gepubliceerd || r.Parts.Any(p => status[p] != CellStatus.Gepubliceerd)).ToList();
        var rounded = policy.RoundingBase > 1;
        bool IsVariable(int cell) => rounded || status[cell] != CellStatus.Gepubliceerd;

        // Hidden cells linked by relations form independent components; each gets its own small LP.
        var component = new Dictionary<int, int>();
        int Find(int x) { while (component[x] != x) x = component[x] = component[component[x]]; return x; }
        foreach (var relation in relations)
            foreach (var member in relation.Parts.Append(relation.Total).Where(IsVariable))
                component.TryAdd(member, member);
        foreach (var cell in hidden) component.TryAdd(cell, cell);
        foreach (var relation in relations)
        {
            var members = relation.Parts.Append(relation.Total).Where(IsVariable).ToList();
            for (var i = 1; i < members.Count; i++) component[Find(members[i])] = Find(members[0]);
        }

        var results = new List<CellBounds>();
        foreach (var group in component.Keys.GroupBy(Find))
        {
            var cellsHere = group.ToHashSet();
            var toAudit = cellsHere.Where(c => status[c] != CellStatus.Gepubliceerd && (cellsToCheck is null || cellsToCheck.Contains(c))).Order().ToList();
            if (toAudit.Count == 0) continue;
            using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP solver of Google OR-Tools is not available.");
            var variables = new Dictionary<int, Variable>();
            foreach (var i in cellsHere)
            {
                var (lower, upper) = PriorKnowledge(table.Cells[i], status[i], policy);
                variables[i] = solver.MakeNumVar(lower, Math.Min(upper, NoUpperBound), "x" + i);
            }
            foreach (var relation in relations.Where(r => cellsHere.Contains(r.Total) || r.Parts.Any(cellsHere.Contains)))
            {
                // total - sum(parts) = 0, with published members as constants
                var constant = 0.0;
                var terms = new List<(Variable, double)>();
                foreach (var (member, sign) in relation.Parts.Select(p => (p, -1.0)).Append((relation.Total, 1.0)))
                {
                    if (IsVariable(member)) terms.Add((variables[member], sign));
                    else constant += sign * table.Cells[member].Value;
                }
                var constraint = solver.MakeConstraint(-constant, -constant);
                foreach (var (variable, sign) in terms) constraint.SetCoefficient(variable, sign);
            }
            foreach (var cell in toAudit)
            {
                var lower = Optimise(solver, variables[cell], minimise: true);
                var upper = Optimise(solver, variables[cell], minimise: false);
                lower = Math.Ceiling(lower - Epsilon) + 0.0;   // + 0.0 turns -0 into 0
                upper = upper >= NoUpperBound - 1 ? double.PositiveInfinity : Math.Floor(upper + Epsilon);
                var width = upper - lower;
                string? reason = null;
                if (width < Epsilon) reason = "de waarde ligt vast";
                else if (status[cell] == CellStatus.Primair && width < policy.ProtectionWidth - Epsilon)
                    reason = $"interval smaller dan het beschermingsinterval ({policy.ProtectionWidth})";
                results.Add(new CellBounds(cell, table.Cells[cell].Key, table.Cells[cell].Value, status[cell], lower, upper, reason is null, reason));
            }
        }
        return new AuditReport(results.OrderBy(r => r.Cell).ToList());
    }

    private static double Optimise(Solver solver, Variable variable, bool minimise)
    {
        var objective = solver.Objective();
        objective.Clear();
        objective.SetCoefficient(variable, 1);
        if (minimise) objective.SetMinimization(); else objective.SetMaximization();
        var result = solver.Solve();
        return result switch
        {
            Solver.ResultStatus.OPTIMAL => objective.Value(),
            Solver.ResultStatus.UNBOUNDED => minimise ? double.NegativeInfinity : double.PositiveInfinity,
            _ => throw new InvalidOperationException($"The disclosure audit LP ended with status {result}; the linked table is inconsistent."),
        };
    }

    /// <summary>What an attacker knows of a cell before using any relation.</summary>
    internal static (double Lower, double Upper) PriorKnowledge(TableCell cell, CellStatus status, DisclosurePolicy policy)
    {
        var known = cell.KnownUpper ?? double.PositiveInfinity;
        return status switch
        {
            CellStatus.Gepubliceerd when policy.RoundingBase > 1 =>
                RoundedRange(cell.Value, policy.RoundingBase),
            CellStatus.Gepubliceerd => (cell.Value, cell.Value),
            _ when policy.SameMarkerForAllHidden => (policy.SmallCountRange.Lower, known),
            CellStatus.Primair => (policy.SmallCountRange.Lower, Math.Min(policy.SmallCountRange.Upper, known)),
            _ => (policy.MinCount, known),
        };
    }

    /// <summary>The true values that round to the published one (round half up to a multiple of the base).</summary>
    private static (double Lower, double Upper) RoundedRange(long value, int roundingBase)
    {
        var published = DisclosureRounding.Round(value, roundingBase);
        var half = roundingBase / 2;
        return (Math.Max(0, published - half), published + (roundingBase - 1 - half));
    }
}

public static class DisclosureRounding
{
    /// <summary>Rounds a count to the nearest multiple of the base (halves up); 0 stays 0.</summary>
    public static long Round(long value, int roundingBase) =>
        roundingBase <= 1 ? value : (value + roundingBase / 2) / roundingBase * roundingBase;
}
