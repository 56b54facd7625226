using System.Diagnostics;
using Zicht.Ingest;
using Zicht.Storage;

namespace Zicht.Bench;

/// <summary>
/// One more quarter into a copy of a store filled by `zicht demo`: ingested with the incremental derive (as `zicht
/// ingest` does) in one copy, and with a full rebuild of the derived tables in another, timed side by side; then
/// checks that both copies hold the same derived tables. The given store itself is not changed.
/// The quarter holds new youths (as in the compute benchmark); with --updates also what a provider delivers about
/// youths already in care: every other trajectory still open in the demo's last year file, now ended in the quarter,
/// and for one in four of those a follow-up at the same provider from the next day (it joins the episode).
/// With --correction the quarter is then delivered again without every 50th trajectory, replacing it.
/// Usage: ingest-quarter --store DEMO_STORE_FOLDER [--updates] [--correction] [--work FOLDER] [--keep]
/// </summary>
public static class IngestQuarterBench
{
    private static readonly string[] DerivedTables = ["episode", "youth_fact", "youth_gemeente", "placement", "youth_period"];

    public static int Run(string[] args)
    {
        string? source = null, work = null;
        bool keep = false, updates = false, correction = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--store": source = args[++i]; break;
                case "--work": work = args[++i]; break;
                case "--keep": keep = true; break;
                case "--updates": updates = true; break;
                case "--correction": correction = true; break;
            }
        }
        if (source is null || !File.Exists(Path.Combine(source, "zicht.duckdb")))
        {
            Console.Error.WriteLine("ingest-quarter: --store must name a store filled by `zicht demo` (a folder with zicht.duckdb), e.g. --store .zicht");
            return 2;
        }
        work ??= Path.Combine(Path.GetTempPath(), "zicht-bench-quarter-" + Guid.NewGuid().ToString("N")[..8]);
        var incrementalFolder = Path.Combine(work, "incremental");
        var fullFolder = Path.Combine(work, "full");
        try
        {
            CopyStore(source, incrementalFolder);
            string quarterFile;
            using (var store = ZichtStore.Open(new StoreLocation(incrementalFolder)))
            {
                // a store of an earlier Zicht has no record of what its derived tables were built from: once, in full
                var clock = Stopwatch.StartNew();
                if (store.EnsureDerivedTablesCurrent()) Console.WriteLine($"derived tables brought up to date first (not timed below): {clock.Elapsed.TotalSeconds:F1} s");
                Console.WriteLine($"store: {store.Scalar<long>("SELECT count(*) FROM trajectory"):N0} trajectories, {store.Scalar<long>("SELECT count(*) FROM episode"):N0} episodes, " +
                                  $"{store.Scalar<long>("SELECT count(*) FROM youth_fact"):N0} youths; {Environment.ProcessorCount} cores, load {ComputeBench.Load()}");
                quarterFile = ComputeBench.NextQuarter(store, work);
                if (updates) AddUpdatesOfOpenCare(store, source, quarterFile);
            }
            CopyStore(incrementalFolder, fullFolder);

            using var full = ZichtStore.Open(new StoreLocation(fullFolder));
            using var incremental = ZichtStore.Open(new StoreLocation(incrementalFolder));
            // one leverancier and periode, so that the corrected quarter replaces the quarter
            var delivery = new IngestOptions { Leverancier = "bench-kwartaal", Periode = "kwartaal" };
            IngestBoth("one added quarter", quarterFile, delivery, full, incremental);
            if (correction)
                IngestBoth("the quarter corrected", CorrectedQuarter(quarterFile), delivery, full, incremental);

            var clockCompare = Stopwatch.StartNew();
            var differences = Compare(incremental, full, fullFolder);
            Console.WriteLine(differences == 0
                ? $"derived tables identical (EXCEPT ALL both ways, every column, youths by pseudonym): {string.Join(", ", DerivedTables)} ({clockCompare.Elapsed.TotalSeconds:F1} s)"
                : $"DERIVED TABLES DIFFER: {differences:N0} rows");
            return differences == 0 ? 0 : 1;
        }
        finally
        {
            if (!keep)
            {
                try { Directory.Delete(work, recursive: true); } catch (IOException) { }
            }
        }
    }

    /// <summary>Appends to the quarter's file the end of half the care still open in the demo's last year, and follow-ups.</summary>
    private static void AddUpdatesOfOpenCare(ZichtStore store, string source, string quarterFile)
    {
        var lastYear = store.Scalar<int>("SELECT year(max(startdatum)) FROM trajectory");
        var demoFile = Path.Combine(source, "demo", $"trajecten_{lastYear}.csv");
        if (!File.Exists(demoFile)) throw new InvalidOperationException($"--updates needs the demo's own data file {demoFile}.");
        var quarterStart = new DateOnly(lastYear + 1, 1, 1);
        var header = File.ReadLines(demoFile).First().Split(';');
        int Column(string name) => Array.IndexOf(header, name);
        int id = Column("bron_traject_id"), start = Column("startdatum"), end = Column("einddatum"), reden = Column("reden_einde"), aanmelding = Column("aanmelddatum");
        if (File.ReadLines(quarterFile).First() != string.Join(';', header)) throw new InvalidOperationException("The demo file and the quarter have other columns.");
        int open = 0, ended = 0, followUps = 0;
        using var writer = File.AppendText(quarterFile);
        foreach (var line in File.ReadLines(demoFile).Skip(1))
        {
            var fields = line.Split(';');
            if (fields[end].Length > 0 || open++ % 2 == 1) continue;
            var startDate = DateOnly.ParseExact(fields[start], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var endDate = quarterStart.AddDays(ended % 80);
            if (endDate < startDate) continue;
            fields[end] = endDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            fields[reden] = "01";
            writer.Write(string.Join(';', fields) + "\n");
            if (ended++ % 4 == 0)
            {
                fields[id] = "V" + fields[id];
                fields[aanmelding] = "";
                fields[start] = endDate.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                for (var c = end; c < fields.Length - 1; c++) fields[c] = "";   // open, no outcome yet
                writer.Write(string.Join(';', fields) + "\n");
                followUps++;
            }
        }
        Console.WriteLine($"quarter with updates: {ended:N0} trajectories still open at the end of {lastYear} ended in the quarter, {followUps:N0} follow-ups");
    }

    /// <summary>
    /// Before: ingest, then every derived table rebuilt from all trajectories (in one copy). After: ingest as `zicht
    /// ingest` does, deriving only the youths whose trajectories changed (in the other).
    /// </summary>
    private static void IngestBoth(string what, string file, IngestOptions options, ZichtStore full, ZichtStore incremental)
    {
        var fullClock = Stopwatch.StartNew();
        var fullIngest = new IngestService(full, options with { Derive = false }).Ingest([file]).Single();
        var storeSeconds = fullClock.Elapsed.TotalSeconds;
        var rebuild = full.RebuildDerivedTables();
        var fullSeconds = fullClock.Elapsed.TotalSeconds;
        Console.WriteLine($"{what}, full rebuild: {fullSeconds,5:F1} s  ({fullIngest.RowsAccepted:N0} trajectories{(fullIngest.ReplacedDeliveryId is null ? "" : ", replacing a delivery")}; " +
                          $"store {storeSeconds:F1} s, derive {rebuild.Duration.TotalSeconds:F1} s for {rebuild.YouthsDerived:N0} youths); load {ComputeBench.Load()}");

        var incrementalClock = Stopwatch.StartNew();
        var service = new IngestService(incremental, options);
        var ingest = service.Ingest([file]).Single();
        var incrementalSeconds = incrementalClock.Elapsed.TotalSeconds;
        var derive = service.LastDerive!;
        Console.WriteLine($"{what}, incremental:  {incrementalSeconds,5:F1} s  ({ingest.RowsAccepted:N0} trajectories; derive {derive.Duration.TotalSeconds:F1} s for {derive.YouthsDerived:N0} youths" +
                          $"{(derive.Full ? $", but in full: {derive.FullRebuildReason}" : "")}); load {ComputeBench.Load()}");
        Console.WriteLine($"  full / incremental: {fullSeconds / incrementalSeconds:F1}x for the ingest, {rebuild.Duration.TotalSeconds / derive.Duration.TotalSeconds:F1}x for the derive");
    }

    /// <summary>The quarter again, without every 50th trajectory: a corrected delivery of the same leverancier and periode.</summary>
    private static string CorrectedQuarter(string quarterFile)
    {
        var corrected = Path.ChangeExtension(quarterFile, ".gecorrigeerd.csv");
        File.WriteAllLines(corrected, File.ReadLines(quarterFile).Where((_, line) => line == 0 || line % 50 != 0));
        return corrected;
    }

    private static void CopyStore(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var name in new[] { "zicht.duckdb", "pseudoniem.key" })
            if (File.Exists(Path.Combine(from, name)))
                File.Copy(Path.Combine(from, name), Path.Combine(to, name), overwrite: true);
    }

    /// <summary>
    /// Rows in one copy's derived tables and not in the other's, both ways. Youth ids of new youths are given in the
    /// order parallel parsing meets them, so youths are compared by pseudonym.
    /// </summary>
    private static long Compare(ZichtStore incremental, ZichtStore full, string fullFolder)
    {
        full.Execute("CHECKPOINT");
        incremental.Execute($"ATTACH '{new StoreLocation(fullFolder).DatabasePath}' AS full_rebuild (READ_ONLY)");
        long differences = 0;
        foreach (var table in DerivedTables)
        {
            var mine = $"SELECT derived.* EXCLUDE (youth_id), youth.pseudoniem FROM {table} AS derived JOIN youth USING (youth_id)";
            var theirs = $"SELECT derived.* EXCLUDE (youth_id), youth.pseudoniem FROM full_rebuild.{table} AS derived JOIN full_rebuild.youth AS youth USING (youth_id)";
            var onlyIncremental = incremental.Scalar<long>($"SELECT count(*) FROM ({mine} EXCEPT ALL {theirs})");
            var onlyFull = incremental.Scalar<long>($"SELECT count(*) FROM ({theirs} EXCEPT ALL {mine})");
            var rows = incremental.Scalar<long>($"SELECT count(*) FROM {table}");
            Console.WriteLine($"  {table,-15} {rows,12:N0} rows; only incremental {onlyIncremental:N0}, only full rebuild {onlyFull:N0}");
            differences += onlyIncremental + onlyFull;
        }
        incremental.Execute("DETACH full_rebuild");
        return differences;
    }
}
