using System.Diagnostics;
using Zicht.Derive;
using Zicht.Storage;

namespace Zicht.Bench;

/// <summary>Times each derive statement (a full rebuild) on an existing store. Usage: derive --store FOLDER</summary>
public static class DeriveBench
{
    public static int Run(string[] args)
    {
        var i = Array.IndexOf(args, "--store");
        var folder = i >= 0 ? args[i + 1] : Path.Combine(Path.GetTempPath(), "zicht-bench-ingest", "store");
        using var store = ZichtStore.Open(new StoreLocation(folder));
        Console.WriteLine($"trajectories: {store.Scalar<long>("SELECT count(*) FROM trajectory"):N0}");
        var sqlIndex = Array.IndexOf(args, "--sql");
        if (sqlIndex >= 0)
        {
            foreach (var statement in File.ReadAllText(args[sqlIndex + 1]).Split("-- step", StringSplitOptions.RemoveEmptyEntries))
            {
                var clock = Stopwatch.StartNew();
                var body = statement.Trim();
                if (body.Length == 0) continue;
                if (body.StartsWith("show", StringComparison.OrdinalIgnoreCase))
                {
                    // "-- step show SELECT ...": print the first rows of a query
                    using var command = store.Connection.CreateCommand();
                    command.CommandText = body[4..];
                    using var reader = command.ExecuteReader();
                    for (var row = 0; row < 40 && reader.Read(); row++)
                        Console.WriteLine("    " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(c => reader.IsDBNull(c) ? "NULL" : Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture))));
                }
                else store.Execute(statement);
                Console.WriteLine($"  {body.Split('\n')[0],-60} {clock.Elapsed.TotalSeconds,7:F2} s");
            }
            return 0;
        }
        var names = typeof(ZichtStore).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Zicht.Derive.") && n.EndsWith(".sql")).Order(StringComparer.Ordinal).ToList();
        var steps = DeriveSql.FullRebuild().ToList();
        var total = Stopwatch.StartNew();
        foreach (var (name, step) in names.Zip(steps))
        {
            var clock = Stopwatch.StartNew();
            store.Execute(step);
            Console.WriteLine($"  {name,-40} {clock.Elapsed.TotalSeconds,7:F2} s");
        }
        Console.WriteLine($"  {"total",-40} {total.Elapsed.TotalSeconds,7:F2} s");
        return 0;
    }
}
