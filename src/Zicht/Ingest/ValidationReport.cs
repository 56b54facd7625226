using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Zicht.Export;
using Zicht.Storage;

namespace Zicht.Ingest;

/// <summary>
/// The full validation report of deliveries, one row per finding, as CSV or Excel, so that a provider
/// can fix its export. Values of the bsn column are masked in the store already.
/// </summary>
public static class ValidationReport
{
    public static readonly IReadOnlyList<string> Columns =
        ["levering", "bestand", "regel", "kolom", "waarde", "code", "ernst", "melding"];

    /// <summary>Writes the findings of the given deliveries; the format follows the extension (.csv or .xlsx). Returns the row count.</summary>
    public static long Write(ZichtStore store, IReadOnlyCollection<int> deliveryIds, string path)
    {
        var rows = Read(store, deliveryIds);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        // Write to a temporary file first so an interrupted export never leaves a half report behind.
        var temporary = path + ".tmp";
        long count;
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            count = XlsxTableWriter.Write(temporary, "Bevindingen", Columns, rows);
        else
            count = WriteCsv(temporary, rows);
        File.Move(temporary, path, overwrite: true);
        return count;
    }

    private static IEnumerable<object?[]> Read(ZichtStore store, IReadOnlyCollection<int> deliveryIds)
    {
        if (deliveryIds.Count == 0) yield break;
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"""
            SELECT delivery_id, file_name, regel, kolom, waarde, code, ernst, melding
            FROM finding
            WHERE delivery_id IN ({string.Join(",", deliveryIds)})
            ORDER BY delivery_id, regel, code
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return
            [
                reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7),
            ];
    }

    private static long WriteCsv(string path, IEnumerable<object?[]> rows)
    {
        // UTF-8 with BOM and ';' so that Dutch Excel opens it directly.
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.Write(string.Join(";", Columns));
        writer.Write("\r\n");
        long count = 0;
        foreach (var row in rows)
        {
            writer.Write(string.Join(";", row.Select(Quote)));
            writer.Write("\r\n");
            count++;
        }
        return count;
    }

    private static string Quote(object? value)
    {
        var text = value switch
        {
            null => "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        // A text starting with = + - @ would run as a formula when the CSV is opened in Excel (CSV injection).
        if (value is string && text.Length > 0 && "=+-@".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
