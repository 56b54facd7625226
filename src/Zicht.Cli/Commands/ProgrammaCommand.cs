using System.CommandLine;
using DuckDB.NET.Data;
using Spectre.Console;
using Zicht.Programmes;
using Zicht.Storage;
using Zicht.Reports;

namespace Zicht.Cli;

/// <summary>`zicht programma import|list|show|export`: transformation programmes in the store.</summary>
public static class ProgrammaCommand
{
    /// <summary>The store for programmes and reports: the same store, lock and settings as every other command.</summary>
    public static ZichtStore OpenStore(string? store) => ZichtStore.Open(CommonOptions.Resolve(store));

    public static IIndicatorCatalogue Catalogue() => new ShippedIndicatorCatalogue();

    public static Command Create()
    {
        var command = new Command("programma", "Transformatieprogramma's: importeren, bekijken en exporteren (YAML, zie docs/programmas.md).");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("bestand") { Description = "Het YAML-bestand met het programma." };
        var door = new Option<string?>("--door") { Description = "Wie de wijziging doet (standaard: de gebruikersnaam)." };
        var store = CommonOptions.Store();
        var command = new Command("import", "Leest een programma uit een YAML-bestand en slaat het op (vervangt een bestaand programma met dezelfde id).");
        command.Arguments.Add(file);
        command.Options.Add(door);
        command.Options.Add(store);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"Bestand niet gevonden: {path}"); return 1; }
            var result = new ProgrammeFileReader(Catalogue()).Read(File.ReadAllText(path));
            if (!result.Ok)
            {
                Console.Error.WriteLine($"{path}: {result.Errors.Count} {(result.Errors.Count == 1 ? "probleem" : "problemen")}; er is niets geïmporteerd.");
                foreach (var error in result.Errors) Console.Error.WriteLine($"{path}:{error}");
                return 1;
            }
            var programme = result.Programme!;
            using var zicht = OpenStore(parse.GetValue(store));
            var connection = zicht.Connection;
            var programmes = new ProgrammeStore(connection, Catalogue());
            var existed = programmes.Exists(programme.Id);
            programmes.Save(programme, parse.GetValue(door) ?? Environment.UserName);
            Console.WriteLine($"Programma {programme.Id} {(existed ? "bijgewerkt" : "geïmporteerd")}: {programme.Actielijnen.Count} actielijnen, " +
                $"{programme.Voorstellen.Count} voorstellen, {programme.Mijlpalen.Count} mijlpalen, {programme.Vervolgstappen.Count} vervolgstappen.");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var store = CommonOptions.Store();
        var command = new Command("list", "Toont de programma's in de store.");
        command.Options.Add(store);
        command.SetAction(parse =>
        {
            using var zicht = OpenStore(parse.GetValue(store));
            var connection = zicht.Connection;
            var list = new ProgrammeStore(connection, Catalogue()).List();
            if (list.Count == 0) { Console.WriteLine("Er zijn nog geen programma's. Importeer er een met: zicht programma import BESTAND.yaml"); return 0; }
            var table = new Table().AddColumns("Id", "Naam", "Gebied", "Actielijnen", "Mijlpalen", "Laatst gewijzigd (UTC)");
            foreach (var p in list)
                table.AddRow(Markup.Escape(p.Id), Markup.Escape(p.Naam), Markup.Escape($"{p.Gebied.Niveau} {p.Gebied.Code}"), p.Actielijnen.ToString(),
                    p.Mijlpalen.ToString(), p.LaatstGewijzigd?.ToString("yyyy-MM-dd HH:mm") ?? "");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "De id van het programma." };
        var jaar = new Option<int?>("--jaar") { Description = "Jaar voor plan versus realisatie (standaard: het laatste jaar met activiteiten)." };
        var store = CommonOptions.Store();
        var command = new Command("show", "Toont een programma: actielijnen, subdoelen, mijlpalen per periode, open vervolgstappen, indicatoren en plan versus realisatie.");
        command.Arguments.Add(id);
        command.Options.Add(jaar);
        command.Options.Add(store);
        command.SetAction(parse =>
        {
            using var zicht = OpenStore(parse.GetValue(store));
            var connection = zicht.Connection;
            var programmes = new ProgrammeStore(connection, Catalogue());
            var programme = programmes.Load(parse.GetValue(id)!);
            if (programme is null) { Console.Error.WriteLine($"Programma '{parse.GetValue(id)}' bestaat niet; zie 'zicht programma list'."); return 1; }
            ShowProgramme(programme, new DuckDbIndicatorValues(connection), parse.GetValue(jaar), programmes.Changes(programme.Id));
            return 0;
        });
        return command;
    }

    private static void ShowProgramme(Programme p, IIndicatorValues values, int? year, IReadOnlyList<ProgrammeChange> changes)
    {
        var overview = new ProgrammeOverview(Catalogue());
        var indicators = overview.Indicators(p, values).ToDictionary(i => i.Id);
        string Latest(string indicatorId) => indicators[indicatorId].Laatste is { } point
            ? $"{ProgressReportBuilder.FormatValue(point)} ({point.Periode})" : "geen gegevens";

        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(p.Naam)}[/] ({Markup.Escape(p.Id)}, {Markup.Escape(p.Gebied.Niveau)} {Markup.Escape(p.Gebied.Code)})");
        foreach (var line in p.Actielijnen)
        {
            AnsiConsole.WriteLine();
            AnsiConsole.MarkupLine($"[bold]Actielijn {line.Nummer}: {Markup.Escape(line.Titel)}[/]");
            if (line.Inzet is { } inzet) AnsiConsole.MarkupLine($"  [grey]Waar zetten we op in?[/] {Markup.Escape(Shorten(inzet, 200))}");
            foreach (var sub in line.Subdoelen)
            {
                AnsiConsole.MarkupLine($"  {Markup.Escape(sub.Code)}. {Markup.Escape(sub.Tekst)}");
                foreach (var indicator in sub.Indicatoren)
                    AnsiConsole.MarkupLine($"      [grey]indicator[/] {Markup.Escape(Catalogue().Naam(indicator) ?? indicator)}: {Markup.Escape(Latest(indicator))}");
            }
            foreach (var proposal in p.Voorstellen.Where(v => v.Actielijn == line.Nummer))
                AnsiConsole.MarkupLine($"  [grey]voorstel {proposal.Nummer}:[/] {Markup.Escape(proposal.Titel)}");
        }

        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]Mijlpalen per periode[/]");
        foreach (var (period, milestones) in overview.PerPeriod(p))
        {
            AnsiConsole.MarkupLine($"  [underline]{Markup.Escape(period?.Naam ?? "buiten de rapportageperioden")}[/]");
            foreach (var m in milestones)
                AnsiConsole.MarkupLine($"    - {Markup.Escape(m.Milestone.Tekst)} [grey](actielijn {string.Join(", ", m.Milestone.Actielijnen)}; {Markup.Escape(m.Wanneer)}; {m.Milestone.Status.ToString().ToLowerInvariant()})[/]");
        }
        if (p.Mijlpalen.Count == 0) AnsiConsole.MarkupLine("  [grey]nog geen mijlpalen[/]");

        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]Open vervolgstappen[/]");
        var open = overview.OpenNextSteps(p);
        foreach (var step in open)
            AnsiConsole.MarkupLine($"  - [grey]{Markup.Escape(step.Subdoel)}[/] {Markup.Escape(step.Tekst)} [grey]({Markup.Escape(DutchDate.Quarter(step.Kwartaal))})[/]");
        if (open.Count == 0) AnsiConsole.MarkupLine("  [grey]geen[/]");

        if (indicators.Count > 0)
        {
            AnsiConsole.WriteLine();
            var table = new Table().Title("Gekoppelde indicatoren").AddColumns("Indicator", "Gekoppeld aan", "Laatste waarde", "Vergelijking");
            foreach (var i in indicators.Values)
                table.AddRow(Markup.Escape(i.Naam), Markup.Escape(string.Join(", ", i.GekoppeldAan)), Markup.Escape(Latest(i.Id)), Markup.Escape(i.Laatste?.BenchmarkTekst ?? ""));
            AnsiConsole.Write(table);
        }

        if ((year ?? overview.LatestActivityYear(p)) is { } y)
        {
            AnsiConsole.WriteLine();
            var rows = overview.PlanVersusRealisatie(p, y);
            var table = new Table().Title($"Plan versus realisatie {y}").AddColumns("Activiteit", "Doel", "Gerealiseerd", "Percentage");
            table.Columns[1].RightAligned(); table.Columns[2].RightAligned(); table.Columns[3].RightAligned();
            foreach (var row in rows)
                table.AddRow(Markup.Escape(row.Activity.Tekst), Markup.Escape(PlanText.Target(row.Activity)), Markup.Escape(PlanText.Realised(row.Activity)), Markup.Escape(PlanText.Percentage(row)));
            if (rows.Count == 0) AnsiConsole.MarkupLine($"[grey]Geen activiteiten in {y}.[/]");
            else AnsiConsole.Write(table);
        }

        if (changes.Count > 0)
        {
            AnsiConsole.WriteLine();
            AnsiConsole.MarkupLine("[bold]Laatste wijzigingen[/]");
            foreach (var c in changes.TakeLast(5))
                AnsiConsole.MarkupLine($"  {c.Wanneer:yyyy-MM-dd HH:mm} UTC  {Markup.Escape(c.Door)}: {Markup.Escape(c.Wat)}");
        }
    }

    private static Command Export()
    {
        var id = new Argument<string>("id") { Description = "De id van het programma." };
        var output = new Option<string?>("--uit") { Description = "Schrijf naar dit bestand in plaats van naar de console." };
        var store = CommonOptions.Store();
        var command = new Command("export", "Schrijft een programma als YAML (hetzelfde formaat als import).");
        command.Arguments.Add(id);
        command.Options.Add(output);
        command.Options.Add(store);
        command.SetAction(parse =>
        {
            using var zicht = OpenStore(parse.GetValue(store));
            var connection = zicht.Connection;
            var programme = new ProgrammeStore(connection, Catalogue()).Load(parse.GetValue(id)!);
            if (programme is null) { Console.Error.WriteLine($"Programma '{parse.GetValue(id)}' bestaat niet; zie 'zicht programma list'."); return 1; }
            var yaml = new ProgrammeFileWriter().Write(programme);
            if (parse.GetValue(output) is { } path) { File.WriteAllText(path, yaml); Console.Error.WriteLine($"Geschreven: {path}"); }
            else Console.Write(yaml);
            return 0;
        });
        return command;
    }

    private static string Shorten(string text, int length)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= length ? flat : flat[..length] + "…";
    }
}
