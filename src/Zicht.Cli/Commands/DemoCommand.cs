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
        var youths = new Option<int>("--youths") { Description = "Jeugdigen in zorg per jaar, landelijk.", DefaultValueFactory = _ => defaults.YouthsPerYear };
        var years = new Option<int>("--years") { Description = "Aantal jaren demodata.", DefaultValueFactory = _ => defaults.Years };
        var seed = new Option<int>("--seed") { Description = "Seed van de demodata (zelfde seed, zelfde data).", DefaultValueFactory = _ => defaults.Seed };
        var withoutIndicators = new Option<bool>("--zonder-indicatoren") { Description = "Sla het berekenen van de indicatoren over." };
        var command = new Command("demo", "Maak de landelijke demodataset als de opslag leeg is, lees hem in, bereken de indicatoren en vat samen.")
        {
            store, youths, years, seed, withoutIndicators,
        };
        command.SetAction(parse =>
        {
            var location = CommonOptions.Resolve(parse.GetValue(store));
            var clock = Stopwatch.StartNew();
            var opened = ZichtStore.Open(location);
            try
            {
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
                    // The compute gets a freshly opened store, as `zicht compute` in its own process and the compute bench
                    // have: otherwise the ingest's pages fill DuckDB's memory (2 GB) when the compute starts.
                    opened.Dispose();
                    opened = ZichtStore.Open(location);
                }
                else
                {
                    AnsiConsole.MarkupLine($"De opslag [bold]{Markup.Escape(location.Folder)}[/] bevat al gegevens; er wordt niets opnieuw gegenereerd.");
                }
                StatusCommand.Print(opened);
                if (!parse.GetValue(withoutIndicators))
                {
                    ComputeCommand.Run(opened, full: false);
                    PrintExample(opened);
                }
                AnsiConsole.MarkupLine($"[green]Klaar[/] in {clock.Elapsed.TotalSeconds:F1} s.");
                return 0;
            }
            finally
            {
                opened.Dispose();
            }
        });
        return command;
    }

    /// <summary>
    /// A first look at the figures: a few indicators of one municipality in the last complete year, with
    /// region, country and the benchmark sentence. The analyst's own store: internal figures, not a publication.
    /// </summary>
    private static void PrintExample(ZichtStore store, string gemeentecode = "GM0363")
    {
        if (!store.TableExists("indicator_value")) return;
        var year = store.Scalar<string>("SELECT max(periode) FROM indicator_value WHERE periode_soort = 'jaar' AND periode < CAST(year(current_date) AS VARCHAR)");
        if (year is null) return;
        var name = Zicht.Reference.ReferenceData.Shipped.FindGemeente(gemeentecode)?.Gemeentenaam ?? gemeentecode;
        var table = new Table().Border(TableBorder.Rounded).Title($"{name}, {year} (intern, niet voor publicatie)")
            .AddColumns("Indicator", "Waarde", "Regio", "Nederland", "Duiding");
        foreach (var column in table.Columns.Skip(1).Take(3)) column.RightAligned();
        var catalogue = Zicht.Indicators.IndicatorCatalogue.Load();
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"""
            SELECT indicator_id, waarde, regio_waarde, land_waarde, eenheid, coalesce(benchmark_tekst, '')
            FROM indicator_value
            WHERE niveau = 'gemeente' AND gebied_code = '{gemeentecode}' AND periode = '{year}' AND categorie = 'totaal'
              AND indicator_id IN ('jeugdhulp_per_1000', 'jeugdhulp_verblijf_per_1000', 'uithuisplaatsingen_per_1000',
                                   'aandeel_lokaal_team', 'wachttijd_mediaan', 'uitval', 'clienttevredenheid')
            ORDER BY indicator_id
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string Number(int i) => reader.IsDBNull(i) ? "geen gegevens" : reader.GetDouble(i).ToString("N1");
            var id = reader.GetString(0);
            table.AddRow(Markup.Escape(catalogue.Contains(id) ? catalogue.Get(id).Naam : id), Number(1) + " " + Markup.Escape(reader.GetString(4)),
                Number(2), Number(3), Markup.Escape(reader.GetString(5)));
        }
        if (table.Rows.Count > 0) AnsiConsole.Write(table);
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
