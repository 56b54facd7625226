using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace Zicht.Disclosure;

/// <summary>What an audit has to establish for every hidden cell.</summary>
public enum AuditGoal
{
    /// <summary>The attacker's exact lower and upper bound of every cell (two LPs per cell unless a bound is the prior one).</summary>
    ExactBounds,
    /// <summary>
    /// Only whether every cell is protected. A cell is proven safe as soon as two feasible tables are known in which its
    /// values lie far enough apart; its reported bounds are then an interval the attacker's interval contains
    /// (<see cref="CellBounds.BoundsExact"/> false). A cell that is not protected always gets its exact bounds.
    /// </summary>
    Verdict,
}

/// <summary>
/// The attacker's view, as sdcTable's attack() and τ-ARGUS audit it: for every hidden cell, the lowest and
/// highest value it can take given all published cells and the relations between them, found with
/// linear programs (Google OR-Tools' GLOP). Bounds are then rounded inwards to whole numbers, because counts
/// are integers, so the check is never weaker than an integer attacker restricted to these relations.
/// What the attacker knows a priori: published cells are exact (or, when rounded, within half the base);
/// "&lt; 5" cells lie in 1..4 (0..4 when zeros are hidden); "x" cells are at least MinCount (secondary cells are never
/// small or zero); with one marker for all hidden cells, a hidden cell is only known to be at least 0 (or 1).
/// Speed: every LP solution (and the true table itself) is a table the attacker cannot rule out, so each one widens
/// the range of values known to be possible for every cell at once. A bound that already reaches the cell's prior
/// bound needs no LP, and with <see cref="AuditGoal.Verdict"/> a cell whose known range already spans its protection
/// interval needs none at all. The LPs of one group of linked hidden cells share one GLOP model, warm-started.
/// </summary>
public sealed class AttackAuditor
{
    private const double Epsilon = 1e-6;
    // A finite stand-in for "no upper bound": GLOP then never has to prove unboundedness (which it may report as
    // infeasible); any bound at or above it is reported as +infinity.
    private const double NoUpperBound = 1e9;
    // Between two LPs of one model only the objective changes, so the last basis stays feasible and the primal simplex
    // needs a few pivots. GLOP's presolve spoils that warm start and, on these degenerate LPs, can make it stall (seen
    // on a sparse year-and-quarters table: minutes without an answer), so it is off, and an iteration cap sends a solve
    // that still takes too long to a cold start with the default settings.
    private static string WarmParameters(int size) => $"use_dual_simplex: false, use_preprocessing: false, max_number_of_iterations: {1000 + 2 * size}";

    /// <summary>Counts of the work done by this auditor, summed over all its audits (for benchmarks and logs).</summary>
    public AuditStatistics Statistics { get; } = new();

    public AuditReport Audit(LinkedTable table, IReadOnlyList<CellStatus> status, DisclosurePolicy policy) =>
        Audit(table, status, policy, cellsToCheck: null);

    /// <summary>Audits only <paramref name="cellsToCheck"/> (all hidden cells when null); the LP still holds the whole table.</summary>
    public AuditReport Audit(LinkedTable table, IReadOnlyList<CellStatus> status, DisclosurePolicy policy, IReadOnlySet<int>? cellsToCheck,
        AuditGoal goal = AuditGoal.ExactBounds)
    {
        var clock = Stopwatch.StartNew();
        try { return AuditComponents(table, status, policy, cellsToCheck, goal); }
        finally { Statistics.AuditTime += clock.Elapsed; Statistics.Audits++; }
    }

    private AuditReport AuditComponents(LinkedTable table, IReadOnlyList<CellStatus> status, DisclosurePolicy policy, IReadOnlySet<int>? cellsToCheck,
        AuditGoal goal)
    {
        var hidden = Enumerable.Range(0, table.Cells.Count).Where(i => status[i] != CellStatus.Gepubliceerd).ToList();
        if (hidden.Count == 0) return new AuditReport([]);

        // Without rounding only relations that touch a hidden cell carry information about hidden cells. Published cells are constants
        // (moved to the right-hand side), except when rounded: then they are variables within their rounding interval.
        // With rounding every cell is a variable, and a relation between published cells narrows their rounding
        // intervals and through them the hidden cells, so then every relation counts.
        var rounded = policy.RoundingBase > 1;
        var relations = table.Relations.Where(r => rounded || status[r.Total] != CellStatus.Gepubliceerd || r.Parts.Any(p => status[p] != CellStatus.Gepubliceerd)).ToList();
        bool IsVariable(int cell) => rounded || status[cell] != CellStatus.Gepubliceerd;

        // Hidden cells linked by relations form independent components; each gets its own LP model.
        var parent = new Dictionary<int, int>();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        foreach (var cell in hidden) parent.TryAdd(cell, cell);
        foreach (var relation in relations)
            foreach (var member in Members(relation).Where(IsVariable))
                parent.TryAdd(member, member);
        foreach (var relation in relations)
        {
            var members = Members(relation).Where(IsVariable).ToList();
            for (var i = 1; i < members.Count; i++) parent[Find(members[i])] = Find(members[0]);
        }
        // An order between two variables links them; an order between a variable and a constant is a bound of the variable.
        var orders = table.Orders.Where(o => IsVariable(o.Smaller) && IsVariable(o.Larger)).ToList();
        foreach (var order in orders)
        {
            parent.TryAdd(order.Smaller, order.Smaller);
            parent.TryAdd(order.Larger, order.Larger);
            parent[Find(order.Smaller)] = Find(order.Larger);
        }
        var componentOf = parent.Keys.ToDictionary(c => c, Find);
        var relationsOfComponent = relations
            .Select(r => (Relation: r, Component: Members(r).Where(IsVariable).Select(m => componentOf[m]).FirstOrDefault(-1)))
            .Where(r => r.Component >= 0)
            .ToLookup(r => r.Component, r => r.Relation);
        var ordersOfComponent = orders.ToLookup(o => componentOf[o.Smaller]);
        var orderBounds = OrderBoundsFromConstants(table, IsVariable);

        var results = new List<CellBounds>();
        foreach (var group in componentOf.Keys.GroupBy(c => componentOf[c]))
        {
            var toAudit = group.Where(c => NeedsAudit(table, status, c, policy) && (cellsToCheck is null || cellsToCheck.Contains(c))).Order().ToList();
            if (toAudit.Count == 0) continue;
            Statistics.Components++;
            Statistics.LargestComponent = Math.Max(Statistics.LargestComponent, group.Count());
            results.AddRange(AuditComponent(table, status, policy, group.Order().ToList(), relationsOfComponent[group.Key], ordersOfComponent[group.Key].ToList(),
                orderBounds, IsVariable, toAudit, goal));
        }
        return new AuditReport(results.OrderBy(r => r.Cell).ToList());
    }

    /// <summary>
    /// What orders with a constant (a published, unrounded cell) tell of a variable: Smaller &lt;= a published value is an
    /// upper bound, a published value &lt;= Larger a lower bound.
    /// </summary>
    private static Dictionary<int, (double Lower, double Upper)> OrderBoundsFromConstants(LinkedTable table, Func<int, bool> isVariable)
    {
        var bounds = new Dictionary<int, (double Lower, double Upper)>();
        foreach (var order in table.Orders)
        {
            var (smaller, larger) = (order.Smaller, order.Larger);
            if (isVariable(smaller) && !isVariable(larger))
            {
                var (lower, upper) = bounds.GetValueOrDefault(smaller, (double.NegativeInfinity, double.PositiveInfinity));
                bounds[smaller] = (lower, Math.Min(upper, table.Cells[larger].Value));
            }
            else if (!isVariable(smaller) && isVariable(larger))
            {
                var (lower, upper) = bounds.GetValueOrDefault(larger, (double.NegativeInfinity, double.PositiveInfinity));
                bounds[larger] = (Math.Max(lower, table.Cells[smaller].Value), upper);
            }
        }
        return bounds;
    }

    private List<CellBounds> AuditComponent(LinkedTable table, IReadOnlyList<CellStatus> status, DisclosurePolicy policy, List<int> cells,
        IEnumerable<Relation> relations, List<AtMost> orders, Dictionary<int, (double Lower, double Upper)> orderBounds, Func<int, bool> isVariable,
        List<int> toAudit, AuditGoal goal)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP solver of Google OR-Tools is not available.");
        var variables = new Dictionary<int, Variable>();
        var prior = new Dictionary<int, (double Lower, double Upper)>();
        // The lowest and highest value of each cell over the tables known to be possible; the true table is one.
        var lowestSeen = new Dictionary<int, double>();
        var highestSeen = new Dictionary<int, double>();
        foreach (var i in cells)
        {
            var (lower, upper) = PriorKnowledge(table.Cells[i], status[i], policy);
            if (orderBounds.TryGetValue(i, out var known)) (lower, upper) = (Math.Max(lower, known.Lower), Math.Min(upper, known.Upper));
            prior[i] = (lower, Math.Min(upper, NoUpperBound));
            variables[i] = solver.MakeNumVar(lower, prior[i].Upper, "x" + i);
            lowestSeen[i] = highestSeen[i] = table.Cells[i].Value;
        }
        var relationList = relations.ToList();
        foreach (var relation in relationList)
        {
            // total - sum(parts) = 0, with published members as constants
            // coefficients are summed: a cell can occur twice in one relation (two categories that are the same count)
            var constant = 0.0;
            var terms = new Dictionary<int, double>();
            foreach (var (member, sign) in relation.Parts.Select(p => (p, -1.0)).Append((relation.Total, 1.0)))
            {
                if (isVariable(member)) terms[member] = terms.GetValueOrDefault(member) + sign;
                else constant += sign * table.Cells[member].Value;
            }
            var constraint = solver.MakeConstraint(-constant, -constant);
            foreach (var (member, coefficient) in terms) constraint.SetCoefficient(variables[member], coefficient);
        }
        foreach (var order in orders)
        {
            // smaller - larger <= 0
            var constraint = solver.MakeConstraint(double.NegativeInfinity, 0);
            constraint.SetCoefficient(variables[order.Smaller], 1);
            constraint.SetCoefficient(variables[order.Larger], -1);
        }
        var warm = WarmParameters(solver.NumVariables() + solver.NumConstraints());
        solver.SetSolverSpecificParametersAsString(warm);

        bool IsPossibleTable(Dictionary<int, double> solution)
        {
            foreach (var (cell, value) in solution)
                if (value < prior[cell].Lower - Epsilon || value > prior[cell].Upper + Epsilon) return false;
            foreach (var relation in relationList)
            {
                double Value(int member) => isVariable(member) ? solution[member] : table.Cells[member].Value;
                if (Math.Abs(Value(relation.Total) - relation.Parts.Sum(Value)) > Epsilon) return false;
            }
            foreach (var order in orders)
                if (solution[order.Smaller] > solution[order.Larger] + Epsilon) return false;
            return true;
        }

        double Solve(IEnumerable<int> objectiveCells, bool minimise) =>
            SolveWeighted(objectiveCells.Select(c => (c, minimise ? 1.0 : -1.0)).ToList()) * (minimise ? 1 : -1);

        // Minimises sum(weight * cell); every solution is a table the attacker cannot rule out.
        double SolveWeighted(List<(int Cell, double Weight)> weights)
        {
            var objective = solver.Objective();
            objective.Clear();
            foreach (var (cell, weight) in weights) objective.SetCoefficient(variables[cell], weight);
            objective.SetMinimization();
            var solveClock = Stopwatch.StartNew();
            var result = solver.Solve();
            Statistics.LinearPrograms++;
            if (result is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.UNBOUNDED))
            {
                // The iteration cap was hit (or the warm start went wrong): solve this one from scratch.
                solver.Reset();
                solver.SetSolverSpecificParametersAsString("");
                result = solver.Solve();
                solver.SetSolverSpecificParametersAsString(warm);
                Statistics.ColdRestarts++;
            }
            Statistics.SolverTime += solveClock.Elapsed;
            if (result == Solver.ResultStatus.UNBOUNDED) return double.NegativeInfinity;
            if (result != Solver.ResultStatus.OPTIMAL)
                throw new InvalidOperationException($"The disclosure audit LP ended with status {result}; the linked table is inconsistent.");
            // A solution is used as a witness only after checking it against every bound and relation ourselves.
            var solution = new Dictionary<int, double>(variables.Count);
            foreach (var (cell, variable) in variables) solution[cell] = variable.SolutionValue();
            if (IsPossibleTable(solution))
                foreach (var (cell, value) in solution)
                {
                    if (value < lowestSeen[cell]) lowestSeen[cell] = value;
                    if (value > highestSeen[cell]) highestSeen[cell] = value;
                }
            else Statistics.RejectedWitnesses++;
            return objective.Value();
        }

        // Cheap outer bounds (each relation on its own, repeatedly): a cell they already show unprotected is unprotected.
        var outer = goal == AuditGoal.Verdict ? OuterBounds(table, cells, relationList, prior, isVariable) : null;

        bool ProvenSafe(int cell) => Verdict(RoundLower(lowestSeen[cell]), RoundUpper(highestSeen[cell]), status[cell], policy) is null;

        bool FailsOuter(int cell) => outer is not null && Verdict(RoundLower(outer[cell].Lower), RoundUpper(outer[cell].Upper), status[cell], policy) is not null;
        if (goal == AuditGoal.Verdict)
        {
            // LPs that push many undecided cells at once to one end of their range (down, or up where there is more room
            // up) usually prove most cells safe; repeat, alternating the preferred end, while that still pays off.
            for (var sweep = 0; sweep < 12; sweep++)
            {
                var pending = toAudit.Where(c => !ProvenSafe(c) && !FailsOuter(c)).ToList();
                if (pending.Count < 2) break;
                var weights = new List<(int Cell, double Weight)>();
                foreach (var cell in pending)
                {
                    var roomDown = lowestSeen[cell] - prior[cell].Lower;
                    var roomUp = prior[cell].Upper - highestSeen[cell];
                    var down = sweep % 2 == 0 ? roomDown > Epsilon || roomUp <= Epsilon : roomUp <= Epsilon;
                    weights.Add((cell, down ? 1 : -1));
                }
                SolveWeighted(weights);
                var proven = pending.Count(ProvenSafe);
                if (proven * 20 < pending.Count && sweep >= 1) break;
            }
        }

        var results = new List<CellBounds>(toAudit.Count);
        foreach (var cell in toAudit)
        {
            var (priorLower, priorUpper) = prior[cell];
            if (outer is not null)
            {
                var (outerLower, outerUpper) = (RoundLower(outer[cell].Lower), RoundUpper(outer[cell].Upper));
                if (Verdict(outerLower, outerUpper, status[cell], policy) is { } reason)
                {
                    Statistics.CellsFailedWithoutOwnLp++;
                    results.Add(Bounds(table, status, cell, outerLower, outerUpper, reason, exact: false));
                    continue;
                }
            }
            if (goal == AuditGoal.Verdict && ProvenSafe(cell))
            {
                Statistics.CellsProvenWithoutOwnLp++;
                results.Add(Bounds(table, status, cell, RoundLower(lowestSeen[cell]), RoundUpper(highestSeen[cell]), null, exact: false));
                continue;
            }
            // A bound the cell already reaches in a possible table is its prior bound: no LP can go beyond it.
            double? lower = lowestSeen[cell] <= priorLower + Epsilon ? priorLower : null;
            double? upper = highestSeen[cell] >= priorUpper - Epsilon ? priorUpper : null;
            lower ??= Solve([cell], minimise: true);
            if (goal == AuditGoal.Verdict && upper is null && outer is not null
                && Verdict(RoundLower(lower.Value), RoundUpper(outer[cell].Upper), status[cell], policy) is { } narrow)
            {
                // The exact lower bound and the outer upper bound already leave too little room: unprotected.
                results.Add(Bounds(table, status, cell, RoundLower(lower.Value), RoundUpper(outer[cell].Upper), narrow, exact: false));
                continue;
            }
            if (goal == AuditGoal.Verdict && upper is null && ProvenSafe(cell))
            {
                results.Add(Bounds(table, status, cell, RoundLower(lower.Value), RoundUpper(highestSeen[cell]), null, exact: false));
                continue;
            }
            upper ??= Solve([cell], minimise: false);
            var (low, high) = (RoundLower(lower.Value), RoundUpper(upper.Value));
            results.Add(Bounds(table, status, cell, low, high, Verdict(low, high, status[cell], policy), exact: true));
        }
        return results;
    }

    /// <summary>
    /// Bounds that contain the LP's (so whatever they fail, the LP fails too): interval propagation, where every relation
    /// total = sum(parts) narrows each member by the others' intervals, swept until nothing changes (or 50 sweeps; each
    /// sweep is valid on its own). Plain real arithmetic, no rounding in between, so never tighter than the relaxation.
    /// </summary>
    private static Dictionary<int, (double Lower, double Upper)> OuterBounds(LinkedTable table, List<int> cells, IEnumerable<Relation> relations,
        Dictionary<int, (double Lower, double Upper)> prior, Func<int, bool> isVariable)
    {
        var bounds = cells.ToDictionary(c => c, c => (prior[c].Lower, Upper: prior[c].Upper >= NoUpperBound ? double.PositiveInfinity : prior[c].Upper));
        (double Lower, double Upper) Of(int cell) => isVariable(cell) ? bounds[cell] : (table.Cells[cell].Value, table.Cells[cell].Value);
        var relationList = relations.ToList();
        for (var sweep = 0; sweep < 50; sweep++)
        {
            var changed = false;
            foreach (var relation in relationList)
            {
                // total - sum(parts) = 0: every member, with sign +1 (total) or -1 (part), is fixed by the others.
                var members = relation.Parts.Select(p => (Cell: p, Sign: -1)).Append((Cell: relation.Total, Sign: 1)).ToList();
                // Range of sign * member summed over all members, with counts of infinite ends to subtract one member out.
                double low = 0, high = 0;
                int lowInfinite = 0, highInfinite = 0;
                foreach (var (cell, sign) in members)
                {
                    var (lower, upper) = Of(cell);
                    var (a, b) = sign > 0 ? (lower, upper) : (-upper, -lower);
                    if (double.IsNegativeInfinity(a)) lowInfinite++; else low += a;
                    if (double.IsPositiveInfinity(b)) highInfinite++; else high += b;
                }
                foreach (var (cell, sign) in members)
                {
                    if (!isVariable(cell)) continue;
                    var (lower, upper) = bounds[cell];
                    var (a, b) = sign > 0 ? (lower, upper) : (-upper, -lower);
                    // sign * cell = -(sum of the others), and the others' sum lies in [lowOthers, highOthers]
                    var lowOthers = double.IsNegativeInfinity(a) ? (lowInfinite == 1 ? low : double.NegativeInfinity) : (lowInfinite == 0 ? low - a : double.NegativeInfinity);
                    var highOthers = double.IsPositiveInfinity(b) ? (highInfinite == 1 ? high : double.PositiveInfinity) : (highInfinite == 0 ? high - b : double.PositiveInfinity);
                    var (signedLower, signedUpper) = (-highOthers, -lowOthers);
                    var (newLower, newUpper) = sign > 0 ? (signedLower, signedUpper) : (-signedUpper, -signedLower);
                    if (newLower > lower + Epsilon || newUpper < upper - Epsilon)
                    {
                        bounds[cell] = (Math.Max(lower, newLower), Math.Min(upper, newUpper));
                        changed = true;
                    }
                }
            }
            if (!changed) break;
        }
        return bounds;
    }

    private static CellBounds Bounds(LinkedTable table, IReadOnlyList<CellStatus> status, int cell, double lower, double upper, string? reason, bool exact) =>
        new(cell, table.Cells[cell].Key, table.Cells[cell].Value, status[cell], lower, upper, reason is null, reason, exact);

    private static double RoundLower(double lower) => Math.Ceiling(lower - Epsilon) + 0.0;   // + 0.0 turns -0 into 0

    private static double RoundUpper(double upper) => upper >= NoUpperBound - 1 ? double.PositiveInfinity : Math.Floor(upper + Epsilon);

    /// <summary>
    /// The cells whose bounds the audit judges: every hidden cell, and a never-published count (Onbekend: events of a year
    /// after the data end, the year minus its published quarters) of 1 to MinCount - 1, which counts children as much as
    /// a "&lt; 5" cell does.
    /// </summary>
    internal static bool NeedsAudit(LinkedTable table, IReadOnlyList<CellStatus> status, int cell, DisclosurePolicy policy) =>
        status[cell] is CellStatus.Primair or CellStatus.Secundair || status[cell] == CellStatus.Onbekend && IsSmall(table.Cells[cell].Value, policy);

    private static bool IsSmall(long value, DisclosurePolicy policy) => value > 0 && value < policy.MinCount;

    /// <summary>Why a cell with these (whole-number) attacker bounds is not protected, or null when it is.</summary>
    private static string? Verdict(double lower, double upper, CellStatus status, DisclosurePolicy policy)
    {
        var width = upper - lower;
        if (width < Epsilon) return "de waarde ligt vast";
        if (status is CellStatus.Primair or CellStatus.Onbekend && width < policy.ProtectionWidth - Epsilon)
            return $"interval smaller dan het beschermingsinterval ({policy.ProtectionWidth})";
        return null;
    }

    private static IEnumerable<int> Members(Relation relation) => relation.Parts.Append(relation.Total);

    /// <summary>What an attacker knows of a cell before using any relation.</summary>
    internal static (double Lower, double Upper) PriorKnowledge(TableCell cell, CellStatus status, DisclosurePolicy policy)
    {
        if (status == CellStatus.Gepubliceerd && policy.RoundingBase <= 1) return (cell.Value, cell.Value);
        var (lower, upper) = status switch
        {
            CellStatus.Gepubliceerd => RoundedRange(cell.Value, policy.RoundingBase),
            CellStatus.Onbekend => (0, double.PositiveInfinity),
            _ when policy.SameMarkerForAllHidden => (policy.SmallCountRange.Lower, double.PositiveInfinity),
            CellStatus.Primair => policy.SmallCountRange,
            _ => (policy.MinCount, double.PositiveInfinity),
        };
        return (Math.Max(lower, cell.KnownLower ?? 0), Math.Min(upper, cell.KnownUpper ?? double.PositiveInfinity));
    }

    /// <summary>The true values that round to the published one (round half up to a multiple of the base).</summary>
    private static (double Lower, double Upper) RoundedRange(long value, int roundingBase)
    {
        var published = DisclosureRounding.Round(value, roundingBase);
        var half = roundingBase / 2;
        return (Math.Max(0, published - half), published + (roundingBase - 1 - half));
    }
}

/// <summary>The work an <see cref="AttackAuditor"/> did: how many LPs it needed and how many cells it proved safe without one.</summary>
public sealed class AuditStatistics
{
    public int Audits { get; set; }
    public int Components { get; set; }
    public int LargestComponent { get; set; }
    public long LinearPrograms { get; set; }
    public long ColdRestarts { get; set; }
    public long CellsProvenWithoutOwnLp { get; set; }
    public long CellsFailedWithoutOwnLp { get; set; }
    public long RejectedWitnesses { get; set; }
    public TimeSpan AuditTime { get; set; }
    /// <summary>Time inside GLOP (the rest of AuditTime is building models, propagation and checking witnesses).</summary>
    public TimeSpan SolverTime { get; set; }
}

public static class DisclosureRounding
{
    /// <summary>Rounds a count to the nearest multiple of the base (halves up); 0 stays 0.</summary>
    public static long Round(long value, int roundingBase) =>
        roundingBase <= 1 ? value : (value + roundingBase / 2) / roundingBase * roundingBase;
}
