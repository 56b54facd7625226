using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Zicht.Generate;
using Zicht.Ingest;
using Zicht.Storage;

namespace Zicht.Cli;

/// <summary>
/// <c>zicht demo</c>: Zicht's main job on the embedded default. On an empty store it generates the
/// national demo data set, ingests it and summarises what is stored; on a filled store it brings the
/// derived tables up to date and summarises.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var defaults = new GeneratorOptions();
        var store = CommonOptions.Store();
        var youths = new Option<int>("--youths") { Description = "Youths in care per year, nationally.", DefaultValueFactory = _ => defaults.YouthsPerYear };
        var years = new Option<int>("--years") { Description = "Number of years of demo data.", DefaultValueFactory = _ => defaults.Years };
        var seed = new Option<int>("--seed") { Description = "Seed of the demo data.", DefaultValueFactory = _ => defaults.Seed };
        var command = new Command("demo", "Generate the national demo data set if the store is empty, ingest it and summarise.") { store, youths, years, seed };
        command.SetAction(parse =>
        {
            var location = CommonOptions.Resolve(parse.GetValue(store));
            var clock = Stopwatch.StartNew();
            using var opened = ZichtStore.Open(location);
            var hasData = opened.Scalar<long>("SELECT count(*) FROM delivery WHERE status = 'actief'") > 0;
            if (!hasData)
            {
                var options = new GeneratorOptions
                {
                    YouthsPerYear = parse.GetValue(youths), Years = parse.GetValue(years), Seed = parse.GetValue(seed),
                    OutputFolder = location.DemoFolder,
                };
                var files = ExistingDemoFiles(location, options);
                if (files is null)
                {
                    AnsiConsole.MarkupLine($"[bold]Demodata genereren[/] ({options.YouthsPerYear:N0} jeugdigen in zorg per jaar, {options.Years} jaar, seed {options.Seed}) in {Markup.Escape(location.DemoFolder)}");
                    Directory.CreateDirectory(location.DemoFolder);
                    var generated = GenerateCommand.Run(options);
                    GenerateCommand.PrintSummary(generated, options);
                    File.WriteAllText(Path.Combine(location.DemoFolder, ".compleet"), Signature(options));
                    files = generated.Files.Select(f => f.Path).ToList();
                }
                AnsiConsole.MarkupLine($"[bold]Inlezen[/]: {files.Count} leveringen");
                var results = IngestCommand.Run(opened, files, new IngestOptions());
                if (results.Any(r => r.Outcome == DeliveryOutcome.Afgewezen)) return 1;
            }
            else
            {
                AnsiConsole.MarkupLine($"De opslag [bold]{Markup.Escape(location.Folder)}[/] bevat al gegevens; er wordt niets opnieuw gegenereerd.");
            }
            StatusCommand.Print(opened);
            AnsiConsole.MarkupLine($"[green]Klaar[/] in {clock.Elapsed.TotalSeconds:F1} s.");
            return 0;
        });
        return command;
    }

    /// <summary>Demo files from an earlier, completed generate with the same options (an interrupted one is redone).</summary>
    private static List<string>? ExistingDemoFiles(StoreLocation location, GeneratorOptions options)
    {
        var marker = Path.Combine(location.DemoFolder, ".compleet");
        if (!File.Exists(marker) || File.ReadAllText(marker) != Signature(options)) return null;
        return Directory.EnumerateFiles(location.DemoFolder, "trajecten_*.csv").Where(f => !f.EndsWith(".fouten.csv")).Order().ToList();
    }

    private static string Signature(GeneratorOptions options) =>
        $"seed={options.Seed};youths={options.YouthsPerYear};years={options.Years};end={options.EndYear}";
}
