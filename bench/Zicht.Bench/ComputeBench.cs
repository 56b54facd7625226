using System.Diagnostics;
using System.Globalization;
using Zicht.Indicators;
using Zicht.Storage;

namespace Zicht.Bench;

/// <summary>
/// The indicator engine over a national-size synthetic store: the full catalogue for all levels and periods,
/// a recompute after one added quarter, and a hand-written DuckDB query for one indicator as the baseline.
/// Until `zicht generate` lands, the data come from SQL below: N trajectories (default 6,000,000) over
/// 2015-2024 for the 342 municipalities and 2,500 providers, with plausible but random values.
/// Usage: compute [--trajecten N] [--store FOLDER] [--keep]
/// </summary>
public static class ComputeBench
{
    public static int Run(string[] args)
    {
        var trajectories = 6_000_000L;
        string? folder = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--trajecten": trajectories = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--store": folder = args[++i]; break;
                case "--keep": keep = true; break;
            }
        }
        folder ??= Path.Combine(Path.GetTempPath(), "zicht-bench-compute-" + Guid.NewGuid().ToString("N")[..8]);
        var location = new StoreLocation(folder);
        var reuse = File.Exists(location.DatabasePath);
        try
        {
            using var store = ZichtStore.Open(location);
            var clock = Stopwatch.StartNew();
            if (!reuse)
            {
                Console.WriteLine($"building a synthetic store with {trajectories:N0} trajectories in {folder} ...");
                store.Execute(SyntheticTrajectories(trajectories, deliveryId: 1, from: "2015-01-01", days: 3650, youthOffset: 0));
                Console.WriteLine($"  trajectories inserted: {clock.Elapsed.TotalSeconds:F1} s");
                clock.Restart();
                store.RebuildDerivedTables();
                Console.WriteLine($"  derived tables rebuilt: {clock.Elapsed.TotalSeconds:F1} s");
            }
            Console.WriteLine($"  episodes: {store.Scalar<long>("SELECT count(*) FROM episode"):N0}, youths: {store.Scalar<long>("SELECT count(*) FROM youth_fact"):N0}");

            var engine = new IndicatorEngine(store);
            clock.Restart();
            var full = engine.Compute(new ComputeOptions { Full = true });
            var fullSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"full compute: {fullSeconds:F1} s for {IndicatorCatalogue.Load().Indicators.Count} indicators, {full.PeriodsComputed} periods, {full.RowsWritten:N0} values (target <= 30 s)");
            foreach (var (id, duration) in full.PerIndicator.OrderByDescending(p => p.Duration).Take(5))
                Console.WriteLine($"  slowest: {id,-32} {duration.TotalSeconds:F2} s");
            var ownShare = full.PerIndicator.First(p => p.IndicatorId == "jeugdhulp_per_1000").Duration.TotalSeconds;

            clock.Restart();
            var baselineRows = store.Scalar<long>(BaselineQuery);
            var baselineSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"baseline: one hand-written query for jeugdhulp_per_1000, all municipalities and years: {baselineSeconds:F2} s ({baselineRows:N0} rows)");
            Console.WriteLine($"  ratio full catalogue / baseline: {fullSeconds / baselineSeconds:F1}x; per indicator (full / {full.PerIndicator.Count}) / baseline: {fullSeconds / full.PerIndicator.Count / baselineSeconds:F2}x; " +
                              $"engine's own step for jeugdhulp_per_1000 (after the shared prelude) / baseline: {ownShare / baselineSeconds:F2}x");

            // One more quarter of data arrives (2025Q1): about 1/40 of the set, in a new delivery.
            clock.Restart();
            store.Execute(SyntheticTrajectories(trajectories / 40, deliveryId: 2, from: "2025-01-01", days: 90, youthOffset: trajectories / 8));
            store.RebuildDerivedTables();
            var deriveSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var incremental = engine.Compute();
            Console.WriteLine($"recompute after one added quarter: {clock.Elapsed.TotalSeconds:F1} s (target <= 5 s), periods from {incremental.RecomputedFrom}, {incremental.PeriodsComputed} periods; " +
                              $"(ingest of the quarter and derived-table rebuild, not part of the recompute: {deriveSeconds:F1} s)");
            return 0;
        }
        finally
        {
            if (!keep && !reuse)
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            }
        }
    }

    /// <summary>The baseline: jeugdhulp per 1.000 for all municipalities and years, written by hand.</summary>
    private const string BaselineQuery = """
        WITH years AS (SELECT unnest(range(2015, 2026)) AS jaar),
        active AS (
            SELECT years.jaar, episode.youth_id,
                   arg_max(episode.gemeentecode_actueel, episode.startdatum) AS gemeentecode,
                   bool_or(episode.zorgvorm LIKE 'JH%' OR episode.zorgvorm LIKE 'JV%') AS heeft_jeugdhulp
            FROM episode JOIN years
              ON episode.startdatum <= make_date(years.jaar, 12, 31) AND coalesce(episode.einddatum, DATE '9999-12-31') >= make_date(years.jaar, 1, 1)
            GROUP BY years.jaar, episode.youth_id
        ),
        per_gemeente AS (
            SELECT jaar, gemeentecode, count(*) AS jeugdigen_met_jeugdhulp FROM active WHERE heeft_jeugdhulp GROUP BY jaar, gemeentecode
        )
        SELECT count(*) FROM (
            SELECT per_gemeente.*, 1000.0 * jeugdigen_met_jeugdhulp / bevolking.jeugdigen_0_17 AS per_1000
            FROM per_gemeente JOIN ref_bevolking AS bevolking ON bevolking.gemeentecode = per_gemeente.gemeentecode AND bevolking.jaar = per_gemeente.jaar
        )
        """;

    /// <summary>
    /// Synthetic trajectories: about four per youth, spread over the period, 5% delivered under another municipality
    /// (a move), zorgvorm shares roughly as in CBS Beleidsinformatie Jeugd. Random values come from hash(i, salt).
    /// </summary>
    private static string SyntheticTrajectories(long count, int deliveryId, string from, int days, long youthOffset) => $"""
        INSERT INTO delivery VALUES ({deliveryId}, 'bench', 'synthetisch', 'synthetisch-{deliveryId}', '', 0, {count}, {count}, 0, 0, 0, 'actief', NULL, current_timestamp, 0);
        INSERT INTO trajectory
        WITH gemeenten AS (
            SELECT list(gemeentecode ORDER BY gemeentecode) AS codes FROM ref_gemeente WHERE gemeentecode = gemeentecode_actueel
        ),
        zorgvormen AS (
            SELECT ['JH_WIJKTEAM','JH_WIJKTEAM','JH_WIJKTEAM','JH_WIJKTEAM','JH_AMBULANT','JH_AMBULANT','JH_AMBULANT','JH_AMBULANT',
                    'JH_AMBULANT','JH_AMBULANT','JH_AMBULANT','JH_AMBULANT','JH_DAGHULP','JH_DAGHULP','JV_PLEEGZORG','JV_GEZINSHUIS',
                    'JV_RESIDENTIEEL','JV_GESLOTEN','JB_OTS','JB_DRANG','JB_VOOGDIJ','JR'] AS codes
        ),
        rows AS (
            SELECT i, {youthOffset} + i // 4 AS youth_id,
                   hash(i, {deliveryId}, 1) % 1000 AS r1, hash(i, {deliveryId}, 2) % 1000 AS r2, hash({youthOffset} + i // 4, 3) AS youth_hash, hash(i, {deliveryId}, 4) AS r4
            FROM range({count}) AS t(i)
        ),
        shaped AS (
            SELECT rows.*,
                   DATE '{from}' + CAST((youth_hash % {days} + (i % 4) * (r1 % 200)) % {days} AS INTEGER) AS start,
                   zorgvormen.codes[1 + CAST(r2 % 22 AS INTEGER)] AS zorgvorm,
                   gemeenten.codes[1 + CAST(CASE WHEN r1 % 20 = 0 THEN r4 % len(gemeenten.codes) ELSE youth_hash % len(gemeenten.codes) END AS INTEGER)] AS gemeentecode
            FROM rows, gemeenten, zorgvormen
        ),
        dated AS (
            SELECT shaped.*,
                   CASE WHEN r4 % 10 = 0 THEN NULL ELSE start + CAST(20 + (r4 // 10) % 700 AS INTEGER) END AS einde
            FROM shaped
        )
        SELECT
            {deliveryId}, CAST(i AS INTEGER), 'bench', 'B{deliveryId}-' || i, CAST(youth_id AS INTEGER),
            CAST(date_trunc('month', DATE '2000-01-01' + CAST(youth_hash % 8000 AS INTEGER)) AS DATE),
            ['M', 'V', 'V', 'M', 'X'][1 + CAST(youth_hash % 5 AS INTEGER)],
            gemeentecode, NULL,
            CASE WHEN zorgvorm = 'JH_WIJKTEAM' THEN NULL ELSE CAST(10000000 + (r4 % 2500) AS VARCHAR) END,
            zorgvorm, NULL, NULL,
            CASE WHEN zorgvorm LIKE 'J_\_%' ESCAPE '\' AND zorgvorm NOT LIKE 'JB%' THEN ['01','02','03','04','05','06','08'][1 + CAST(r1 % 7 AS INTEGER)] END,
            CASE WHEN r2 % 5 = 0 THEN NULL ELSE start - CAST(r1 % 120 AS INTEGER) END,
            start,
            einde,
            CASE WHEN einde IS NULL THEN NULL ELSE ['01','01','01','02','03','04','05','99'][1 + CAST(r2 % 8 AS INTEGER)] END,
            CASE WHEN einde IS NULL THEN NULL ELSE ['J','J','N','O'][1 + CAST(r1 % 4 AS INTEGER)] END,
            CASE WHEN einde IS NULL THEN NULL ELSE ['J','N','O'][1 + CAST(r2 % 3 AS INTEGER)] END,
            CASE WHEN einde IS NULL THEN NULL ELSE ['J','N','O','O'][1 + CAST(r4 % 4 AS INTEGER)] END,
            CASE WHEN einde IS NULL THEN NULL ELSE ['V','G','N','O'][1 + CAST(r1 % 4 AS INTEGER)] END,
            r4 % 50 = 0
        FROM dated;
        """;
}
