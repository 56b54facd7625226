using Zicht.Tests.Support;
using static Zicht.Tests.Indicators.FixtureRows;

namespace Zicht.Tests.Indicators;

/// <summary>Out-of-home placements, worked out by hand. All in Groningen (GM0014, 46316 jeugdigen 0-17).</summary>
public class PlacementIndicatorTests : IClassFixture<PlacementIndicatorTests.Data>
{
    public sealed class Data : IDisposable
    {
        public IndicatorTestStore Store { get; } = new(new Fixture()
            // Youth 1: P1 foster care 2022-01-01..06-30 ended one-sidedly by the client (03); P2 residential 2022-07-20..12-31
            // (20 days after P1: doorplaatsing); P3 gezinshuis from 2023-03-01 (60 days after P2: a new uithuisplaatsing), open.
            .Add(R(1, "P1", "JV_PLEEGZORG", "2022-01-01", "2022-06-30", ("reden_einde", "03"), ("aanbieder_agb", "11111111")))
            .Add(R(1, "P2", "JV_RESIDENTIEEL", "2022-07-20", "2022-12-31", ("aanbieder_agb", "22222222")))
            .Add(R(1, "P3", "JV_GEZINSHUIS", "2023-03-01", "", ("aanbieder_agb", "33333333")))
            // Youth 2: Q1 secure care 2023-01-10..04-09 (90 days: 22 + 28 + 31 + 9); Q2 residential from the same day 04-09
            // (same-day transfer: doorplaatsing) to 08-31, ended by the provider (04); Q3 foster care 09-15..12-31 (15 days
            // later: doorplaatsing), ended 04.
            .Add(R(2, "Q1", "JV_GESLOTEN", "2023-01-10", "2023-04-09", ("aanbieder_agb", "44444444"), ("verwijzer", "08")))
            .Add(R(2, "Q2", "JV_RESIDENTIEEL", "2023-04-09", "2023-08-31", ("reden_einde", "04"), ("aanbieder_agb", "22222222")))
            .Add(R(2, "Q3", "JV_PLEEGZORG", "2023-09-15", "2023-12-31", ("reden_einde", "04"), ("aanbieder_agb", "11111111")))
            // Youth 3: R1 secure care 2023-05-01..06-30 (61 days: 31 + 30), and ambulant care all year (not a placement)
            .Add(R(3, "R1", "JV_GESLOTEN", "2023-05-01", "2023-06-30", ("aanbieder_agb", "44444444"), ("verwijzer", "08")))
            .Add(R(3, "R2", "JH_AMBULANT", "2023-01-01", "2023-12-31")));

        public void Dispose() => Store.Dispose();
    }

    private readonly IndicatorTestStore _store;
    public PlacementIndicatorTests(Data data) => _store = data.Store;

    [Fact]
    public void Uithuisplaatsingen_count_youths_whose_placement_had_no_placement_in_the_30_days_before()
    {
        // 2023: P3 (youth 1, 60 days after P2), Q1 (youth 2, first), R1 (youth 3, first) = 3 youths; 2022: P1 = 1
        Assert.Equal(3, _store.Cell("uithuisplaatsingen_per_1000", "gemeente", "GM0014", "2023")!.Value.Teller);
        Assert.Equal(3 / 46316.0 * 1000, _store.Cell("uithuisplaatsingen_per_1000", "gemeente", "GM0014", "2023")!.Value.Waarde!.Value, 9);
        Assert.Equal(1, _store.Cell("uithuisplaatsingen_per_1000", "gemeente", "GM0014", "2022")!.Value.Teller);
        // 2023Q2: only R1 started (Q2 on 04-09 is a doorplaatsing)
        Assert.Equal(1, _store.Cell("uithuisplaatsingen_per_1000", "gemeente", "GM0014", "2023Q2")!.Value.Teller);
    }

    [Fact]
    public void Gezinsgericht_and_doorplaatsingen()
    {
        // Placements active in 2023: P3 (gezinshuis), Q1, Q2, Q3 (pleegzorg), R1 -> 2 of 5 family-like = 40%
        Assert.Equal(40.0, _store.Cell("aandeel_gezinsgericht", "gemeente", "GM0014", "2023")!.Value.Waarde);
        // Started in 2023: P3, Q1, R1 (uithuisplaatsingen), Q2 (same day), Q3 (15 days) -> 2 of 5 = 40%
        Assert.Equal((2.0, 5.0), (_store.Cell("doorplaatsingen", "gemeente", "GM0014", "2023")!.Value.Teller!.Value, _store.Cell("doorplaatsingen", "gemeente", "GM0014", "2023")!.Value.Noemer!.Value));
        // 2022: P1 (first), P2 (20 days) -> 50%
        Assert.Equal(50.0, _store.Cell("doorplaatsingen", "gemeente", "GM0014", "2022")!.Value.Waarde);
        // provider 22222222 started P2 (2022) and Q2 (2023), both doorplaatsingen
        Assert.Equal(100.0, _store.Cell("doorplaatsingen", "aanbieder", "22222222", "2023")!.Value.Waarde);
    }

    [Fact]
    public void Plaatsingsstabiliteit_counts_three_placements_within_twelve_months()
    {
        // 2023: youths placed: 1 (P3 only in the window 2023-01-01..12-31), 2 (Q1, Q2, Q3), 3 (R1) -> 1 of 3
        var year = _store.Cell("plaatsingsstabiliteit", "gemeente", "GM0014", "2023")!.Value;
        Assert.Equal((1.0, 3.0), (year.Teller!.Value, year.Noemer!.Value));
        // 2023Q3 (window 2022-10-01..2023-09-30): youth 1 (P3), youth 2 (Q1, Q2, Q3 on 09-15); youth 3 not placed in Q3 -> 1 of 2
        Assert.Equal(50.0, _store.Cell("plaatsingsstabiliteit", "gemeente", "GM0014", "2023Q3")!.Value.Waarde);
    }

    [Fact]
    public void Pleegzorg_ended_one_sidedly()
    {
        // 2022: P1 ended 03 -> 1 of 1; 2023: Q3 ended 04 -> 1 of 1. P3 (gezinshuis) is not foster care.
        Assert.Equal(100.0, _store.Cell("pleegzorg_voortijdig_eenzijdig", "gemeente", "GM0014", "2022")!.Value.Waarde);
        Assert.Equal(1.0, _store.Cell("pleegzorg_voortijdig_eenzijdig", "aanbieder", "11111111", "2023")!.Value.Noemer);
    }

    [Fact]
    public void Gesloten_plaatsingen_and_their_median_duration()
    {
        // started in 2023: Q1 and R1; in 2023Q2 only R1; provider 44444444 both
        Assert.Equal(2.0, _store.Cell("gesloten_plaatsingen", "gemeente", "GM0014", "2023")!.Value.Waarde);
        Assert.Equal(1.0, _store.Cell("gesloten_plaatsingen", "gemeente", "GM0014", "2023Q2")!.Value.Waarde);
        Assert.Equal(2.0, _store.Cell("gesloten_plaatsingen", "aanbieder", "44444444", "2023")!.Value.Waarde);
        // ended in 2023: Q1 90 days, R1 61 days -> median (90 + 61) / 2 = 75.5
        Assert.Equal(75.5, _store.Cell("gesloten_duur_mediaan", "gemeente", "GM0014", "2023")!.Value.Waarde);
    }
}
