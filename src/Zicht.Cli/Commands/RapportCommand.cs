using System.CommandLine;
using Spectre.Console;
using Zicht.Ingest;
using Zicht.Storage;

namespace Zicht.Cli;

public static class RapportCommand
{
    public static Command Create()
    {
        var store = CommonOptions.Store();
        var levering = new Option<int[]>("--levering") { Description = "Delivery id(s), see `zicht status`.", Required = true, AllowMultipleArgumentsPerToken = true };
        var uit = new Option<string>("--uit") { Description = "Output file: .csv or .xlsx.", Required = true };
        var command = new Command("rapport", "Write the validation report of deliveries (one row per finding) as CSV or Excel.") { store, levering, uit };
        command.SetAction(parse =>
        {
            using var opened = ZichtStore.Open(CommonOptions.Resolve(parse.GetValue(store)));
            var path = parse.GetValue(uit)!;
            var rows = ValidationReport.Write(opened, parse.GetValue(levering)!, path);
            AnsiConsole.MarkupLine($"Validatierapport: [bold]{Markup.Escape(path)}[/] ({rows:N0} bevindingen)");
            return 0;
        });
        return command;
    }
}
