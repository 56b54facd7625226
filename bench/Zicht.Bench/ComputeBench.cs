using System.Diagnostics;
using System.Globalization;
using System.Text;
using Zicht.Derive;
using Zicht.Generate;
using Zicht.Indicators;
using Zicht.Ingest;
using Zicht.Storage;

namespace Zicht.Bench;

/// <summary>
/// The indicator engine over a copy of a real store filled by `zicht demo` (the national 10-year set, 5 million
/// trajectories): the full catalogue for all levels and periods, a hand-written DuckDB query for one indicator as
/// the baseline, then one more quarter of generated data (a new delivery, ingested as a user would) and the
/// recompute it needs. The demo store itself is not changed.
/// Usage: compute --store DEMO_STORE_FOLDER [--work FOLDER] [--keep] [--repeat N (recomputes, default 3)]
/// </summary>
public static class ComputeBench
{
    public static int Run(string[] args)
    {
        string? source = null, work = null;
        var keep = false;
        var repeat = 3;   // recomputes, each from the same store just after the ingest: one run on this machine varies by a second
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--store": source = args[++i]; break;
                case "--work": work = args[++i]; break;
                case "--keep": keep = true; break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            }
        }
        if (source is null || !File.Exists(Path.Combine(source, "zicht.duckdb")))
        {
            Console.Error.WriteLine("compute: --store must name a store filled by `zicht demo` (a folder with zicht.duckdb), e.g. --store .zicht");
            return 2;
        }
        work ??= Path.Combine(Path.GetTempPath(), "zicht-bench-compute-" + Guid.NewGuid().ToString("N")[..8]);
        var folder = Path.Combine(work, "store");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "zicht.duckdb", "pseudoniem.key" })
            if (File.Exists(Path.Combine(source, name)))
                File.Copy(Path.Combine(source, name), Path.Combine(folder, name), overwrite: true);
        try
        {
            // Each compute runs on a freshly opened store, as `zicht compute` does in its own process: the derive (a store of
            // an earlier version rebuilds its derived tables here) and the ingest below leave memory behind in DuckDB.
            using (var upgrade = ZichtStore.Open(new StoreLocation(folder))) upgrade.EnsureDerivedTablesCurrent();
            var store = ZichtStore.Open(new StoreLocation(folder));
            Console.WriteLine($"store: {store.Scalar<long>("SELECT count(*) FROM trajectory"):N0} trajectories, {store.Scalar<long>("SELECT count(*) FROM episode"):N0} episodes, " +
                              $"{store.Scalar<long>("SELECT count(*) FROM youth_fact"):N0} youths; {Environment.ProcessorCount} cores, load {Load()}");

            var engine = new IndicatorEngine(store);
            var clock = Stopwatch.StartNew();
            var full = engine.Compute(new ComputeOptions { Full = true });
            var fullSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"full compute: {fullSeconds:F1} s for {full.PerIndicator.Count} indicators, {full.PeriodsComputed} periods, {full.RowsWritten:N0} values (target <= 30 s); load {Load()}");
            Print(full);

            // What the compute no longer does: the youths in care per period are a derived table, built at ingest.
            clock.Restart();
            foreach (var step in new[] { "00_keys.sql", "00_youths_in_scope.sql", "05_youth_period.sql" })
                store.Execute(DeriveSql.FullRebuildStep(step));
            var youthPeriodSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"  (derived at ingest, not part of the compute: youth_period, {store.Scalar<long>("SELECT count(*) FROM youth_period"):N0} youth-periods, " +
                              $"built from scratch in {youthPeriodSeconds:F1} s; compute + that build = {fullSeconds + youthPeriodSeconds:F1} s)");

            clock.Restart();
            var baselineRows = store.Scalar<long>(BaselineQuery);
            var baselineSeconds = clock.Elapsed.TotalSeconds;
            var ownShare = full.PerIndicator.First(p => p.IndicatorId == "jeugdhulp_per_1000").Duration.TotalSeconds;
            Console.WriteLine($"baseline: one hand-written DuckDB query for jeugdhulp_per_1000, all municipalities and years: {baselineSeconds:F2} s ({baselineRows:N0} rows)");
            Console.WriteLine($"  full catalogue / baseline: {fullSeconds / baselineSeconds:F1}x; per indicator (full / {full.PerIndicator.Count}) / baseline: {fullSeconds / full.PerIndicator.Count / baselineSeconds:F2}x; " +
                              $"the engine's own step for jeugdhulp_per_1000 (after the shared preparation) / baseline: {ownShare / baselineSeconds:F2}x");

            // One more quarter arrives: the first quarter after the data, from the generator, as a new delivery.
            var quarterFile = NextQuarter(store, work);
            clock.Restart();
            var ingest = new IngestService(store).Ingest([quarterFile]).Single();
            var ingestSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"one added quarter: {ingest.RowsAccepted:N0} trajectories ingested in {ingestSeconds:F1} s (read, validate, pseudonymise, store, derive; not part of the recompute)");
            store.Dispose();
            var afterIngest = Path.Combine(work, "na-levering.duckdb");
            File.Copy(Path.Combine(folder, "zicht.duckdb"), afterIngest, overwrite: true);
            var times = new List<double>();
            for (var run = 1; run <= Math.Max(1, repeat); run++)
            {
                File.Copy(afterIngest, Path.Combine(folder, "zicht.duckdb"), overwrite: true);
                store = ZichtStore.Open(new StoreLocation(folder));
                clock.Restart();
                var incremental = new IndicatorEngine(store).Compute();
                times.Add(clock.Elapsed.TotalSeconds);
                Console.WriteLine($"recompute after one added quarter (run {run}): {clock.Elapsed.TotalSeconds:F1} s (target <= 5 s), {(incremental.Full ? "full" : $"periods from {incremental.RecomputedFrom:yyyy-MM-dd}")}, " +
                                  $"{incremental.PeriodsComputed} periods, {incremental.RowsWritten:N0} values; load {Load()}");
                if (run == 1) Print(incremental);
                store.Dispose();
            }
            times.Sort();
            Console.WriteLine($"recompute after one added quarter, {times.Count} runs: min {times[0]:F1} s, median {times[times.Count / 2]:F1} s, max {times[^1]:F1} s (target <= 5 s)");
            return 0;
        }
        finally
        {
            if (!keep)
            {
                try { Directory.Delete(work, recursive: true); } catch (IOException) { }
            }
        }
    }

    private static void Print(ComputeResult result)
    {
        foreach (var (step, duration) in result.Steps)
            Console.WriteLine($"  {step,-34} {duration.TotalSeconds,6:F2} s");
        foreach (var (id, duration) in result.PerIndicator.OrderByDescending(p => p.Duration).Take(5))
            Console.WriteLine($"    slowest: {id,-32} {duration.TotalSeconds,6:F2} s");
    }

    internal static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>
    /// The trajectories that start in the quarter after the store's data, from the generator (another seed, so other
    /// youths), with trajectory ids of their own so that they add to the store rather than correct it.
    /// </summary>
    internal static string NextQuarter(ZichtStore store, string work)
    {
        var last = DateOnly.ParseExact(store.Scalar<string>("SELECT strftime(max(startdatum), '%Y-%m-%d') FROM trajectory")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var quarterStart = new DateOnly(last.Year, (last.Month - 1) / 3 * 3 + 1, 1).AddMonths(3);
        var generated = new GeneratorOptions { Seed = 7, Years = 1, EndYear = quarterStart.Year, SingleFile = true, OutputFolder = Path.Combine(work, "kwartaal") };
        new TrajectoryGenerator().Generate(generated);
        var lines = File.ReadLines(Path.Combine(generated.OutputFolder, "trajecten.csv")).ToList();
        var header = lines[0].Split(';');
        int startColumn = Array.IndexOf(header, "startdatum"), endColumn = Array.IndexOf(header, "einddatum"), idColumn = Array.IndexOf(header, "bron_traject_id");
        var quarterEnd = quarterStart.AddMonths(3).AddDays(-1);
        var output = new StringBuilder(lines[0]).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(';');
            var start = DateOnly.ParseExact(fields[startColumn], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (start < quarterStart || start > quarterEnd) continue;
            // as delivered at the end of the quarter: care that ends later is still open
            if (fields[endColumn].Length > 0 && DateOnly.ParseExact(fields[endColumn], "yyyy-MM-dd", CultureInfo.InvariantCulture) > quarterEnd)
            {
                fields[endColumn] = "";
                for (var c = endColumn + 1; c < fields.Length - 1; c++) fields[c] = "";   // outcomes come with the end
            }
            fields[idColumn] = "K" + fields[idColumn];
            output.Append(string.Join(';', fields)).Append('\n');
        }
        var file = Path.Combine(work, $"trajecten_{quarterStart.Year}Q{(quarterStart.Month + 2) / 3}.csv");
        File.WriteAllText(file, output.ToString());
        return file;
    }

    /// <summary>The baseline: jeugdhulp per 1.000 for all municipalities and years, written by hand.</summary>
    private const string BaselineQuery = """
        WITH years AS (
            SELECT unnest(range(year(min(startdatum)), year(max(startdatum)) + 1)) AS jaar FROM episode
        ),
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
}
