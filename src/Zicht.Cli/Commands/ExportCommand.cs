using System.CommandLine;
using Spectre.Console;
using Zicht.Disclosure;
using Zicht.Export;
using Zicht.Indicators;
using Zicht.Storage;

namespace Zicht.Cli;

/// <summary>
/// `zicht export`: one indicator for one period, protected by the disclosure policy; `--intern --gebied CODE`
/// gives the unprotected figures of one's own area instead, marked as internal.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var store = CommonOptions.Store();
        var indicator = new Option<string>("--indicator") { Description = "Indicator id (see `zicht indicators`).", Required = true };
        var niveau = new Option<string>("--niveau") { Description = "gemeente | regio | land | aanbieder (default: gemeente).", DefaultValueFactory = _ => "gemeente" };
        var periode = new Option<string?>("--periode") { Description = "2023 or 2023Q2 (default: the latest full year)." };
        var format = new Option<string>("--format") { Description = "csv | xlsx | json (default: csv).", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--uitvoer") { Description = "Output file (default: <indicator>_<niveau>_<periode>.<format> in the current folder)." };
        var intern = new Option<bool>("--intern") { Description = "Unprotected figures of your own area (requires --gebied); never publish these." };
        var gebied = new Option<string?>("--gebied") { Description = "Your own area for --intern: GMxxxx, or JZxx (the region and its municipalities)." };
        var round = new Option<bool>("--afronden") { Description = "Round published counts to multiples of 5." };
        var oneMarker = new Option<bool>("--een-markering") { Description = "Show every hidden cell as x (also small counts); often needed for breakdowns." };
        var breakdown = new Option<string?>("--uitsplitsing") { Description = "Break the indicator down: zorgvorm | leeftijdsgroep | geslacht | verwijzer (as the catalogue allows)." };
        var command = new Command("export", "Exporteer één indicator voor één periode als CSV, Excel of JSON, beveiligd tegen onthulling.");
        foreach (var option in new Option[] { store, indicator, niveau, periode, format, output, intern, gebied, round, breakdown, oneMarker }) command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var id = parseResult.GetValue(indicator)!;
            var catalogue = IndicatorCatalogue.Load();
            if (!catalogue.Contains(id))
            {
                AnsiConsole.MarkupLine($"[red]Onbekende indicator[/] {Markup.Escape(id)}; `zicht indicators` toont de catalogus.");
                return 2;
            }
            var level = parseResult.GetValue(niveau)!;
            if (!IndicatorCatalogue.AllNiveaus.Contains(level))
            {
                AnsiConsole.MarkupLine($"[red]Onbekend niveau[/] {Markup.Escape(level)}: kies gemeente, regio, land of aanbieder.");
                return 2;
            }
            var exportFormat = parseResult.GetValue(format)!.ToLowerInvariant() switch
            {
                "csv" => ExportFormat.Csv,
                "xlsx" => ExportFormat.Xlsx,
                "json" => ExportFormat.Json,
                var other => (ExportFormat?)null,
            };
            if (exportFormat is null)
            {
                AnsiConsole.MarkupLine("[red]Onbekend formaat[/]: kies csv, xlsx of json.");
                return 2;
            }
            using var zicht = ZichtStore.Open(CommonOptions.Resolve(parseResult.GetValue(store)));
            new IndicatorEngine(zicht).Compute();   // answers from stored results; recomputes only what a new delivery changed
            var period = parseResult.GetValue(periode)
                         ?? zicht.Scalar<string>($"SELECT max(periode) FROM indicator_value WHERE periode_soort = 'jaar' AND indicator_id = '{id}'");
            if (period is null)
            {
                AnsiConsole.MarkupLine("[yellow]Geen gegevens voor deze indicator.[/]");
                return 1;
            }
            var service = new PublicationService(zicht, catalogue);
            Publication publication;
            if (parseResult.GetValue(intern))
            {
                var own = parseResult.GetValue(gebied);
                if (own is null)
                {
                    AnsiConsole.MarkupLine("[red]--intern vraagt --gebied[/] (uw eigen gemeente of regio).");
                    return 2;
                }
                publication = service.Internal(id, period, own);
            }
            else
            {
                try
                {
                    var policy = DisclosurePolicy.Default with
                    {
                        RoundingBase = parseResult.GetValue(round) ? 5 : 0,
                        SameMarkerForAllHidden = parseResult.GetValue(oneMarker),
                    };
                    var dimension = parseResult.GetValue(breakdown);
                    if (dimension is not null && !catalogue.Get(id).Uitsplitsingen.Contains(dimension))
                    {
                        AnsiConsole.MarkupLine($"[red]Uitsplitsing {Markup.Escape(dimension)} is niet toegestaan[/] voor {Markup.Escape(id)}; wel: {Markup.Escape(string.Join(", ", catalogue.Get(id).Uitsplitsingen))}.");
                        return 2;
                    }
                    publication = dimension is null ? service.Publish(id, period, policy) : service.PublishBreakdown(id, period, dimension, policy);
                }
                catch (DisclosureAuditFailedException e)
                {
                    AnsiConsole.MarkupLine($"[red]Niet geëxporteerd:[/] de onthullingscontrole keurt de tabel af. {Markup.Escape(e.Message)}");
                    // With two markers an "x" is known to be at least 5, which on sparse tables often leaves no safe pattern;
                    // with one marker every hidden cell is only known to be at least 0 (docs/disclosure.md, "One marker or two").
                    if (!parseResult.GetValue(oneMarker))
                        AnsiConsole.MarkupLine("Probeer [bold]--een-markering[/]: dan is elke verborgen cel \"x\" en weet niemand of het een klein aantal of een aanvulling is; dat laat meestal een veilige tabel toe.");
                    return 3;
                }
            }
            var extension = exportFormat.Value.ToString().ToLowerInvariant();
            var file = parseResult.GetValue(output)
                       ?? $"{id}_{level}_{period}{(parseResult.GetValue(breakdown) is { } d ? "_" + d : "")}{(publication.Beveiligd ? "" : "_intern")}.{extension}";
            using (var stream = File.Create(file))
                PublicationWriter.Write(publication, level, exportFormat.Value, stream);
            var selected = PublicationWriter.Select(publication, level);
            var suppressed = selected.Count(r => r.Status != "gepubliceerd");
            // The audit covers every linked table (the indicator's family, the period and the one before it), so its
            // count of hidden cells is far larger than what this file shows; say both.
            AnsiConsole.MarkupLine($"[green]Geschreven:[/] {Markup.Escape(file)} ({selected.Count} rijen, " + (publication.Beveiligd
                ? $"beveiligd: {suppressed} rijen met verborgen aantallen; audit geslaagd over alle gekoppelde tabellen, waarin {publication.HiddenCells:N0} cellen verborgen"
                : "INTERN, onbeveiligd") + ").");
            return 0;
        });
        return command;
    }
}
