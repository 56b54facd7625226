using System.CommandLine;
using Spectre.Console;
using Zicht.Storage;

namespace Zicht.Cli;

public static class StatusCommand
{
    public static Command Create()
    {
        var store = CommonOptions.Store();
        var command = new Command("status", "Toon de leveringen in de opslag en wat die bevat.") { store };
        command.SetAction(parse =>
        {
            using var opened = ZichtStore.Open(CommonOptions.Resolve(parse.GetValue(store)));
            Print(opened);
            return 0;
        });
        return command;
    }

    public static void Print(ZichtStore store)
    {
        if (store.EnsureDerivedTablesCurrent())
            AnsiConsole.MarkupLine("[yellow]De afgeleide tabellen waren niet bij (een eerdere run is onderbroken); ze zijn opnieuw opgebouwd.[/]");
        var deliveries = new Table().Border(TableBorder.Rounded).Title("Leveringen")
            .AddColumns("Id", "Leverancier", "Periode", "Bestand", "Gelezen", "Opgeslagen", "Afgewezen", "Waarschuwingen", "Bijgewerkt", "Status", "Ingelezen op");
        foreach (var column in deliveries.Columns.Skip(4).Take(5)) column.RightAligned();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = """
                SELECT delivery_id, bron, periode, file_name, rows_read, rows_accepted, rows_rejected, warnings, rows_superseded,
                       status || coalesce(' door ' || replaced_by, ''), strftime(ingested_at, '%Y-%m-%d %H:%M')
                FROM delivery ORDER BY delivery_id
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                deliveries.AddRow(Enumerable.Range(0, reader.FieldCount)
                    .Select(i => Markup.Escape(reader.GetValue(i) is long n ? n.ToString("N0") : reader.GetValue(i)?.ToString() ?? "")).ToArray());
        }
        if (deliveries.Rows.Count == 0)
        {
            AnsiConsole.MarkupLine($"De opslag [bold]{Markup.Escape(store.Location.Folder)}[/] bevat nog geen leveringen. Begin met [bold]zicht demo[/] of [bold]zicht ingest BESTAND[/].");
            return;
        }
        AnsiConsole.Write(deliveries);
        var totals = new Table().Border(TableBorder.Simple).AddColumns("In de opslag", "Aantal");
        totals.Columns[1].RightAligned();
        foreach (var (label, sql) in new[]
        {
            ("trajecten", "SELECT count(*) FROM trajectory"),
            ("jeugdigen (pseudoniemen)", "SELECT count(*) FROM youth"),
            ("trajecten samengevoegd (CBS-telwijze)", "SELECT count(*) FROM episode"),
            ("uithuisplaatsingen en doorplaatsingen", "SELECT count(*) FROM placement"),
            ("bevindingen (fouten en waarschuwingen)", "SELECT count(*) FROM finding"),
        })
            totals.AddRow(label, (store.Scalar<long>(sql)).ToString("N0"));
        AnsiConsole.Write(totals);
        AnsiConsole.MarkupLine($"Opslag: [bold]{Markup.Escape(store.Location.DatabasePath)}[/]");
    }
}
