using System.CommandLine;
using Spectre.Console;
using Zicht.Indicators;

namespace Zicht.Cli;

/// <summary>`zicht indicators`: lists the catalogue; `--markdown FILE` writes docs/indicators.md from it.</summary>
public static class IndicatorsCommand
{
    public static Command Create()
    {
        var markdown = new Option<string?>("--markdown") { Description = "Write the catalogue as Markdown to this file (docs/indicators.md)." };
        var id = new Option<string?>("--id") { Description = "Show one indicator in full." };
        var command = new Command("indicators", "Toon de indicatorcatalogus (id, naam, eenheid, richting, niveaus).");
        command.Options.Add(markdown);
        command.Options.Add(id);
        command.SetAction(parseResult =>
        {
            var catalogue = IndicatorCatalogue.Load();
            var file = parseResult.GetValue(markdown);
            if (file is not null)
            {
                File.WriteAllText(file, IndicatorDocs.Markdown(catalogue));
                AnsiConsole.MarkupLine($"[green]Geschreven:[/] {Markup.Escape(file)} ({catalogue.Indicators.Count} indicatoren)");
                return 0;
            }
            var one = parseResult.GetValue(id);
            if (one is not null)
            {
                if (!catalogue.TryGet(one, out var definition))
                {
                    AnsiConsole.MarkupLine($"[red]Onbekende indicator:[/] {Markup.Escape(one)}");
                    return 2;
                }
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(definition.Naam)}[/] ({definition.Id})");
                AnsiConsole.WriteLine(catalogue.Fill(definition.Definitie).Trim());
                AnsiConsole.WriteLine($"Teller: {catalogue.Fill(definition.Teller)}");
                AnsiConsole.WriteLine($"Noemer: {catalogue.Fill(definition.Noemer)}");
                AnsiConsole.WriteLine($"Eenheid: {definition.Eenheid}; richting: {definition.RichtingTekst}; niveaus: {string.Join(", ", definition.Niveaus)}");
                AnsiConsole.WriteLine($"Duiding: {definition.Duiding.Trim()}");
                return 0;
            }
            var table = new Table().AddColumns("id", "naam", "eenheid", "richting", "niveaus");
            foreach (var i in catalogue.Indicators)
                table.AddRow(Markup.Escape(i.Id), Markup.Escape(i.Naam), Markup.Escape(i.Eenheid), i.RichtingTekst, string.Join(", ", i.Niveaus));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
