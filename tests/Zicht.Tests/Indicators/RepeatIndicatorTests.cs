using Zicht.Tests.Support;
using static Zicht.Tests.Indicators.FixtureRows;

namespace Zicht.Tests.Indicators;

/// <summary>Indicators about care coming back: herhaald beroep, geen nieuwe start, draaideur, crisis. All in Groningen.</summary>
public class RepeatIndicatorTests : IClassFixture<RepeatIndicatorTests.Data>
{
    public sealed class Data : IDisposable
    {
        public IndicatorTestStore Store { get; } = new(new Fixture()
            // youth 30: the first start in the data (2015-01-01), so starts from 2020-01-01 on have a full 5-year look-back
            .Add(R(30, "A", "JH_AMBULANT", "2015-01-01", "2015-03-31"))
            // youth 31: care ended 2016-06-30, new start 2021-03-01: care within the 5 years before (from 2016-03-01) -> herhaald
            .Add(R(31, "B1", "JH_AMBULANT", "2016-01-01", "2016-06-30"))
            .Add(R(31, "B2", "JH_AMBULANT", "2021-03-01", "2021-06-30"))
            // youth 32: care ended 2015-12-31, new start 2021-02-01: more than 5 years (from 2016-02-01) -> not herhaald
            .Add(R(32, "C1", "JH_AMBULANT", "2015-06-01", "2015-12-31"))
            .Add(R(32, "C2", "JH_AMBULANT", "2021-02-01", "2021-06-30"))
            // youth 33: first care in 2021
            .Add(R(33, "D1", "JH_DAGHULP", "2021-05-01", "2021-06-30"))
            // youth 34: starts 2022-01-10, 2022-03-01 and 2023-01-10 (another provider): three starts within 12 months
            // (2022-01-10..2023-01-10, bounds included) -> draaideur in 2023, not yet in 2022
            .Add(R(34, "E1", "JH_AMBULANT", "2022-01-10", "2022-01-31"))
            .Add(R(34, "E2", "JH_DAGHULP", "2022-03-01", "2022-03-31"))
            .Add(R(34, "E3", "JH_AMBULANT", "2023-01-10", "2023-02-28", ("aanbieder_agb", "22222222")))
            // youth 35: one start in 2023
            .Add(R(35, "F1", "JH_AMBULANT", "2023-02-01", "2023-03-31"))
            // youth 36: crisis 2022-06-01 and again 2023-05-01 (within 12 months) -> herhaalde crisis in 2023
            .Add(R(36, "G1", "JH_AMBULANT", "2022-06-01", "2022-06-10", ("crisis", "1")))
            .Add(R(36, "G2", "JH_DAGHULP", "2023-05-01", "2023-05-10", ("crisis", "1")))
            // youth 37: a first crisis in 2023 (the latest start in the data: data tot 2023-07-01)
            .Add(R(37, "H1", "JH_AMBULANT", "2023-07-01", "2023-07-05", ("crisis", "1")))
            // youth 38: same-day transfer: ended 01 on 2022-04-30 at one provider, started the same day at another
            .Add(R(38, "I1", "JH_AMBULANT", "2022-01-01", "2022-04-30"))
            .Add(R(38, "I2", "JH_AMBULANT", "2022-04-30", "2022-10-31", ("aanbieder_agb", "33333333")))
            // youth 39: ended 01 on 2022-05-31, nothing after
            .Add(R(39, "J1", "JH_AMBULANT", "2022-02-01", "2022-05-31")));

        public void Dispose() => Store.Dispose();
    }

    private readonly IndicatorTestStore _store;
    public RepeatIndicatorTests(Data data) => _store = data.Store;

    [Fact]
    public void Herhaald_beroep_needs_a_full_look_back_and_care_within_five_years()
    {
        // starts in 2021: B2 (herhaald), C2 (not: 5 years and a month), D1 (first) -> 1 of 3
        var cell = _store.Cell("herhaald_beroep", "gemeente", "GM0014", "2021")!.Value;
        Assert.Equal((1.0, 3.0), (cell.Teller!.Value, cell.Noemer!.Value));
        // starts in 2016 cannot look back 5 years into the data (it starts 2015-01-01): no value
        Assert.Null(_store.Cell("herhaald_beroep", "gemeente", "GM0014", "2016"));
    }

    [Fact]
    public void Geen_nieuwe_start_counts_a_same_day_start_as_a_new_start_and_needs_a_complete_window()
    {
        // Ended 01 in 2022 with a complete 12-month window (end <= 2022-07-01, the data run to 2023-07-01):
        //   E1 (01-31; E2 starts 03-01: new start), E2 (03-31; E3 starts 2023-01-10, within 12 months: new start),
        //   G1 (06-10; G2 2023-05-01: new start), I1 (04-30; I2 starts the same day: new start), J1 (05-31: none) -> 1 of 5.
        //   I2 (10-31) has no complete window.
        var twelve = _store.Cell("geen_nieuwe_start", "gemeente", "GM0014", "2022")!.Value;
        Assert.Equal((1.0, 5.0), (twelve.Teller!.Value, twelve.Noemer!.Value));
        // 6 months (end <= 2023-01-01, all five plus I2 10-31): E1 no, E2 (E3 2023-01-10 is after 2022-09-30) yes,
        // G1 (G2 after 2022-12-10) yes, I1 no, J1 yes, I2 (nothing after) yes -> 4 of 6
        var six = _store.Cell("geen_nieuwe_start_6m", "gemeente", "GM0014", "2022")!.Value;
        Assert.Equal((4.0, 6.0), (six.Teller!.Value, six.Noemer!.Value));
    }

    [Fact]
    public void Draaideur_three_starts_within_twelve_months()
    {
        // 2023: youths with a start: 34 (E3: three starts since 2022-01-10), 35, 36 (G2), 37 -> 1 of 4
        var cell = _store.Cell("draaideur", "gemeente", "GM0014", "2023")!.Value;
        Assert.Equal((1.0, 4.0), (cell.Teller!.Value, cell.Noemer!.Value));
        // 2022: youth 34 has two starts so far -> not counted
        Assert.Equal(0.0, _store.Cell("draaideur", "gemeente", "GM0014", "2022Q1")!.Value.Teller);
    }

    [Fact]
    public void Crisis_and_repeated_crisis()
    {
        // crisis starts: 2022 G1; 2023 G2, H1
        Assert.Equal(1.0, _store.Cell("crisis", "gemeente", "GM0014", "2022")!.Value.Waarde);
        Assert.Equal(2.0, _store.Cell("crisis", "gemeente", "GM0014", "2023")!.Value.Waarde);
        // 2023: youth 36 (G1 eleven months before G2) repeated, youth 37 not -> 1 of 2
        Assert.Equal(50.0, _store.Cell("herhaalde_crisis", "gemeente", "GM0014", "2023")!.Value.Waarde);
        // a count compared with the previous period: 2 against 1 is within Poisson noise (|2 - 1| <= 1.96 * sqrt(3))
        Assert.StartsWith("Niet duidelijk anders dan vorige periode (2 tegen 1 trajecten)", _store.Text("crisis", "gemeente", "GM0014", "2023"));
    }
}
