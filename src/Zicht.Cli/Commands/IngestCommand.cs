using System.CommandLine;
using Spectre.Console;
using Zicht.Ingest;
using Zicht.Storage;

namespace Zicht.Cli;

public static class IngestCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("bestanden") { Description = "Een of meer leveringsbestanden (formaat v1, CSV).", Arity = ArgumentArity.OneOrMore };
        var store = CommonOptions.Store();
        var leverancier = new Option<string?>("--leverancier") { Description = "De leverancier (standaard: de ene bron in het bestand)." };
        var periode = new Option<string?>("--periode") { Description = "De periode van de levering (standaard: de jaren van de startdata)." };
        var encoding = new Option<string?>("--encoding") { Description = "Codering van een bestand dat geen UTF-8 is, bijv. windows-1252." };
        var rapport = new Option<string?>("--rapport") { Description = "Schrijf het volledige validatierapport naar dit .csv- of .xlsx-bestand." };
        var command = new Command("ingest", "Valideer, pseudonimiseer en sla leveringen op; elk bestand is één levering, helemaal of niet.")
        {
            files, store, leverancier, periode, encoding, rapport,
        };
        command.SetAction(parse =>
        {
            using var opened = ZichtStore.Open(CommonOptions.Resolve(parse.GetValue(store)));
            var options = new IngestOptions
            {
                Leverancier = parse.GetValue(leverancier), Periode = parse.GetValue(periode), Encoding = parse.GetValue(encoding),
            };
            var results = Run(opened, parse.GetValue(files)!, options);
            var reportPath = parse.GetValue(rapport);
            if (reportPath is not null)
            {
                var ids = results.Where(r => r.DeliveryId is not null).Select(r => r.DeliveryId!.Value).ToList();
                var rows = ValidationReport.Write(opened, ids, reportPath);
                AnsiConsole.MarkupLine($"Validatierapport: [bold]{Markup.Escape(reportPath)}[/] ({rows:N0} bevindingen)");
            }
            return results.Any(r => r.Outcome == DeliveryOutcome.Afgewezen) ? 1 : 0;
        });
        return command;
    }

    /// <summary>Ingests with a progress bar and prints the summary; shared by `ingest` and `demo`.</summary>
    public static IReadOnlyList<DeliveryResult> Run(ZichtStore store, IReadOnlyList<string> files, IngestOptions options)
    {
        IReadOnlyList<DeliveryResult> results = [];
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new ActionProgress<IngestProgress>(p =>
                {
                    var name = p.File.Length == 0 ? "afgeleide tabellen" : p.File;
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(name, out var task))
                            tasks[name] = task = context.AddTask(Markup.Escape(name), maxValue: 1);
                        task.Description = Markup.Escape($"{name} ({p.Phase})");
                        task.Value = p.BytesTotal == 0 ? 1 : (double)p.BytesDone / p.BytesTotal;
                    }
                });
                results = new IngestService(store, options).Ingest(files, progress);
                lock (tasks) foreach (var task in tasks.Values) task.Value = task.MaxValue;
            });
        PrintSummary(results);
        return results;
    }

    public static void PrintSummary(IReadOnlyList<DeliveryResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Bestand", "Uitkomst", "Levering", "Leverancier / periode", "Gelezen", "Opgeslagen", "Afgewezen", "Waarschuwingen", "Bijgewerkt", "Tijd");
        foreach (var column in table.Columns.Skip(4)) column.RightAligned();
        foreach (var r in results)
            table.AddRow(
                Markup.Escape(Path.GetFileName(r.File)),
                r.Outcome switch
                {
                    DeliveryOutcome.Opgeslagen => r.ReplacedDeliveryId is null ? "[green]opgeslagen[/]" : $"[green]opgeslagen[/], vervangt {r.ReplacedDeliveryId}",
                    DeliveryOutcome.AlAanwezig => r.ReplacedDeliveryId is null ? "[grey]al aanwezig[/]" : $"[grey]al aanwezig, vervangen door {r.ReplacedDeliveryId}[/]",
                    _ => "[red]afgewezen[/]",
                },
                r.DeliveryId?.ToString() ?? "-",
                Markup.Escape(r.Leverancier is null ? "-" : $"{r.Leverancier} / {r.Periode}"),
                r.RowsRead.ToString("N0"), r.RowsAccepted.ToString("N0"), r.RowsRejected.ToString("N0"),
                r.Warnings.ToString("N0"), r.RowsSuperseded.ToString("N0"), $"{r.Duration.TotalSeconds:F1} s");
        AnsiConsole.Write(table);

        foreach (var r in results.Where(r => r.FileProblem is not null))
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(Path.GetFileName(r.File))}[/]: [[{r.FileProblem!.Code}]] {Markup.Escape(r.FileProblem.Melding)} {Markup.Escape(r.FileProblemDetail ?? "")} Er is niets opgeslagen.");

        var perCode = results.Where(r => r.FileProblem is null).SelectMany(r => r.FindingsPerCode)
            .GroupBy(p => p.Key).Select(g => (Code: g.Key, Count: g.Sum(p => p.Value))).OrderByDescending(g => g.Count).ToList();
        if (perCode.Count == 0) return;
        var rules = new Table().Border(TableBorder.Simple).AddColumns("Regel", "Ernst", "Aantal", "Melding");
        rules.Columns[2].RightAligned();
        foreach (var (code, count) in perCode)
        {
            var rule = ValidationRules.ByCode(code);
            rules.AddRow(code, rule.Severity == Severity.Fout ? "[red]fout[/]" : "[yellow]waarschuwing[/]", count.ToString("N0"), Markup.Escape(rule.Melding));
        }
        AnsiConsole.Write(rules);
        var examples = results.SelectMany(r => r.FirstFindings).Take(10).ToList();
        AnsiConsole.MarkupLine("[grey]Eerste bevindingen (bestand, regel, kolom, waarde: regel):[/]");
        foreach (var f in examples)
            AnsiConsole.MarkupLine(Markup.Escape($"  {f.FileName}, regel {f.Regel}, {f.Kolom ?? "-"}, \"{f.Waarde ?? ""}\": [{f.Code}] {f.Melding}"));
        AnsiConsole.MarkupLine("[grey]Het volledige rapport: zicht ingest ... --rapport rapport.xlsx, of zicht rapport --levering ID --uit rapport.xlsx[/]");
    }
}

/// <summary>Progress that reports on the calling thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
internal sealed class ActionProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
