using Google.OrTools.LinearSolver;
using Zicht.Disclosure;

namespace Zicht.Tests.Disclosure;

/// <summary>
/// The fast audit (witness tables, interval propagation, warm-started shared LPs) against a plain reference: two cold
/// LPs per hidden cell, written here independently of AttackAuditor. On seeded random sparse tables shaped like a
/// publication (municipalities in regions in the country, categories with a total, a year and its quarters), both
/// must find exactly the same unprotected cells, and suppression must choose exactly the same pattern.
/// </summary>
public class FastAuditTests
{
    private static readonly DisclosurePolicy[] Policies =
    [
        DisclosurePolicy.Default,
        DisclosurePolicy.Default with { SameMarkerForAllHidden = true },
        DisclosurePolicy.Default with { RoundingBase = 5 },
        DisclosurePolicy.Default with { SuppressZeros = false },
    ];

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5, 6 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Fast_verdict_finds_exactly_the_cells_the_full_LP_audit_finds(int seed)
    {
        foreach (var policy in Policies)
        {
            var table = SparseTable(seed);
            // Primary suppression only: many cells can be worked back. Then the protected pattern: none can.
            var primaryOnly = table.Cells.Select(new CellSuppression(policy).PrimaryStatus).ToArray();
            var protectedStatus = new CellSuppression(policy).Protect(table).Status;
            foreach (var status in new[] { primaryOnly, protectedStatus.ToArray() })
            {
                var reference = ReferenceAudit(table, status, policy);
                var fast = new AttackAuditor().Audit(table, status, policy, null, AuditGoal.Verdict);
                Assert.Equal(reference.Where(r => !r.Value.Protected).Select(r => r.Key).Order(),
                    fast.Failures.Select(f => f.Cell).Order());
                foreach (var cell in fast.Cells)
                {
                    var (lower, upper, _) = reference[cell.Cell];
                    if (cell.BoundsExact) Assert.Equal((lower, upper), (cell.Lower, cell.Upper));
                    else if (cell.Protected) Assert.True(lower <= cell.Lower && cell.Upper <= upper, $"{cell.Key}: [{cell.Lower}, {cell.Upper}] not inside [{lower}, {upper}]");
                    else Assert.True(cell.Lower <= lower && upper <= cell.Upper, $"{cell.Key}: [{cell.Lower}, {cell.Upper}] does not contain [{lower}, {upper}]");
                }
                var exact = new AttackAuditor().Audit(table, status, policy);
                Assert.All(exact.Cells, c => Assert.Equal((reference[c.Cell].Lower, reference[c.Cell].Upper), (c.Lower, c.Upper)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Suppression_with_the_fast_verdict_hides_the_same_cells_as_with_exact_bounds(int seed)
    {
        foreach (var policy in Policies)
        {
            var table = SparseTable(seed);
            var fast = new CellSuppression(policy).Protect(table);
            var exact = new CellSuppression(policy) { Goal = AuditGoal.ExactBounds }.Protect(table);
            Assert.Equal(exact.Status, fast.Status);
            Assert.Equal(exact.Audit.Passed, fast.Audit.Passed);
            // and the reference audit agrees that the published pattern is safe (or not)
            // (suppression protects the hidden cells that count a child; a hidden 0 may be pinned: it reveals nobody)
            Assert.Equal(exact.Audit.Passed, ReferenceAudit(table, fast.Status, policy).Where(r => table.Cells[r.Key].Value > 0).All(r => r.Value.Protected));
        }
    }

    [Fact]
    public void A_cell_pinned_by_a_row_and_a_column_is_caught_by_the_fast_verdict()
    {
        // 2 x 2 with margins, all published but r1c1 (2) and r1c2 (9): row r1 = 11 gives r1c1 + r1c2 = 11, and column c2
        // (r1c2 + r2c2 = 16, r2c2 = 7 published) gives r1c2 = 9, so r1c1 = 2. Interval propagation finds it without an LP.
        var table = new LinkedTable();
        int C(string key, long value) => table.Add(key, value);
        var (r1c1, r1c2, r2c1, r2c2) = (C("r1c1", 2), C("r1c2", 9), C("r2c1", 6), C("r2c2", 7));
        var (r1, r2, c1, c2, total) = (C("r1", 11), C("r2", 13), C("c1", 8), C("c2", 16), C("total", 24));
        table.Relate(r1, [r1c1, r1c2]);
        table.Relate(r2, [r2c1, r2c2]);
        table.Relate(c1, [r1c1, r2c1]);
        table.Relate(c2, [r1c2, r2c2]);
        table.Relate(total, [r1, r2]);
        var status = table.Cells.Select(c => c.Key switch { "r1c1" => CellStatus.Primair, "r1c2" => CellStatus.Secundair, _ => CellStatus.Gepubliceerd }).ToArray();

        var audit = new AttackAuditor().Audit(table, status, DisclosurePolicy.Default, null, AuditGoal.Verdict);

        Assert.Contains(audit.Failures, f => f.Key == "r1c1" && f.Lower == 2 && f.Upper == 2);
        Assert.Contains(audit.Failures, f => f.Key == "r1c2" && f.Lower == 9 && f.Upper == 9);
    }

    [Fact]
    public void Publishing_a_complement_of_a_sparse_table_is_judged_as_the_full_audit_judges_it()
    {
        // Protect a sparse table, then publish one complement at a time: the fast verdict must equal the reference,
        // and primary suppression alone (every complement published) must be refused.
        var policy = DisclosurePolicy.Default;
        var table = SparseTable(7);
        var status = new CellSuppression(policy).Protect(table).Status.ToArray();
        foreach (var complement in Enumerable.Range(0, table.Cells.Count).Where(i => status[i] == CellStatus.Secundair).Take(15))
        {
            var weakened = status.ToArray();
            weakened[complement] = CellStatus.Gepubliceerd;
            var reference = ReferenceAudit(table, weakened, policy);
            var fast = new AttackAuditor().Audit(table, weakened, policy, null, AuditGoal.Verdict);
            Assert.Equal(reference.Where(r => !r.Value.Protected).Select(r => r.Key).Order(), fast.Failures.Select(f => f.Cell).Order());
        }
        var primaryOnly = table.Cells.Select(new CellSuppression(policy).PrimaryStatus).ToArray();
        Assert.False(new AttackAuditor().Audit(table, primaryOnly, policy, null, AuditGoal.Verdict).Passed);
    }

    /// <summary>
    /// A publication-shaped sparse table: 3 regions of 2-4 municipalities, 3 categories and their total, a year and its
    /// four quarters; quarter values mostly 0..4, some 5..20; every margin is the sum of its parts.
    /// </summary>
    private static LinkedTable SparseTable(int seed)
    {
        var random = new Random(seed);
        var municipalities = Enumerable.Range(0, 3).SelectMany(r => Enumerable.Range(0, random.Next(2, 5)).Select(m => (Region: $"R{r}", Code: $"G{r}{m}"))).ToList();
        string[] categories = ["a", "b", "c"];
        string[] quarters = ["Q1", "Q2", "Q3", "Q4"];
        var value = new Dictionary<(string Area, string Period, string Category), long>();
        foreach (var (_, code) in municipalities)
            foreach (var q in quarters)
                foreach (var c in categories)
                    value[(code, q, c)] = random.NextDouble() switch { < 0.4 => 0, < 0.8 => random.Next(1, 5), _ => random.Next(5, 21) };
        var areas = municipalities.Select(m => m.Code).Concat(municipalities.Select(m => m.Region).Distinct()).Append("NL").ToList();
        var partsOf = municipalities.GroupBy(m => m.Region).ToDictionary(g => g.Key, g => g.Select(m => m.Code).ToList());
        partsOf["NL"] = municipalities.Select(m => m.Region).Distinct().ToList();
        long Value(string area, string period, string category) =>
            category == "totaal" ? categories.Sum(c => Value(area, period, c))
            : period == "Y" ? quarters.Sum(q => Value(area, q, category))
            : partsOf.TryGetValue(area, out var parts) ? parts.Sum(p => Value(p, period, category))
            : value[(area, period, category)];

        var table = new LinkedTable();
        string[] periods = ["Y", .. quarters];
        string[] allCategories = [.. categories, "totaal"];
        int Cell(string area, string period, string category) => table.Add($"{area}|{period}|{category}", Value(area, period, category));
        foreach (var area in areas)
            foreach (var period in periods)
            {
                table.Relate(Cell(area, period, "totaal"), categories.Select(c => Cell(area, period, c)).ToList());
                foreach (var category in allCategories)
                {
                    if (partsOf.TryGetValue(area, out var parts)) table.Relate(Cell(area, period, category), parts.Select(p => Cell(p, period, category)).ToList());
                    if (period == "Y") table.Relate(Cell(area, "Y", category), quarters.Select(q => Cell(area, q, category)).ToList());
                }
            }
        return table;
    }

    /// <summary>The plain audit: for every hidden cell a fresh GLOP model, minimised and maximised, bounds rounded inwards.</summary>
    private static Dictionary<int, (double Lower, double Upper, bool Protected)> ReferenceAudit(LinkedTable table, IReadOnlyList<CellStatus> status, DisclosurePolicy policy)
    {
        var result = new Dictionary<int, (double, double, bool)>();
        for (var cell = 0; cell < table.Cells.Count; cell++)
        {
            if (status[cell] == CellStatus.Gepubliceerd) continue;
            var bound = new double[2];
            for (var side = 0; side < 2; side++)
            {
                using var solver = Solver.CreateSolver("GLOP")!;
                var variables = table.Cells.Select((c, i) =>
                {
                    var (lower, upper) = AttackAuditor.PriorKnowledge(c, status[i], policy);
                    return solver.MakeNumVar(lower, Math.Min(upper, 1e9), "x" + i);
                }).ToArray();
                foreach (var relation in table.Relations)
                {
                    var constraint = solver.MakeConstraint(0, 0);
                    constraint.SetCoefficient(variables[relation.Total], 1);
                    foreach (var part in relation.Parts) constraint.SetCoefficient(variables[part], -1);
                }
                solver.Objective().SetCoefficient(variables[cell], 1);
                if (side == 0) solver.Objective().SetMinimization(); else solver.Objective().SetMaximization();
                Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
                bound[side] = solver.Objective().Value();
            }
            var low = Math.Ceiling(bound[0] - 1e-6) + 0.0;
            var high = bound[1] >= 1e9 - 1 ? double.PositiveInfinity : Math.Floor(bound[1] + 1e-6);
            var width = high - low;
            var safe = width >= 1e-6 && (status[cell] != CellStatus.Primair || width >= policy.ProtectionWidth - 1e-6);
            result[cell] = (low, high, safe);
        }
        return result;
    }
}
