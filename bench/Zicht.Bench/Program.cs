// The benchmark harness: prints figures and ratios against a baseline run in the same process.
// Usage: dotnet run -c Release --project bench/Zicht.Bench -- <benchmark> [options]
using Zicht.Bench;

var benchmark = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
switch (benchmark)
{
    case "ingest": return IngestBench.Run(rest);
    case "report": ReportBench.Run(); return 0;
    case "derive": return DeriveBench.Run(rest);
    case "parse": return ParseBench.Run(rest);
    case "compute": return ComputeBench.Run(rest);
    case "ingest-quarter": return IngestQuarterBench.Run(rest);
    case "disclosure": return DisclosureBench.Run(rest);
    default:
        Console.WriteLine("benchmarks: ingest, ingest-quarter, parse, derive, compute, report, disclosure");
        return benchmark == "help" ? 0 : 2;
}
