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
}
