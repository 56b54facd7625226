using Zicht.Generate;
using Zicht.Indicators;
using Zicht.Ingest;
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
        // the working tables (millions of rows on a national store) do not outlive the compute
        Assert.Equal(0L, store.Store.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'temp' AND table_name LIKE 'ind%'"));
        // The data end (the latest start) moves from 2023-11-01 to 2024-02-01, before the first new start (2024-01-15):
        // from 2023-11-02 on, open care runs on and more ends have a full look-forward window of geen_nieuwe_start
        // (12 months), which reaches back to 2022-11-02.
        Assert.False(incremental.Full);
        Assert.Equal(new DateOnly(2022, 11, 2), incremental.RecomputedFrom);
        // jeugdhulp in 2024Q1: youth 2 (open foster care), youth 3 (C2), youth 5; youth 4 has only an OTS -> 3
        Assert.Equal(3, store.Cell("jeugdhulp_per_1000", "gemeente", "GM0014", "2024Q1")!.Value.Teller);
        // Indicators without a look-forward window recompute only from the day after the earlier data end (2023-11-02):
        // 2023, 2023Q4, 2024 and 2024Q1. Their 2023Q3 (youth 2's open foster care) keeps the figure of the first compute.
        var recomputed = store.Store.Scalar<string>("""
            SELECT string_agg(DISTINCT periode, ',' ORDER BY periode) FROM indicator_value
            WHERE indicator_id = 'jeugdhulp_per_1000' AND berekend_op = (SELECT max(berekend_op) FROM indicator_value)
            """);
        Assert.Equal("2023,2023Q4,2024,2024Q1", recomputed);
        Assert.True(store.Store.Scalar<bool>("""
            SELECT berekend_op < (SELECT max(berekend_op) FROM indicator_value) FROM indicator_value
            WHERE indicator_id = 'jeugdhulp_per_1000' AND niveau = 'gemeente' AND gebied_code = 'GM0014' AND periode = '2023Q3'
            """));

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

    [Fact]
    public void On_generated_data_a_recompute_after_each_new_quarter_equals_a_full_run()
    {
        // Three years of generated care, delivered as the starts up to mid-2025 and then one quarter at a time. Each
        // recompute covers recent periods only (and reads only the care they can see); the result must equal a full run.
        using var temp = new TempStore();
        var generated = new GeneratorOptions { Seed = 11, YouthsPerYear = 2_500, Years = 3, EndYear = 2025, SingleFile = true, OutputFolder = Path.Combine(temp.Folder, "data") };
        new TrajectoryGenerator().Generate(generated);
        var lines = File.ReadAllLines(Path.Combine(generated.OutputFolder, "trajecten.csv"));
        var startColumn = Array.IndexOf(lines[0].Split(';'), "startdatum");
        string Part(string from, string to) => string.Join('\n', new[] { lines[0] }.Concat(lines.Skip(1).Where(line =>
        {
            var start = line.Split(';')[startColumn];
            return string.CompareOrdinal(start, from) >= 0 && string.CompareOrdinal(start, to) < 0;
        }))) + "\n";

        using var store = temp.Open();
        var ingestOptions = new IngestOptions { Today = new DateOnly(2026, 6, 30) };
        void Deliver(string name, string content) =>
            Assert.All(new IngestService(store, ingestOptions).Ingest([temp.WriteFile(name, content)]), r => Assert.Equal(0L, r.RowsRejected));
        Deliver("tot_2025q3.csv", Part("0000", "2025-07-01"));
        var engine = new IndicatorEngine(store);
        Assert.True(engine.Compute().Full);

        foreach (var (name, from, to) in new[] { ("2025q3.csv", "2025-07-01", "2025-10-01"), ("2025q4.csv", "2025-10-01", "9999") })
        {
            Deliver(name, Part(from, to));
            var incremental = engine.Compute();
            Assert.False(incremental.Full);
            Assert.True(incremental.RecomputedFrom >= new DateOnly(2024, 6, 1), $"recomputed from {incremental.RecomputedFrom}");
            store.Execute("CREATE OR REPLACE TABLE incremental_snapshot AS SELECT * EXCLUDE (berekend_op) FROM indicator_value");
            Assert.True(engine.Compute(new ComputeOptions { Full = true }).Full);
            Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM (SELECT * FROM incremental_snapshot EXCEPT ALL SELECT * EXCLUDE (berekend_op) FROM indicator_value)"));
            Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM (SELECT * EXCLUDE (berekend_op) FROM indicator_value EXCEPT ALL SELECT * FROM incremental_snapshot)"));
            Assert.True(store.Scalar<long>("SELECT count(*) FROM incremental_snapshot") > 10_000);
        }
    }

    [Theory]
    [InlineData("one pass per indicator")]
    [InlineData("years listed as years")]
    public void Shared_passes_and_years_from_quarters_change_no_figure(string without)
    {
        // the same generated store computed with and without a speed-up must give identical figures
        using var temp = new TempStore();
        var generated = new GeneratorOptions { Seed = 5, YouthsPerYear = 2_000, Years = 2, EndYear = 2025, SingleFile = true, OutputFolder = Path.Combine(temp.Folder, "data") };
        new TrajectoryGenerator().Generate(generated);
        using var store = temp.Open();
        Assert.All(new IngestService(store, new IngestOptions { Today = new DateOnly(2026, 6, 30) }).Ingest([Path.Combine(generated.OutputFolder, "trajecten.csv")]),
            r => Assert.Equal(0L, r.RowsRejected));
        var engine = new IndicatorEngine(store);
        engine.Compute(without == "one pass per indicator"
            ? new ComputeOptions { Full = true, CountTogether = false }
            : new ComputeOptions { Full = true, YearsFromQuarters = false });
        store.Execute("CREATE OR REPLACE TABLE reference_run AS SELECT * EXCLUDE (berekend_op) FROM indicator_value");
        engine.Compute(new ComputeOptions { Full = true });
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM (SELECT * FROM reference_run EXCEPT ALL SELECT * EXCLUDE (berekend_op) FROM indicator_value)"));
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM (SELECT * EXCLUDE (berekend_op) FROM indicator_value EXCEPT ALL SELECT * FROM reference_run)"));
        Assert.True(store.Scalar<long>("SELECT count(*) FROM reference_run") > 10_000);
    }

    [Fact]
    public void Late_care_that_joins_two_episodes_recomputes_from_a_year_before_it_and_equals_a_full_run()
    {
        // youth 1: ambulant care Jan-Mar and May-Jun 2023 at one provider: two episodes. Youth 2 starts 2023-05-02,
        // the data end. A late delivery brings youth 1's April: the three now adjoin and are one episode
        // (2023-01-01 to 2023-06-30), so an end in 2023Q1 disappears. First new start 2023-04-01, before the day
        // after the data end (2023-05-03): recomputed from 2023-04-01 minus 12 months = 2022-04-01.
        using var store = new IndicatorTestStore(new Fixture()
            .Add(R(1, "A1", "JH_AMBULANT", "2023-01-01", "2023-03-31"))
            .Add(R(1, "A3", "JH_AMBULANT", "2023-05-01", "2023-06-30"))
            .Add(R(2, "B", "JH_AMBULANT", "2023-05-02", "")));
        // before: two ended episodes of 90 (Jan-Mar) and 61 days (May-Jun): median 75.5; one end in 2023Q1
        Assert.Equal((2.0, 75.5), (store.Cell("trajectduur_mediaan", "gemeente", "GM0014", "2023")!.Value.Teller!.Value,
                                   store.Cell("trajectduur_mediaan", "gemeente", "GM0014", "2023")!.Value.Waarde!.Value));
        Assert.Equal(1.0, store.Cell("uitval", "gemeente", "GM0014", "2023Q1")!.Value.Noemer);
        // another supplier (a delivery of the same supplier and period would replace the first one)
        store.AddDelivery(new Fixture().Add(R(1, "A2", "JH_AMBULANT", "2023-04-01", "2023-04-30", ("bron", "87654321"))), "laat.csv");
        var incremental = new IndicatorEngine(store.Store).Compute();
        Assert.False(incremental.Full);
        Assert.Equal(new DateOnly(2022, 4, 1), incremental.RecomputedFrom);
        // one ended episode of 181 days (2023-01-01 to 2023-06-30) instead of two
        Assert.Equal((1.0, 181.0), (store.Cell("trajectduur_mediaan", "gemeente", "GM0014", "2023")!.Value.Teller!.Value,
                                    store.Cell("trajectduur_mediaan", "gemeente", "GM0014", "2023")!.Value.Waarde!.Value));
        Assert.Null(store.Cell("uitval", "gemeente", "GM0014", "2023Q1"));
        store.Store.Execute("CREATE OR REPLACE TABLE incremental_snapshot AS SELECT * EXCLUDE (berekend_op) FROM indicator_value");
        Assert.True(new IndicatorEngine(store.Store).Compute(new ComputeOptions { Full = true }).Full);
        Assert.Equal(0L, store.Store.Scalar<long>("SELECT count(*) FROM (SELECT * FROM incremental_snapshot EXCEPT ALL SELECT * EXCLUDE (berekend_op) FROM indicator_value)"));
        Assert.Equal(0L, store.Store.Scalar<long>("SELECT count(*) FROM (SELECT * EXCLUDE (berekend_op) FROM indicator_value EXCEPT ALL SELECT * FROM incremental_snapshot)"));
    }

    [Fact]
    public void Late_crisis_care_that_joins_an_older_episode_recomputes_from_that_episode_and_equals_a_full_run()
    {
        // youth 1: ambulant care 2021-06-01 to 2022-12-31, no crisis. Youth 2 starts 2023-05-02, the data end. A late
        // delivery brings youth 1's crisis care 2023-01-01 to 2023-03-31 at the same provider: it adjoins, so the episode
        // runs from 2021-06-01 and is a crisis episode (the flag holds if any of its trajectories has it): a crisis start
        // in 2021 and 2021Q2. The first new start is 2023-01-01, but the change reaches back to the episode's start.
        using var store = new IndicatorTestStore(new Fixture()
            .Add(R(1, "A1", "JH_AMBULANT", "2021-06-01", "2022-12-31"))
            .Add(R(2, "B", "JH_AMBULANT", "2023-05-02", "")));
        Assert.Null(store.Cell("crisis", "gemeente", "GM0014", "2021"));
        store.AddDelivery(new Fixture().Add(R(1, "A2", "JH_AMBULANT", "2023-01-01", "2023-03-31", ("bron", "87654321"), ("crisis", "1"))), "laat.csv");
        var incremental = new IndicatorEngine(store.Store).Compute();
        Assert.False(incremental.Full);
        // the crisis indicator has no look-forward window: from the episode's start (the look-forward ones from a year before)
        Assert.Equal(new DateOnly(2020, 6, 1), incremental.RecomputedFrom);
        Assert.Equal(1.0, store.Cell("crisis", "gemeente", "GM0014", "2021")!.Value.Teller);
        Assert.Equal(1.0, store.Cell("crisis", "gemeente", "GM0014", "2021Q2")!.Value.Teller);
        store.Store.Execute("CREATE OR REPLACE TABLE incremental_snapshot AS SELECT * EXCLUDE (berekend_op) FROM indicator_value");
        Assert.True(new IndicatorEngine(store.Store).Compute(new ComputeOptions { Full = true }).Full);
        Assert.Equal(0L, store.Store.Scalar<long>("SELECT count(*) FROM (SELECT * FROM incremental_snapshot EXCEPT ALL SELECT * EXCLUDE (berekend_op) FROM indicator_value)"));
        Assert.Equal(0L, store.Store.Scalar<long>("SELECT count(*) FROM (SELECT * EXCLUDE (berekend_op) FROM indicator_value EXCEPT ALL SELECT * FROM incremental_snapshot)"));
    }

    [Fact]
    public void Reading_an_older_store_keeps_its_figures_until_a_compute_replaces_them()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        // an earlier version stored the figures as a table indicator_value
        store.Execute("CREATE TABLE indicator_value (indicator_id VARCHAR, niveau VARCHAR, gebied_code VARCHAR, periode VARCHAR, waarde DOUBLE)");
        store.Execute("INSERT INTO indicator_value VALUES ('uitval', 'gemeente', 'GM0014', '2023', 40.0)");
        IndicatorEngine.EnsureResultTable(store);   // what readers (export, reports) call
        Assert.Equal(40.0, store.Scalar<double>("SELECT waarde FROM indicator_value"));
        Assert.Equal("BASE TABLE", store.Scalar<string>("SELECT table_type FROM information_schema.tables WHERE table_name = 'indicator_value'"));
    }

    [Fact]
    public void Figures_stored_in_the_earlier_wide_layout_are_recomputed_in_full_into_the_narrow_table()
    {
        using var store = new IndicatorTestStore(new Fixture()
            .Add(R(1, "A", "JH_AMBULANT", "2023-01-01", "2023-06-30"))
            .Add(R(2, "B", "JH_AMBULANT", "2023-02-01", "")));
        var expected = store.Store.Scalar<string>("SELECT string_agg(concat_ws(';', indicator_id, niveau, gebied_code, periode, categorie, waarde, ci_laag, benchmark_tekst), '|' ORDER BY indicator_id, niveau, gebied_code, periode, categorie) FROM indicator_value");
        // what an earlier version stored: every derived column written out
        store.Store.Execute("""
            DROP VIEW indicator_value;
            CREATE OR REPLACE TABLE indicator_result AS
            SELECT *, 'jaar' AS periode_soort, 'per 1.000 jeugdigen' AS eenheid, NULL::DOUBLE AS ci_laag, 'x' AS benchmark_tekst FROM indicator_result;
            CREATE VIEW indicator_value AS SELECT * FROM indicator_result;
            """);
        Assert.Equal("x", store.Store.Scalar<string>("SELECT any_value(benchmark_tekst) FROM indicator_value"));   // readers keep the old figures
        var result = new IndicatorEngine(store.Store).Compute();
        Assert.True(result.Full);   // nothing new was delivered, but the layout changed
        Assert.Equal(0L, store.Store.Scalar<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'indicator_result' AND column_name = 'periode_soort'"));
        Assert.Equal(expected, store.Store.Scalar<string>("SELECT string_agg(concat_ws(';', indicator_id, niveau, gebied_code, periode, categorie, waarde, ci_laag, benchmark_tekst), '|' ORDER BY indicator_id, niveau, gebied_code, periode, categorie) FROM indicator_value"));
    }

    [Fact]
    public void Simple_unit_queries_are_recognised_and_others_left_alone()
    {
        var catalogue = IndicatorCatalogue.Load();
        SimpleUnitQuery? Parse(string id) => SimpleUnitQuery.TryParse(catalogue.Get(id), catalogue.UnitSql(catalogue.Get(id), null));
        var uitval = Parse("uitval");
        Assert.NotNull(uitval);
        Assert.Equal(("ind_einde", "is_jeugdhulp", true), (uitval!.Source, uitval.Condition, uitval.PerProvider));
        Assert.Equal("coalesce(reden_einde IN ('03', '04'), false)", uitval.InTeller);
        Assert.Equal(("ind_jeugdige", false), (Parse("jeugdhulp_per_1000")!.Source, Parse("jeugdhulp_per_1000")!.PerProvider));
        // a category, a median, joins and CTEs keep their own pass
        Assert.Null(Parse("verwijzers_mix"));
        Assert.Null(Parse("wachttijd_mediaan"));
        Assert.Null(Parse("doorplaatsingen"));
        Assert.Null(Parse("draaideur"));
        Assert.Null(Parse("geen_nieuwe_start"));
        // forms that would count other rows than their own query, or cannot be counted in a shared pass
        var definition = catalogue.Get("uitval");
        var plain = catalogue.UnitSql(definition, null);
        Assert.NotNull(SimpleUnitQuery.TryParse(definition, plain));
        Assert.Null(SimpleUnitQuery.TryParse(definition, plain.Replace("SELECT periode", "SELECT DISTINCT periode")));
        Assert.Null(SimpleUnitQuery.TryParse(definition, plain.Replace("episode_id AS unit_id", "row_number() OVER (ORDER BY episode_id) AS unit_id")));
        Assert.Null(SimpleUnitQuery.TryParse(definition, plain.Replace("episode_id AS unit_id", "episode_id + 1 AS unit_id")));
        Assert.Null(SimpleUnitQuery.TryParse(definition, plain + " AND youth_id IN (SELECT youth_id FROM ind_jeugdige)"));
        Assert.Null(SimpleUnitQuery.TryParse(definition, plain + " -- comment"));
        Assert.Null(SimpleUnitQuery.TryParse(definition, plain + " OFFSET 5"));
    }
}
