using System.Diagnostics;
using DuckDB.NET.Data;
using Zicht.Generate;
using Zicht.Ingest;
using Zicht.Storage;

namespace Zicht.Bench;

/// <summary>
/// Ingest of one generated file end to end (read, validate, pseudonymise, store, derive) against the
/// baseline: DuckDB's own read_csv of the same file into a table, in the same process.
/// Usage: ingest [--youths 450000] [--years 10] [--work /tmp/zicht-bench]
/// </summary>
public static class IngestBench
{
    public static int Run(string[] args)
    {
        var youths = IntOption(args, "--youths", 450_000);
        var years = IntOption(args, "--years", 10);
        var work = StringOption(args, "--work", Path.Combine(Path.GetTempPath(), "zicht-bench-ingest"));
        Directory.CreateDirectory(work);

        var generated = new GeneratorOptions { YouthsPerYear = youths, Years = years, SingleFile = true, OutputFolder = Path.Combine(work, "data") };
        var dataFile = Path.Combine(generated.OutputFolder, "trajecten.csv");
        if (!File.Exists(dataFile))
        {
            Console.WriteLine($"generating {youths:N0} youths/year x {years} years ...");
            new TrajectoryGenerator().Generate(generated);
        }
        var bytes = new FileInfo(dataFile).Length;
        var rows = File.ReadLines(dataFile).LongCount() - 1;
        Console.WriteLine($"input: {dataFile}, {rows:N0} rows, {bytes / 1e6:N0} MB; {Environment.ProcessorCount} cores");

        // Zicht: ingest end to end into a fresh store.
        var storeFolder = Path.Combine(work, "store");
        if (Directory.Exists(storeFolder)) Directory.Delete(storeFolder, true);
        var zicht = Stopwatch.StartNew();
        DeliveryResult result;
        TimeSpan derive;
        using (var store = ZichtStore.Open(new StoreLocation(storeFolder)))
        {
            var service = new IngestService(store);
            result = service.Ingest([dataFile]).Single();
            derive = service.LastDeriveDuration;
            store.Execute("CHECKPOINT");
        }
        zicht.Stop();
        // Zicht's own peak, before the baseline's DuckDB (default memory limit: 80% of RAM) runs in this process.
        var zichtPeakBytes = Process.GetCurrentProcess().PeakWorkingSet64;

        // Baseline: DuckDB's own CSV reader into a table of a fresh database file.
        var baselineDb = Path.Combine(work, "baseline.duckdb");
        File.Delete(baselineDb);
        var baseline = Stopwatch.StartNew();
        using (var connection = new DuckDBConnection($"Data Source={baselineDb}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE TABLE trajectory_raw AS SELECT * FROM read_csv('{dataFile}', delim=';', header=true)";
            command.CommandTimeout = 0;
            command.ExecuteNonQuery();
            command.CommandText = "CHECKPOINT";
            command.ExecuteNonQuery();
        }
        baseline.Stop();
        File.Delete(baselineDb);

        var baselineRate = rows / baseline.Elapsed.TotalSeconds;
        var zichtRate = rows / zicht.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"DuckDB read_csv into a table : {baseline.Elapsed.TotalSeconds,7:F2} s  {baselineRate / 1e6,6:F2} M rows/s");
        Console.WriteLine($"Zicht ingest end to end      : {zicht.Elapsed.TotalSeconds,7:F2} s  {zichtRate / 1e6,6:F2} M rows/s  (target >= 1.00)");
        Console.WriteLine($"ratio Zicht / DuckDB         : {zichtRate / baselineRate,7:F2}            (target >= 0.50)");
        Console.WriteLine($"peak working set of Zicht    : {zichtPeakBytes / 1e9,7:F2} GB         (target < 4 GB)");
        Console.WriteLine($"rows read/accepted/rejected  : {result.RowsRead:N0} / {result.RowsAccepted:N0} / {result.RowsRejected:N0}");
        Console.WriteLine("phases:");
        foreach (var (phase, time) in result.Phases)
            Console.WriteLine($"  {phase,-32} {time.TotalSeconds,7:F2} s");
        Console.WriteLine($"  {"afgeleide tabellen",-32} {derive.TotalSeconds,7:F2} s");
        return 0;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }

    private static string StringOption(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
