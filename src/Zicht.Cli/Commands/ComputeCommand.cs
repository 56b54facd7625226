using System.CommandLine;
using Spectre.Console;
using Zicht.Indicators;
using Zicht.Storage;

namespace Zicht.Cli;

/// <summary>`zicht compute`: computes the catalogue into indicator_value; after a new delivery only what changed.</summary>
public static class ComputeCommand
{
    public static Command Create()
    {
        var store = CommonOptions.Store();
        var full = new Option<bool>("--volledig") { Description = "Bereken alle perioden opnieuw, niet alleen wat een nieuwe levering kan hebben veranderd." };
        var command = new Command("compute", "Bereken alle indicatoren per gemeente, regio, Nederland en aanbieder, per jaar en kwartaal.");
        command.Options.Add(store);
        command.Options.Add(full);
        command.SetAction(parseResult =>
        {
            using var zicht = ZichtStore.Open(CommonOptions.Resolve(parseResult.GetValue(store)));
            if (zicht.Scalar<long>("SELECT count(*) FROM trajectory") == 0)
            {
                AnsiConsole.MarkupLine("[yellow]De store bevat nog geen trajecten; lees eerst een levering in (zicht ingest) of maak een demo (zicht demo).[/]");
                return 1;
            }
            Run(zicht, parseResult.GetValue(full));
            return 0;
        });
        return command;
    }

    /// <summary>Computes with a progress bar and prints the outcome; shared by `compute` and `demo`.</summary>
    internal static ComputeResult Run(ZichtStore zicht, bool full)
    {
        ComputeResult result = null!;
        AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask("indicatoren berekenen");
            var progress = new ActionProgress<ComputeProgress>(p =>
            {
                task.MaxValue = p.Total;
                task.Value = p.Done;
                task.Description = Markup.Escape(p.Step);
            });
            result = new IndicatorEngine(zicht).Compute(new ComputeOptions { Full = full }, progress);
            task.Value = task.MaxValue;
        });
        if (result.UpToDate)
            AnsiConsole.MarkupLine("[green]Alle indicatoren zijn al actueel.[/]");
        else
            AnsiConsole.MarkupLine($"[green]Indicatoren berekend[/] in {result.Duration.TotalSeconds:F1} s: {result.RowsWritten:N0} waarden over {result.PeriodsComputed} perioden " +
                                   (result.Full ? "(volledig)." : $"(herberekend vanaf {result.RecomputedFrom:yyyy-MM-dd})."));
        return result;
    }
}
