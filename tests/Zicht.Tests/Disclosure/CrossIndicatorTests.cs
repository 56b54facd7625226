using Zicht.Disclosure;
using Zicht.Tests.Indicators;
using Zicht.Tests.Support;
using static Zicht.Tests.Indicators.FixtureRows;

namespace Zicht.Tests.Disclosure;

/// <summary>
/// One count is often published by several indicators: uitval's teller is reasons 03 and 04 of reden_einde_verdeling,
/// all starts are the total of verwijzers_mix and the noemer of aandeel_lokaal_team. Protected one indicator at a
/// time, each table passes its own audit, but the attacker reads them side by side. These tests show the audit
/// catching that (naive: each table protected alone) and passing the family protected as one table.
/// Policy: the default (zeros hidden too: a "&lt; 5" is 0..4, an "x" at least 5).
/// </summary>
public class CrossIndicatorTests
{
    private static readonly DisclosurePolicy Policy = DisclosurePolicy.Default;

    private static CellStatus[] Statuses(LinkedTable table, Func<string, CellStatus?> given) =>
        table.Cells.Select(c => given(c.Key) ?? CellStatus.Gepubliceerd).ToArray();

    /// <summary>The attacker's (lower, upper) bound of one cell in an audit.</summary>
    private static (double Lower, double Upper) BoundsOf(AuditReport report, int cell) =>
        report.Cells.Where(c => c.Cell == cell).Select(c => (c.Lower, c.Upper)).Single();

    [Fact]
    public void A_teller_that_is_a_sum_of_categories_gives_a_hidden_category_away_unless_protected_together()
    {
        // One municipality's ended trajectories by reason: 01: 10, 02: 6, 03: 2, 04: 8 (total 26); uitval = 03 + 04 = 10.
        var table = new LinkedTable();
        int Add(string key, long value) => table.Add(key, value);
        var r01 = Add("reden:01", 10); var r02 = Add("reden:02", 6); var r03 = Add("reden:03", 2); var r04 = Add("reden:04", 8);
        var total = Add("reden:totaal", 26);
        var uitval = Add("uitval:teller", 10);
        table.Relate(total, [r01, r02, r03, r04]);

        // Naive: reden_einde_verdeling protected alone hides 03 ("< 5") and its smallest publishable complement 02 (6);
        // uitval alone has nothing small and shows 10. Side by side: 03 = uitval - 04 = 10 - 8 = 2.
        var alone = new CellSuppression(Policy).Protect(table);
        Assert.Equal(CellStatus.Secundair, alone.Status[r02]);
        table.Relate(uitval, [r03, r04]);
        var naive = new AttackAuditor().Audit(table, alone.Status, Policy);
        var pinned = naive.Cells.Single(c => c.Cell == r03);
        Assert.False(pinned.Protected);
        Assert.Equal((2.0, 2.0), (pinned.Lower, pinned.Upper));

        // Together: 03 alone in uitval's relation hides 04 (8) as well; then 02 = 26 - 01 - (03 + 04) = 26 - 10 - 10 = 6 is
        // pinned, so 01 (10) goes too. What the attacker keeps:
        // 03 + 04 = 10 with 04 >= 5 -> 03 in 0..4 (all of "< 5"); 01 + 02 = 16 with both >= 5 -> 02 in 5..11.
        var together = new CellSuppression(Policy).Protect(table);
        Assert.True(together.Audit.Passed);
        Assert.Equal(
            [CellStatus.Secundair, CellStatus.Secundair, CellStatus.Primair, CellStatus.Secundair, CellStatus.Gepubliceerd, CellStatus.Gepubliceerd],
            new[] { r01, r02, r03, r04, total, uitval }.Select(c => together.Status[c]));
        var bounds = new AttackAuditor().Audit(table, together.Status, Policy);
        Assert.Equal((0.0, 4.0), BoundsOf(bounds, r03));
        Assert.Equal((5.0, 11.0), BoundsOf(bounds, r02));
    }

    [Fact]
    public void A_total_hidden_in_a_distribution_but_shown_as_another_indicators_noemer_is_caught()
    {
        // Starts by verwijzer in region R:        01    02   total
        //   municipality A                          3     4      7
        //   municipality B                         10    20     30
        //   region R                               13    24     37
        // verwijzers_mix alone: A's 3 and 4 are "< 5"; 3 + 4 = 7 with both in 0..4 leaves each only 3..4, so A's total is
        // hidden (no part qualifies) and then B's total as its complement in the region. aandeel_lokaal_team alone shows
        // all starts as its noemer: A = 7, B = 30 (nothing small). Side by side, A's total is known again.
        var table = new LinkedTable();
        int Add(string key, long value) => table.Add(key, value);
        var a01 = Add("A:01", 3); var a02 = Add("A:02", 4); var aTotal = Add("A:totaal", 7);
        var b01 = Add("B:01", 10); var b02 = Add("B:02", 20); var bTotal = Add("B:totaal", 30);
        var r01 = Add("R:01", 13); var r02 = Add("R:02", 24); var rTotal = Add("R:totaal", 37);
        table.Relate(aTotal, [a01, a02]);
        table.Relate(bTotal, [b01, b02]);
        table.Relate(rTotal, [r01, r02]);
        table.Relate(r01, [a01, b01]);
        table.Relate(r02, [a02, b02]);
        table.Relate(rTotal, [aTotal, bTotal]);

        var mixAlone = new CellSuppression(Policy).Protect(table);
        Assert.True(mixAlone.Audit.Passed);
        Assert.Equal(CellStatus.Secundair, mixAlone.Status[aTotal]);
        // aandeel_lokaal_team publishes the same cells A:totaal and B:totaal (its noemer), shown: what the attacker sees
        var sideBySide = mixAlone.Status.ToArray();
        sideBySide[aTotal] = sideBySide[bTotal] = CellStatus.Gepubliceerd;
        var naive = new AttackAuditor().Audit(table, sideBySide, Policy);
        Assert.False(naive.Passed);
        Assert.Equal((3.0, 4.0), BoundsOf(naive, a01));

        // Protected as one family, the totals are one cell that both publications show the same way: A's total is "x"
        // as aandeel_lokaal_team's noemer too, and A's starts by verwijzer keep their whole range.
        var family = new CellSuppression(Policy).Protect(table);
        Assert.True(family.Audit.Passed);
        Assert.Equal(CellStatus.Secundair, family.Status[aTotal]);
        // (A's total is an "x", at least 5, so A's 01 = total - 02 >= 5 - 4 = 1: all of 1..4 is left)
        Assert.Equal((1.0, 4.0), BoundsOf(new AttackAuditor().Audit(table, family.Status, Policy), a01));
    }

    [Fact]
    public void A_published_noemer_that_bounds_a_hidden_teller_is_hidden_too()
    {
        // Tellers: a 3 + b 5 = T 8; noemers: na 9 + nb 5 = NT 14; a teller is at most its noemer.
        // Hiding a ("< 5") and its complement b ("x", so at least 5) is not enough: b <= nb = 5 pins b at 5, and a = 8 - 5 = 3.
        var table = new LinkedTable();
        var a = table.Add("a", 3); var b = table.Add("b", 5); var t = table.Add("T", 8);
        var na = table.Add("na", 9); var nb = table.Add("nb", 5); var nt = table.Add("NT", 14);
        table.Relate(t, [a, b]);
        table.Relate(nt, [na, nb]);
        table.RelateAtMost(a, na);
        table.RelateAtMost(b, nb);

        var naive = new AttackAuditor().Audit(table, Statuses(table, k => k switch { "a" => CellStatus.Primair, "b" => CellStatus.Secundair, _ => null }), Policy);
        Assert.Equal((3.0, 3.0), BoundsOf(naive, a));
        Assert.Equal((5.0, 5.0), BoundsOf(naive, b));

        // The binding noemer nb is hidden, and na with it (NT - na would give nb back): b <= nb in 5..9, so a = 8 - b in 0..3.
        var protectedTable = new CellSuppression(Policy).Protect(table);
        Assert.True(protectedTable.Audit.Passed);
        Assert.Equal(
            [CellStatus.Primair, CellStatus.Secundair, CellStatus.Gepubliceerd, CellStatus.Secundair, CellStatus.Secundair, CellStatus.Gepubliceerd],
            new[] { a, b, t, na, nb, nt }.Select(c => protectedTable.Status[c]));
        var bounds = new AttackAuditor().Audit(table, protectedTable.Status, Policy);
        Assert.Equal((0.0, 3.0), BoundsOf(bounds, a));
    }

    /// <summary>Ended trajectories (reden 01..04) of 2023 per municipality and provider, ending in Q1; one open start in November sets the data end.</summary>
    private static IndicatorTestStore EndedTrajectories(params (string Gemeente, string Agb, int R01, int R02, int R03, int R04)[] groups)
    {
        var fixture = new Fixture();
        var youth = 500;
        foreach (var (gemeente, agb, r01, r02, r03, r04) in groups)
            foreach (var (reden, count) in new[] { ("01", r01), ("02", r02), ("03", r03), ("04", r04) })
                for (var i = 0; i < count; i++, youth++)
                    fixture.Add(R(youth, "E" + youth, "JH_AMBULANT", "2023-01-05", "2023-03-20",
                        ("gemeentecode", gemeente), ("aanbieder_agb", agb), ("reden_einde", reden)));
        fixture.Add(R(youth, "E" + youth, "JH_AMBULANT", "2023-11-15", "", ("gemeentecode", "GM0047"), ("aanbieder_agb", "87654321")));
        return new IndicatorTestStore(fixture);
    }

    private static IEnumerable<Publication> YearAndQuarters(PublicationService service, string indicator, string year) =>
        new[] { year, year + "Q1", year + "Q2", year + "Q3", year + "Q4" }.Select(p => service.Publish(indicator, p));

    [Fact]
    public void Uitval_and_the_reasons_behind_it_are_published_as_one_family()
    {
        // Region JZ01: Groningen (GM0014) 10 / 6 / 2 / 8 ended with reason 01 / 02 / 03 / 04 (uitval 10 of 26);
        // Veendam (GM0047) 20 / 10 / 10 / 10 (uitval 20 of 50).
        using var store = EndedTrajectories(("GM0014", "12345678", 10, 6, 2, 8), ("GM0047", "12345678", 20, 10, 10, 10));
        var service = new PublicationService(store.Store);
        Assert.Superset(new HashSet<string> { "uitval", "reden_einde_verdeling", "trajectduur_mediaan" }, service.FamilyOf("uitval", "2023").ToHashSet());

        var publications = YearAndQuarters(service, "uitval", "2023").Concat(YearAndQuarters(service, "reden_einde_verdeling", "2023")).ToList();
        Assert.All(publications.SelectMany(p => p.Audits), a => Assert.True(a.Passed));
        string Teller(string indicator, string gebied, string categorie = "totaal") =>
            publications.First(p => p.IndicatorId == indicator && p.Periode == "2023").Rows.Single(r => r.GebiedCode == gebied && r.Categorie == categorie).Teller;
        // Groningen's 2 with reason 03 is hidden, and uitval (10) minus reason 04 may not give it back
        Assert.Equal("< 5", Teller("reden_einde_verdeling", "GM0014", "03"));
        Assert.False(long.TryParse(Teller("uitval", "GM0014"), out _) && long.TryParse(Teller("reden_einde_verdeling", "GM0014", "04"), out _));

        // The attacker with all ten tables and the definitions: uitval's teller is reasons 03 + 04, its noemer all reasons.
        var attack = new AttackerView()
            .Same("uitval:noemer", "reden_einde_verdeling:totaal")
            .Sum("uitval:teller", "reden_einde_verdeling:categorie:03", "reden_einde_verdeling:categorie:04")
            .Audit(store.Store, publications);
        Assert.True(attack.Passed, string.Join("; ", attack.Failures.Select(f => $"{f.Key} [{f.Lower}, {f.Upper}]")));
        Assert.Contains(attack.Cells, c => c.Key == "reden_einde_verdeling:categorie:03|gemeente|GM0014|2023");
    }

    [Fact]
    public void A_provider_with_one_small_reason_cannot_be_worked_back_from_its_total()
    {
        // Provider 11111111 (in Groningen): 6 ended with reason 01 and 1 with reason 03, 7 in all. Per provider only the
        // provider's own total links its cells, but that is enough: shown 7 and 6 would give the 1 back.
        using var store = EndedTrajectories(("GM0014", "11111111", 6, 0, 1, 0), ("GM0047", "22222222", 20, 10, 10, 10));
        var service = new PublicationService(store.Store);
        var publications = YearAndQuarters(service, "reden_einde_verdeling", "2023").ToList();
        var rows = publications[0].Rows.Where(r => r.Niveau == "aanbieder" && r.GebiedCode == "11111111").ToDictionary(r => r.Categorie);
        // every reason that occurs anywhere has a row, a 0 too
        Assert.Equal(["01", "02", "03", "04"], rows.Keys.Order());
        Assert.Equal("< 5", rows["03"].Teller);
        Assert.Equal("< 5", rows["02"].Teller);
        Assert.False(long.TryParse(rows["01"].Teller, out _) && long.TryParse(rows["01"].Noemer, out _));

        var attack = new AttackerView().Audit(store.Store, publications);
        Assert.True(attack.Passed, string.Join("; ", attack.Failures.Select(f => $"{f.Key} [{f.Lower}, {f.Upper}]")));
        Assert.Contains(attack.Cells, c => c.Key == "reden_einde_verdeling:categorie:03|aanbieder|11111111|2023");
    }

    [Fact]
    public void A_published_quarter_is_a_floor_under_its_hidden_year_for_youths_in_care()
    {
        // jeugdhulp in region JZ01, nobody else in the country: Groningen (GM0014) 10 youths in January-March 2023 only,
        // Stadskanaal (GM0037) 2 youths in April-May only, Veendam (GM0047) 6 youths in care all year (since 2022).
        // Youths in care do not add up over quarters, but a youth in care in Q1 is in care in 2023. Protected without that:
        // 2023 shows JZ01 18, Groningen 10, Stadskanaal "< 5" and Veendam "x" (at least 5, so Stadskanaal 0..3), and
        // 2023Q1 shows Veendam 6 (Stadskanaal's 0 there protects nobody). Then Veendam 2023 >= 6, so Stadskanaal 2023
        // <= 18 - 10 - 6 = 2: narrowed to 0..2.
        var fixture = new Fixture();
        var youth = 700;
        for (var i = 0; i < 10; i++, youth++)
            fixture.Add(R(youth, "Q" + youth, "JH_AMBULANT", "2023-01-05", "2023-03-20", ("gemeentecode", "GM0014")));
        for (var i = 0; i < 2; i++, youth++)
            fixture.Add(R(youth, "Q" + youth, "JH_AMBULANT", "2023-04-10", "2023-05-20", ("gemeentecode", "GM0037")));
        for (var i = 0; i < 6; i++, youth++)
            fixture.Add(R(youth, "Q" + youth, "JH_AMBULANT", "2022-06-01", "", ("gemeentecode", "GM0047")));
        using var store = new IndicatorTestStore(fixture);
        var service = new PublicationService(store.Store);
        var publications = YearAndQuarters(service, "jeugdhulp_per_1000", "2023").ToList();
        Assert.All(publications.SelectMany(p => p.Audits), a => Assert.True(a.Passed));
        string Teller(string periode, string gebied) => publications.Single(p => p.Periode == periode).Rows.Single(r => r.GebiedCode == gebied).Teller;
        Assert.Equal("< 5", Teller("2023", "GM0037"));
        Assert.Equal("x", Teller("2023", "GM0047"));

        var attack = new AttackerView().Audit(store.Store, publications);
        Assert.True(attack.Passed, string.Join("; ", attack.Failures.Select(f => $"{f.Key} [{f.Lower}, {f.Upper}]")));
        Assert.Contains(attack.Cells, c => c.Key == "jeugdhulp_per_1000:teller|gemeente|GM0037|2023");
        // Veendam's 6 in a quarter is not shown beside a year that it would pin Stadskanaal with
        Assert.False(new[] { "2023", "2023Q1" }.All(p => long.TryParse(Teller(p, "GM0014"), out _) && long.TryParse(Teller(p, "JZ01"), out _))
                     && new[] { "2023Q1", "2023Q2", "2023Q3", "2023Q4" }.Any(p => Teller(p, "GM0047") == "6"));
    }

    [Fact]
    public void The_coverage_of_a_share_would_give_a_hidden_total_back_and_is_not_published()
    {
        // Groningen (GM0014): 14 trajectories ended in Q1 2023, reasons 01/02/03/04 = 4/4/4/2, each "< 5", so the total
        // (14, uitval's noemer) is hidden too. Satisfaction was measured for 10 of them (8 J, 2 N): clienttevredenheid
        // 8 / 10, coverage 10 / 14 = 71.4%. Noemer 10 and 71.4% give the hidden 14 back (10 / 0.714), and with it the
        // four small reasons are narrowed to 2..4. So a share's coverage is left out of public output; internal output keeps it.
        var fixture = new Fixture();
        var youth = 500;
        void Add(string gemeente, string reden, string tevreden, int count)
        {
            for (var i = 0; i < count; i++, youth++)
                fixture.Add(R(youth, "E" + youth, "JH_AMBULANT", "2023-01-05", "2023-03-20",
                    ("gemeentecode", gemeente), ("aanbieder_agb", "11111111"), ("reden_einde", reden), ("tevredenheid", tevreden)));
        }
        Add("GM0014", "01", "J", 4); Add("GM0014", "02", "J", 4); Add("GM0014", "03", "N", 2); Add("GM0014", "03", "O", 2); Add("GM0014", "04", "O", 2);
        Add("GM0047", "01", "J", 20); Add("GM0047", "02", "J", 10); Add("GM0047", "03", "J", 10); Add("GM0047", "04", "N", 10);
        fixture.Add(R(youth, "E" + youth, "JH_AMBULANT", "2023-11-15", "", ("gemeentecode", "GM0047")));
        using var store = new IndicatorTestStore(fixture);
        var service = new PublicationService(store.Store);
        var reden = service.Publish("reden_einde_verdeling", "2023");
        var tevreden = service.Publish("clienttevredenheid", "2023");
        Assert.False(long.TryParse(reden.Rows.First(r => r.GebiedCode == "GM0014").Noemer, out _));
        var row = tevreden.Rows.Single(r => r.GebiedCode == "GM0014");
        Assert.Equal(("8", "10", 80.0), (row.Teller, row.Noemer, row.Waarde!.Value));
        Assert.Null(row.DekkingProcent);
        Assert.All(tevreden.Rows, r => Assert.Null(r.DekkingProcent));
        var intern = service.Internal("clienttevredenheid", "2023", "GM0014").Rows.Single(r => r.GebiedCode == "GM0014");
        Assert.Equal(100.0 * 10 / 14, intern.DekkingProcent!.Value, 6);
    }
}
