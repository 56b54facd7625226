using System.Globalization;
using System.Text;
using System.Text.Json;
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

    /// <summary>A one-sheet workbook: header row, numbers as numbers; internal figures carry a banner row.</summary>
    private static void WriteXlsx(Publication publication, IReadOnlyList<PublishedRow> rows, Stream output) =>
        XlsxTableWriter.Write(output, Truncate(publication.IndicatorId, 31), Header, rows.Select(Values),
            publication.Beveiligd ? null : "INTERN: onbeveiligde cijfers van het eigen gebied; niet publiceren");

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
