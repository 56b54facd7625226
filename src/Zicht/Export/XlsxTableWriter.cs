using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Zicht.Export;

/// <summary>
/// Writes one table to a real .xlsx (header row bold and frozen, numbers as numbers), streaming rows
/// with the OpenXML SAX writer so that large reports do not build a DOM in memory.
/// </summary>
public static class XlsxTableWriter
{
    /// <summary>Excel's row limit minus the header.</summary>
    public const int MaxDataRows = 1_048_575;

    public static int Write(string path, string sheetName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        return Write(file, sheetName, headers, rows);
    }

    /// <summary>
    /// Writes the workbook to a stream. A <paramref name="banner"/> (e.g. "INTERN: niet publiceren") goes in a
    /// row above the header. The package is built in memory when the stream cannot seek (a zip needs to).
    /// </summary>
    public static int Write(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows, string? banner = null)
    {
        if (!output.CanSeek || !output.CanRead)
        {
            using var memory = new MemoryStream();
            var count = Write(memory, sheetName, headers, rows, banner);
            memory.Position = 0;
            memory.CopyTo(output);
            return count;
        }
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        var written = 0;
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            var frozenRows = banner is null ? 1 : 2;
            writer.WriteElement(new Pane { VerticalSplit = frozenRows, TopLeftCell = $"A{frozenRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            if (banner is not null) WriteRow(writer, [banner], bold: true);
            WriteRow(writer, headers.Cast<object?>().ToArray(), bold: true);
            foreach (var row in rows)
            {
                if (written == MaxDataRows) break;
                WriteRow(writer, row, bold: false);
                written++;
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook.AppendChild(new Sheets(new Sheet
        {
            Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName,
        }));
        workbookPart.Workbook.Save();
        return written;
    }

    private static void WriteRow(OpenXmlWriter writer, object?[] values, bool bold)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            var cell = value switch
            {
                null => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("")) },
                int or long or double or decimal or float => new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
                },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString()!) { Space = SpaceProcessingModeValues.Preserve }) },
            };
            if (bold) cell.StyleIndex = 1;
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }
}
