using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Zicht.Generate;

namespace Zicht.Cli;

/// <summary><c>zicht generate</c>: writes the synthetic national demo data set in format v1.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var defaults = new GeneratorOptions();
        var seed = new Option<int>("--seed") { Description = "Seed; the same options give byte-identical files.", DefaultValueFactory = _ => defaults.Seed };
        var youths = new Option<int>("--youths") { Description = "Jeugdigen in zorg per jaar, landelijk.", DefaultValueFactory = _ => defaults.YouthsPerYear };
        var years = new Option<int>("--years") { Description = "Number of years, ending with --end-year.", DefaultValueFactory = _ => defaults.Years };
        var endYear = new Option<int>("--end-year") { Description = "Last year; the extract is taken on 31 December of it.", DefaultValueFactory = _ => defaults.EndYear };
        var dirty = new Option<double>("--dirty") { Description = "Fraction of rows (0-1) that get exactly one error, listed in <file>.fouten.csv.", DefaultValueFactory = _ => 0 };
        var singleFile = new Option<bool>("--single-file") { Description = "Write one file trajecten.csv instead of one file per start year." };
        var output = new Option<string>("--out") { Description = "Folder to write to.", DefaultValueFactory = _ => "." };

        var command = new Command("generate", "Genereer een synthetische, realistische landelijke set jeugdhulptrajecten (formaat v1) voor demo's en tests.");
        foreach (var option in new Option[] { seed, youths, years, endYear, dirty, singleFile, output }) command.Options.Add(option);

        command.SetAction(parseResult =>
        {
            var options = new GeneratorOptions
            {
                Seed = parseResult.GetValue(seed),
                YouthsPerYear = parseResult.GetValue(youths),
                Years = parseResult.GetValue(years),
                EndYear = parseResult.GetValue(endYear),
                DirtyFraction = parseResult.GetValue(dirty),
                SingleFile = parseResult.GetValue(singleFile),
                OutputFolder = parseResult.GetValue(output) ?? ".",
            };
            try
            {
                var result = Run(options);
                PrintSummary(result, options);
                return 0;
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]zicht generate: {ex.Message}[/]");
                return 1;
            }
        });
        return command;
    }

    internal static GenerationResult Run(GeneratorOptions options)
    {
        var generator = new TrajectoryGenerator();
        if (Console.IsOutputRedirected) return generator.Generate(options);
        GenerationResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Trajecten genereren", maxValue: 1);
                result = generator.Generate(options, new Progress(p =>
                {
                    task.MaxValue = p.ChunkCount;
                    task.Value = p.ChunksDone;
                }));
                task.Value = task.MaxValue;
            });
        return result!;
    }

    internal static void PrintSummary(GenerationResult result, GeneratorOptions options)
    {
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        var table = new Table().AddColumns("bestand", "regels", "MB");
        if (options.DirtyFraction > 0) table.AddColumn("fouten");
        foreach (var file in result.Files)
        {
            var cells = new List<string> { Markup.Escape(Path.GetFileName(file.Path)), file.Rows.ToString("N0", nl), (file.Bytes / 1e6).ToString("N1", nl) };
            if (options.DirtyFraction > 0) cells.Add(result.Errors.Count(e => e.File == file.Path).ToString("N0", nl));
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"{result.Rows.ToString("N0", nl)} trajecten van {result.Youths.ToString("N0", nl)} jeugdigen, {(result.Bytes / 1e6).ToString("N0", nl)} MB in {result.Elapsed.TotalSeconds.ToString("N1", nl)} s → {Path.GetFullPath(options.OutputFolder)}");
        if (options.DirtyFraction > 0)
        {
            var byCode = result.Errors.GroupBy(e => e.Code).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count().ToString("N0", nl)}");
            AnsiConsole.MarkupLineInterpolated($"Ingebouwde fouten: {result.Errors.Count.ToString("N0", nl)} ({string.Join(", ", byCode)}), lijst per bestand in <bestand>.fouten.csv");
        }
    }

    private sealed class Progress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
