using Zicht.Disclosure;
using Zicht.Tests.Indicators;
using Zicht.Tests.Support;
using static Zicht.Tests.Indicators.FixtureRows;

namespace Zicht.Tests.Disclosure;

/// <summary>A count of events in a year is the sum of its quarters: a year and its quarters are one linked table.</summary>
public class PeriodLinkTests
{
    [Fact]
    public void A_hidden_quarter_cannot_be_worked_back_from_the_year_and_the_other_quarters()
    {
        // Crisis starts in 2023 (region JZ01):   Q1  Q2  Q3  Q4 | year
        //   Groningen GM0014                      6   2   7   - |  15
        //   Veendam   GM0047                      5   6   5   - |  16
        // Protecting 2023Q2 on its own hides Groningen's 2 and Veendam's 6 (its complement in the region). But the year
        // (15), Q1 (6) and Q3 (7) would give Q2 = 15 - 6 - 7 = 2 back. Linked over the periods, the audit sees that.
        var fixture = new Fixture();
        var youth = 200;
        foreach (var (gemeente, quarters) in new[] { ("GM0014", new[] { 6, 2, 7 }), ("GM0047", new[] { 5, 6, 5 }) })
            for (var q = 0; q < quarters.Length; q++)
                for (var i = 0; i < quarters[q]; i++, youth++)
                    fixture.Add(R(youth, "K" + youth, "JH_AMBULANT", $"2023-{3 * q + 1:00}-15", $"2023-{3 * q + 1:00}-20", ("gemeentecode", gemeente), ("crisis", "1")));
        using var store = new IndicatorTestStore(fixture);
        Assert.Equal(15.0, store.Cell("crisis", "gemeente", "GM0014", "2023")!.Value.Teller);

        var service = new PublicationService(store.Store);
        var quarter = service.Publish("crisis", "2023Q2");
        var year = service.Publish("crisis", "2023");
        var q1 = service.Publish("crisis", "2023Q1");
        var q3 = service.Publish("crisis", "2023Q3");
        Assert.Equal("< 5", quarter.Rows.Single(r => r.GebiedCode == "GM0014").Teller);
        // the attack: year - Q1 - Q3 for Groningen must not be computable from published numbers
        string Teller(Publication p) => p.Rows.Single(r => r.GebiedCode == "GM0014").Teller;
        var published = new[] { Teller(year), Teller(q1), Teller(q3) };
        Assert.Contains(published, t => !long.TryParse(t, out _));
        Assert.All(quarter.Audits.Concat(year.Audits), a => Assert.True(a.Passed));
    }

    [Fact]
    public void Events_after_the_data_end_are_not_given_away_by_the_year_minus_its_quarters()
    {
        // Ended with reason 01 in 2023:          Q1  Q2 | after the data end (Q3) | year
        //   Groningen GM0014                     20  20 |  2                      |  42
        //   Veendam   GM0047                     20  20 | 10                      |  50
        // The latest start (2023-05-15) puts the data end in Q2: Q3 and Q4 are not published, but the year counts the ends
        // after it. Before December 2026 the year (42), Q1 (20) and Q2 (20) were all shown, so the 2 ends after the data end
        // in Groningen followed exactly: a count of children no table shows must be protected like a "< 5".
        var fixture = new Fixture();
        var youth = 500;
        void Add(string gemeente, string end, int count)
        {
            for (var i = 0; i < count; i++, youth++)
                fixture.Add(R(youth, "E" + youth, "JH_AMBULANT", "2023-01-05", end, ("gemeentecode", gemeente), ("reden_einde", "01")));
        }
        Add("GM0014", "2023-02-20", 20); Add("GM0014", "2023-05-20", 20); Add("GM0014", "2023-08-20", 2);
        Add("GM0047", "2023-02-20", 20); Add("GM0047", "2023-05-20", 20); Add("GM0047", "2023-09-20", 10);
        fixture.Add(R(youth, "E" + youth, "JH_AMBULANT", "2023-05-15", "", ("gemeentecode", "GM0047")));
        using var store = new IndicatorTestStore(fixture);
        Assert.Equal(42.0, store.Cell("reden_einde_verdeling", "gemeente", "GM0014", "2023", "01")!.Value.Teller);

        var service = new PublicationService(store.Store);
        var publications = new[] { "2023", "2023Q1", "2023Q2" }.Select(p => service.Publish("reden_einde_verdeling", p)).ToList();
        Assert.All(publications.SelectMany(p => p.Audits), a => Assert.True(a.Passed));
        PublishedRow Row(int i) => publications[i].Rows.Single(r => r.GebiedCode == "GM0014" && r.Categorie == "01");
        // neither reason 01 (teller) nor all reasons (noemer) of Groningen: year - Q1 - Q2 may not be computable
        Assert.Contains(new[] { Row(0).Teller, Row(1).Teller, Row(2).Teller }, t => !long.TryParse(t, out _));
        Assert.Contains(new[] { Row(0).Noemer, Row(1).Noemer, Row(2).Noemer }, t => !long.TryParse(t, out _));
    }
}
