using System.Diagnostics;
using Zicht.Ingest;
using Zicht.Privacy;
using Zicht.Reference;
using Zicht.Storage;

namespace Zicht.Bench;

/// <summary>The parser alone on one thread (no store writes): its cost per row. Usage: parse [FILE]</summary>
public static class ParseBench
{
    public static int Run(string[] args)
    {
        var file = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "zicht-bench-ingest", "data", "trajecten.csv");
        var folder = Path.Combine(Path.GetTempPath(), "zicht-bench-parse-" + Environment.ProcessId);
        try
        {
            using var store = ZichtStore.Open(new StoreLocation(folder));
            var pseudonymiser = new Pseudonymiser(PseudonymKey.LoadOrCreate(store.Location.KeyPath));
            var context = new ValidationContext(ReferenceData.Shipped, pseudonymiser, DateOnly.FromDateTime(DateTime.Today));
            var bytes = File.ReadAllBytes(file);
            var headerEnd = Array.IndexOf(bytes, (byte)'\n') + 1;
            var header = DeliveryHeader.Parse(bytes.AsSpan(0, headerEnd - 1), "bench", []);
            foreach (var round in new[] { "first (HMAC per youth)", "second (BSN cache warm)" })
            {
                var registry = round.StartsWith("first") ? YouthRegistry.Load(store, pseudonymiser) : null;
                var parser = new ChunkParser(context, registry ?? _warm!, header, "bench");
                _warm ??= registry;
                var output = new ChunkOutput();
                var clock = Stopwatch.StartNew();
                const int Chunk = 8 << 20;
                var position = headerEnd;
                var line = 2;
                while (position < bytes.Length)
                {
                    var end = Math.Min(bytes.Length, position + Chunk);
                    var next = Array.IndexOf(bytes, (byte)'\n', end - 1);
                    end = next < 0 ? bytes.Length : next + 1;
                    var span = bytes.AsSpan(position, end - position);
                    parser.Parse(span, line, output);
                    line += span.Count((byte)'\n');
                    position = end;
                    output.CleanRows.Clear();
                    output.Keys.Clear();
                }
                Console.WriteLine($"{round,-26}: {output.RowsRead:N0} rows in {clock.Elapsed.TotalSeconds:F2} s = {clock.Elapsed.TotalMilliseconds * 1e6 / output.RowsRead:F0} ns/row on one thread");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static YouthRegistry? _warm;
}
