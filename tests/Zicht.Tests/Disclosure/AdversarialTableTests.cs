using Zicht.Disclosure;

namespace Zicht.Tests.Disclosure;

/// <summary>
/// Tables built to be attacked. Each test shows that the audit catches a naive suppression (the hidden value can
/// be worked back) and passes the table that CellSuppression protects. Policy: counts 1-4 are "&lt; 5" and zeros
/// are shown (so the attacker knows a "&lt; 5" is 1..4), an "x" is at least 5, and a "&lt; 5" cell must stay
/// anywhere in 1..4 (width 3). The last test shows why the shipped default also hides zeros.
/// </summary>
public class AdversarialTableTests
{
    private static readonly DisclosurePolicy Policy = DisclosurePolicy.Default with { SuppressZeros = false };
    private readonly AttackAuditor _auditor = new();

    private static CellStatus[] Naive(LinkedTable table, params string[] hidden) =>
        table.Cells.Select(c => hidden.Contains(c.Key) ? (c.Value < 5 ? CellStatus.Primair : CellStatus.Secundair) : CellStatus.Gepubliceerd).ToArray();

    [Fact]
    public void Total_minus_all_but_one_pins_a_lone_hidden_cell()
    {
        // total 33 = a 3 + b 10 + c 20. Hiding only a: a = 33 - 10 - 20 = 3, pinned.
        var table = new LinkedTable();
        var total = table.Add("totaal", 33);
        table.Relate(total, [table.Add("a", 3), table.Add("b", 10), table.Add("c", 20)]);

        var naive = _auditor.Audit(table, Naive(table, "a"), Policy);
        Assert.False(naive.Passed);
        var pinned = Assert.Single(naive.Failures);
        Assert.Equal((3.0, 3.0), (pinned.Lower, pinned.Upper));

        var protectedTable = new CellSuppression(Policy).Protect(table);
        Assert.True(protectedTable.Audit.Passed);
        // b (10) is the smallest publishable complement: a + b = 13 with a in 1..4 and b >= 5 -> a in [1, 4], b in [9, 12]
        Assert.Equal(CellStatus.Secundair, protectedTable.Status[table.Find("b")!.Value]);
        var a = protectedTable.Audit.Cells.Single(c => c.Key == "a");
        Assert.Equal((1.0, 4.0), (a.Lower, a.Upper));
        Assert.Equal(CellStatus.Gepubliceerd, protectedTable.Status[table.Find("c")!.Value]);
    }

    [Fact]
    public void A_complement_that_is_too_small_narrows_the_interval_and_is_caught()
    {
        // total 13 = a 2 + b 5 + c 6. Naive: hide a and b (b is the smallest publishable). a + b = 7, b >= 5 -> a in [1, 2]:
        // not pinned, but narrower than 1..4, so the audit fails; the protected table also hides c: a + b + c = 13,
        // b, c >= 5 -> a in [1, 3]... still narrower than 1..4, so the total is hidden too (then a stays in 1..4).
        var table = new LinkedTable();
        var total = table.Add("totaal", 13);
        table.Relate(total, [table.Add("a", 2), table.Add("b", 5), table.Add("c", 6)]);

        var naive = _auditor.Audit(table, Naive(table, "a", "b"), Policy);
        var a = naive.Cells.Single(c => c.Key == "a");
        Assert.Equal((1.0, 2.0), (a.Lower, a.Upper));
        Assert.False(naive.Passed);

        var protectedTable = new CellSuppression(Policy).Protect(table);
        Assert.True(protectedTable.Audit.Passed);
        var protectedA = protectedTable.Audit.Cells.Single(c => c.Key == "a");
        Assert.True(protectedA.Upper - protectedA.Lower >= 3);
    }

    [Fact]
    public void A_row_and_a_column_margin_together_pin_a_cell_that_each_alone_would_not()
    {
        //            c1   c2 | rij
        //   r1        2   10 |  12
        //   r2       12   15 |  27
        //   kolom    14   25 |  39
        // Naive: hide r1c1 (primary) and its row partner r1c2. The row alone gives r1c1 + r1c2 = 12, but the column
        // gives r1c1 = 14 - 12 = 2: pinned.
        var table = new LinkedTable();
        int C(string key, long v) => table.Add(key, v);
        int r1c1 = C("r1c1", 2), r1c2 = C("r1c2", 10), r2c1 = C("r2c1", 12), r2c2 = C("r2c2", 15);
        int r1 = C("r1", 12), r2 = C("r2", 27), c1 = C("c1", 14), c2 = C("c2", 25), all = C("totaal", 39);
        table.Relate(r1, [r1c1, r1c2]);
        table.Relate(r2, [r2c1, r2c2]);
        table.Relate(c1, [r1c1, r2c1]);
        table.Relate(c2, [r1c2, r2c2]);
        table.Relate(all, [r1, r2]);
        table.Relate(all, [c1, c2]);

        var naive = _auditor.Audit(table, Naive(table, "r1c1", "r1c2"), Policy);
        Assert.False(naive.Passed);
        Assert.Contains(naive.Failures, f => f.Key == "r1c1" && f.Lower == 2 && f.Upper == 2);

        // Protected: the four inner cells hidden (the classic rectangle). r1c1 + r1c2 = 12, r1c1 + r2c1 = 14,
        // r2c1 + r2c2 = 27 with r1c2, r2c1, r2c2 >= 5: r1c1 = 12 - r1c2 <= 7 and = 14 - r2c1 <= 9, so r1c1 keeps 1..4.
        var protectedTable = new CellSuppression(Policy).Protect(table);
        Assert.True(protectedTable.Audit.Passed);
        Assert.All(new[] { r1c1, r1c2, r2c1, r2c2 }, i => Assert.NotEqual(CellStatus.Gepubliceerd, protectedTable.Status[i]));
        var bounds = protectedTable.Audit.Cells.Single(c => c.Key == "r1c1");
        Assert.Equal((1.0, 4.0), (bounds.Lower, bounds.Upper));
    }

    [Fact]
    public void Two_overlapping_selections_subtracted_from_each_other_are_caught()
    {
        // Published: T = a + b + c = 3 + 9 + 11 = 23 (a region) and the overlapping selection S = b + c = 20 (a filter
        // that leaves out municipality a). Naive: hide a and its complement b in T. But then c = 11 is published,
        // S - c = b = 9 and a = T - S = 3: pinned.
        var table = new LinkedTable();
        int a = table.Add("a", 3), b = table.Add("b", 9), c = table.Add("c", 11);
        int t = table.Add("T", 23), s = table.Add("S", 20);
        table.Relate(t, [a, b, c]);
        table.Relate(s, [b, c]);

        var naive = _auditor.Audit(table, Naive(table, "a", "b"), Policy);
        Assert.False(naive.Passed);
        Assert.Contains(naive.Failures, f => f.Key == "a" && f.Lower == 3 && f.Upper == 3);

        // Hiding parts cannot help while both T and S are published (a = T - S whatever else is hidden): the protected
        // table hides a total as well, which the audit then proves sufficient.
        var protectedTable = new CellSuppression(Policy).Protect(table);
        Assert.True(protectedTable.Audit.Passed);
        Assert.True(protectedTable.Status[t] != CellStatus.Gepubliceerd || protectedTable.Status[s] != CellStatus.Gepubliceerd);
    }

    [Fact]
    public void The_same_count_by_municipality_and_region_and_by_category_and_total_is_one_linked_table()
    {
        // Two municipalities in one region, two categories. The region and the totals are published too.
        //            cat1  cat2 | totaal
        //   GM1         1     8 |   9
        //   GM2        10    12 |  22
        //   JZ         11    20 |  31
        var table = new LinkedTable();
        int g1a = table.Add("GM1|cat1", 1), g1b = table.Add("GM1|cat2", 8), g1 = table.Add("GM1|totaal", 9);
        int g2a = table.Add("GM2|cat1", 10), g2b = table.Add("GM2|cat2", 12), g2 = table.Add("GM2|totaal", 22);
        int ra = table.Add("JZ|cat1", 11), rb = table.Add("JZ|cat2", 20), r = table.Add("JZ|totaal", 31);
        table.Relate(g1, [g1a, g1b]); table.Relate(g2, [g2a, g2b]); table.Relate(r, [ra, rb]);
        table.Relate(ra, [g1a, g2a]); table.Relate(rb, [g1b, g2b]); table.Relate(r, [g1, g2]);

        var primaryOnly = _auditor.Audit(table, Naive(table, "GM1|cat1"), Policy);
        Assert.False(primaryOnly.Passed);

        var protectedTable = new CellSuppression(Policy).Protect(table);
        Assert.True(protectedTable.Audit.Passed);
        Assert.Equal(CellStatus.Primair, protectedTable.Status[g1a]);
    }

    [Fact]
    public void Several_small_cells_under_one_total_need_zeros_hidden_too()
    {
        // A region of three municipalities with 1 each: region 3 = 1 + 1 + 1. When zeros are shown, every "< 5" is at
        // least 1, so the region is at least 3: the attacker narrows it to [3, 4] and no suppression can prevent that.
        var table = new LinkedTable();
        var region = table.Add("JZ", 3);
        table.Relate(region, [table.Add("GM1", 1), table.Add("GM2", 1), table.Add("GM3", 1)]);
        var showingZeros = new CellSuppression(Policy).Protect(table);
        Assert.False(showingZeros.Audit.Passed);
        Assert.Contains(showingZeros.Audit.Failures, f => f.Key == "JZ" && f.Lower == 3 && f.Upper == 4);

        // The shipped default shows 0 as "< 5" as well (0..4): the region keeps [0, 4] and the audit passes.
        var hidingZeros = new CellSuppression(DisclosurePolicy.Default).Protect(table);
        Assert.True(hidingZeros.Audit.Passed);
    }

    [Fact]
    public void Rounding_to_five_widens_what_the_attacker_knows_of_published_cells()
    {
        // With rounding to 5 a published 10 means 8..12. total 23 -> 25 (23..27... i.e. 23..27 rounds to 25), a 3 hidden,
        // b 10 -> 10 (8..12), c 10 -> 10 (8..12): a = total - b - c lies in [23 - 24, 27 - 16] = [-1, 11] -> 1..4 kept.
        var table = new LinkedTable();
        var total = table.Add("totaal", 23);
        table.Relate(total, [table.Add("a", 3), table.Add("b", 10), table.Add("c", 10)]);
        var audit = _auditor.Audit(table, Naive(table, "a"), Policy with { RoundingBase = 5 });
        Assert.True(audit.Passed);
        Assert.Equal(25, DisclosureRounding.Round(23, 5));
        Assert.Equal(10, DisclosureRounding.Round(12, 5));
        Assert.Equal(15, DisclosureRounding.Round(13, 5));
    }
}
