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
        var levering = new Option<int[]>("--levering") { Description = "Leveringsnummer(s), zie `zicht status`.", Required = true, AllowMultipleArgumentsPerToken = true };
        var uit = new Option<string>("--uit") { Description = "Uitvoerbestand: .csv of .xlsx.", Required = true };
        var command = new Command("rapport", "Schrijf het validatierapport van leveringen (één regel per bevinding) als CSV of Excel.") { store, levering, uit };
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
