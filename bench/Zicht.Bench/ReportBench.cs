using System.Diagnostics;
using Zicht.Programmes;
using Zicht.Reports;

namespace Zicht.Bench;

/// <summary>
/// Renders the progress report of a synthetic programme with 500 milestones in each format and prints
/// the time per format (target: under 5 seconds each). Run: dotnet run -c Release --project bench/Zicht.Bench -- report
/// </summary>
public static class ReportBench
{
    public static void Run(int milestones = 500)
    {
        var programme = Synthetic(milestones);
        var catalogue = new ShippedIndicatorCatalogue();
        var period = programme.Perioden[^1].Code;
        Console.WriteLine($"report bench: {milestones} milestones, {programme.Actielijnen.Count} action lines, {programme.Perioden.Count} periods, report for {period}");

        // Import path: file text -> validated programme -> one DuckDB transaction -> loaded back.
        var yaml = new ProgrammeFileWriter().Write(programme);
        var import = Stopwatch.StartNew();
        var read = new ProgrammeFileReader(catalogue).Read(yaml);
        var readMs = import.Elapsed.TotalMilliseconds;
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            var store = new ProgrammeStore(connection, catalogue);
            var save = Stopwatch.StartNew();
            store.Save(read.Programme!, "bench");
            var saveMs = save.Elapsed.TotalMilliseconds;
            var load = Stopwatch.StartNew();
            store.Load(programme.Id);
            Console.WriteLine($"  file {yaml.Length / 1024} KiB: read+validate {readMs:0} ms, save {saveMs:0} ms, load {load.Elapsed.TotalMilliseconds:0} ms");
        }

        var build = Stopwatch.StartNew();
        var report = new ProgressReportBuilder(catalogue, new NoIndicatorValues()).Build(programme, period);
        Console.WriteLine($"  model          {build.Elapsed.TotalMilliseconds,8:0} ms  ({report.Mijlpalenoverzicht.Count} rows in the appendix)");

        foreach (var format in new[] { ReportFormat.Html, ReportFormat.Pdf, ReportFormat.Docx })
        {
            // First run includes JIT and font loading, as a user's single CLI call would; then a warm run.
            var cold = Time(report, format, out var bytes);
            var warm = Time(report, format, out _);
            Console.WriteLine($"  {format,-5} cold {cold,8:0} ms   warm {warm,8:0} ms   {bytes / 1024,6} KiB   {(cold < 5000 ? "ok" : "TOO SLOW")} (< 5000 ms)");
        }
    }

    private static double Time(ProgressReport report, ReportFormat format, out long bytes)
    {
        var watch = Stopwatch.StartNew();
        using var output = new MemoryStream();
        ProgressReportWriter.For(format).Render(report, output);
        bytes = output.Length;
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Six action lines with four sub-goals each, ten half-year periods, milestones spread over them.</summary>
    public static Programme Synthetic(int milestones)
    {
        var lines = Enumerable.Range(1, 6).Select(n => new ActionLine(n, $"Actielijn nummer {n} met een titel van gewone lengte",
            "Waar we op inzetten, in een zin of twee zoals een programmamanager die schrijft.",
            "abcd".Select(c => new SubGoal(n, c.ToString(), $"Subdoel {n}{c}: een doel dat in een tabelcel past", [])).ToList())).ToList();
        var periods = Enumerable.Range(0, 10).Select(i =>
        {
            var start = new DateOnly(2019, 1, 1).AddMonths(6 * i);
            return new ReportingPeriod($"VGR{i + 1}", $"VGR {i + 1}: {DutchDate.MonthName(start.Month)} {start.Year} t/m {DutchDate.MonthName(start.AddMonths(5).Month)} {start.AddMonths(5).Year}",
                start, start.AddMonths(6).AddDays(-1), i % 2 == 0 ? Editie.Voorjaar : Editie.Najaar);
        }).ToList();
        var random = new Random(42);
        var items = Enumerable.Range(1, milestones).Select(i =>
        {
            var line = 1 + i % 6;
            return new Milestone($"Mijlpaal {i}: een afspraak, bijeenkomst of besluit dat in deze periode is bereikt en dat soms wat langer is beschreven",
                random.Next(5) == 0 ? [line, 1 + (line % 6)] : [line], $"{line}{"abcd"[i % 4]}", periods[random.Next(periods.Count)].Code, null, MilestoneStatus.Bereikt, null);
        }).ToList();
        var steps = Enumerable.Range(1, 120).Select(i => new NextStep($"Vervolgstap {i}", $"{1 + i % 6}{"abcd"[i % 4]}", $"2024Q{1 + i % 4}", i % 3 == 0)).ToList();
        var activities = Enumerable.Range(1, 40).Select(i => new ProgrammeActivity($"Activiteit {i}", 1 + i % 6, 2023, 10 * i, i % 4 == 0 ? null : 8 * i, "stuks")).ToList();
        return new Programme("bench", "Benchmarkprogramma", new Gebied("regio", "JZ13"), "Inleiding.", lines, [], periods, items, steps, activities);
    }
}
