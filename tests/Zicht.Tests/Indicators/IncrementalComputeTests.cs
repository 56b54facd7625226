using Zicht.Indicators;
using Zicht.Tests.Support;
using static Zicht.Tests.Indicators.FixtureRows;

namespace Zicht.Tests.Indicators;

public class IncrementalComputeTests
{
    [Fact]
    public void A_new_quarter_recomputes_only_recent_periods_and_gives_the_same_figures_as_a_full_run()
    {
        using var store = new IndicatorTestStore(new Fixture()
            .Add(R(1, "A", "JH_AMBULANT", "2021-01-01", "2021-06-30"))
            .Add(R(2, "B", "JV_PLEEGZORG", "2022-03-01", ""))
            .Add(R(3, "C", "JH_AMBULANT", "2023-05-01", "2023-09-30", ("aanmelddatum", "2023-04-01")))
            .Add(R(4, "D", "JB_OTS", "2023-11-01", "")));
        Assert.True(new IndicatorEngine(store.Store).Compute().UpToDate);

        // 2024Q1 arrives: a new youth and a second trajectory of youth 3 (first new start 2024-01-15)
        store.AddDelivery(new Fixture()
            .Add(R(3, "C2", "JH_DAGHULP", "2024-01-15", "2024-03-31", ("bron_traject_id", "C2")))
            .Add(R(5, "E", "JH_AMBULANT", "2024-02-01", "")), "q.csv");
        var incremental = new IndicatorEngine(store.Store).Compute();
        // the look-forward window of geen_nieuwe_start (12 months) + 1 month reaches back from 2024-01-15 to 2022-12-15
        Assert.False(incremental.Full);
        Assert.Equal(new DateOnly(2022, 12, 15), incremental.RecomputedFrom);
        // jeugdhulp in 2024Q1: youth 2 (open foster care), youth 3 (C2), youth 5; youth 4 has only an OTS -> 3
        Assert.Equal(3, store.Cell("jeugdhulp_per_1000", "gemeente", "GM0014", "2024Q1")!.Value.Teller);

        const string snapshot = """
            SELECT string_agg(indicator_id || niveau || gebied_code || periode || categorie || coalesce(teller, -1) || coalesce(noemer, -1)
                              || coalesce(round(waarde, 9), -1) || coalesce(round(verandering, 9), -1) || coalesce(rang, -1) || coalesce(benchmark_tekst, ''), '|'
                              ORDER BY indicator_id, niveau, gebied_code, periode, categorie)
            FROM indicator_value
            """;
        var afterIncremental = store.Store.Scalar<string>(snapshot);
        var full = new IndicatorEngine(store.Store).Compute(new ComputeOptions { Full = true });
        Assert.True(full.Full);
        Assert.Equal(store.Store.Scalar<string>(snapshot), afterIncremental);
    }
}
