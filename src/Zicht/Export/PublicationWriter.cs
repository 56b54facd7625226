using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Zicht.Disclosure;

namespace Zicht.Export;

public enum ExportFormat { Csv, Xlsx, Json }

/// <summary>
/// Writes a publication (protected or internal) as CSV (semicolon, Dutch decimal comma, as Dutch Excel
/// opens it), JSON, or an .xlsx workbook. Only rows of the requested level are written; the protection was
/// computed over all levels together.
/// </summary>
public static class PublicationWriter
{
    private static readonly string[] Header =
    [
        "indicator", "niveau", "gebied_code", "gebied_naam", "periode", "categorie", "teller", "noemer", "waarde", "eenheid",
        "dekking_procent", "regio_waarde", "land_waarde", "vorige_waarde", "verandering", "rang", "percentiel",
        "benchmark_tekst", "status", "reden",
    ];

    public static IReadOnlyList<PublishedRow> Select(Publication publication, string? niveau) =>
        publication.Rows.Where(r => niveau is null || r.Niveau == niveau).ToList();

    public static void Write(Publication publication, string? niveau, ExportFormat format, Stream output)
    {
        var rows = Select(publication, niveau);
        switch (format)
        {
            case ExportFormat.Csv: WriteCsv(publication, rows, output); break;
            case ExportFormat.Json: WriteJson(publication, rows, output); break;
            default: WriteXlsx(publication, rows, output); break;
        }
    }

    private static object?[] Values(PublishedRow r) =>
    [
        r.IndicatorId, r.Niveau, r.GebiedCode, r.GebiedNaam, r.Periode, r.Categorie, r.Teller, r.Noemer, r.Waarde, r.Eenheid,
        r.DekkingProcent, r.RegioWaarde, r.LandWaarde, r.VorigeWaarde, r.Verandering, r.Rang, r.Percentiel,
        r.BenchmarkTekst, r.Status, r.Reden,
    ];

    private static void WriteCsv(Publication publication, IReadOnlyList<PublishedRow> rows, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        if (!publication.Beveiligd) writer.WriteLine("# INTERN: onbeveiligde cijfers van het eigen gebied; niet publiceren");
        writer.WriteLine(string.Join(";", Header));
        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        foreach (var row in rows)
            writer.WriteLine(string.Join(";", Values(row).Select(v => v switch
            {
                null => "",
                double d => d.ToString("0.###", dutch),
                int i => i.ToString(CultureInfo.InvariantCulture),
                string s when s.Contains(';') || s.Contains('"') => "\"" + s.Replace("\"", "\"\"") + "\"",
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            })));
    }

    private static void WriteJson(Publication publication, IReadOnlyList<PublishedRow> rows, Stream output)
    {
        var document = new
        {
            indicator = publication.IndicatorId,
            periode = publication.Periode,
            beveiligd = publication.Beveiligd,
            beleid = publication.Beveiligd ? publication.Policy : null,
            audit = publication.Beveiligd
                ? new { geslaagd = publication.Audits.All(a => a.Passed), verborgen_cellen = publication.HiddenCells }
                : null,
            rijen = rows,
        };
        JsonSerializer.Serialize(output, document, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    /// <summary>A plain one-sheet workbook: header row, numbers as numbers, text as inline strings.</summary>
    private static void WriteXlsx(Publication publication, IReadOnlyList<PublishedRow> rows, Stream output)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rowIndex = 1;
            if (!publication.Beveiligd)
                data.Append(new Row(TextCell("INTERN: onbeveiligde cijfers van het eigen gebied; niet publiceren")) { RowIndex = rowIndex++ });
            data.Append(new Row(Header.Select(TextCell)) { RowIndex = rowIndex++ });
            foreach (var row in rows)
            {
                data.Append(new Row(Values(row).Select(v => v switch
                {
                    null => new Cell(),
                    double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
                    int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
                    var other => TextCell(Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""),
                })) { RowIndex = rowIndex++ });
            }
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = Truncate(publication.IndicatorId, 31) });
            workbook.Workbook.Save();
        }
        memory.Position = 0;
        memory.CopyTo(output);
    }

    private static Cell TextCell(string text) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
