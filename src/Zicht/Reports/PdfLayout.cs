using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Zicht.Reports;

/// <summary>
/// A small flowing-layout layer over PDFsharp: wrapped paragraphs, headings, and tables that break
/// across pages with their header row repeated, plus "Pagina X van Y" footers. Hand-written because
/// the layout libraries (QuestPDF, MigraDoc) are not on this project's package registry; PDFsharp
/// itself only draws at coordinates.
/// </summary>
public sealed class PdfLayout : IDisposable
{
    public const double PageWidth = 595.28, PageHeight = 841.89; // A4 in points
    private const double Margin = 56, FooterSpace = 28;
    private const double CellPadding = 4;

    private readonly PdfDocument _document;
    private readonly Dictionary<(double, bool), XFont> _fonts = new();
    private readonly Dictionary<(string, XFont), double> _widths = new();
    private PdfPage? _page;
    private XGraphics? _gfx;
    private double _y;

    public double ContentWidth => PageWidth - 2 * Margin;
    private double Bottom => PageHeight - Margin - FooterSpace;
    private double Left => Margin;

    public PdfLayout(string title)
    {
        PdfFonts.EnsureInstalled(); // before the document: PDFsharp checks its licence setting on creation
        _document = new PdfDocument();
        _document.Info.Title = title;
        _document.Info.Creator = "Zicht";
        _document.Options.CompressContentStreams = true;
    }

    public XFont Font(double size, bool bold = false)
    {
        if (!_fonts.TryGetValue((size, bold), out var font))
            _fonts[(size, bold)] = font = new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        return font;
    }

    public void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Width = XUnit.FromPoint(PageWidth);
        _page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private XGraphics G => _gfx ?? throw new InvalidOperationException("Call NewPage first.");

    public void Space(double points) => _y += points;

    /// <summary>Moves the cursor to a given height (for the title page).</summary>
    public void MoveTo(double y) => _y = y;

    public void Heading(string text, double size, bool keepWithNext = true)
    {
        var font = Font(size, bold: true);
        var lines = Wrap(text, font, ContentWidth);
        var needed = lines.Count * LineHeight(font) + (keepWithNext ? 60 : 0);
        if (_y + needed > Bottom) NewPage();
        _y += size * 0.4;
        foreach (var line in lines) { G.DrawString(line, font, XBrushes.Black, Left, _y, XStringFormats.TopLeft); _y += LineHeight(font); }
        _y += size * 0.3;
    }

    public void Paragraph(string text, double size = 10, bool bold = false, XBrush? brush = null)
    {
        var font = Font(size, bold);
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var line in Wrap(block.Replace('\n', ' '), font, ContentWidth))
            {
                if (_y + LineHeight(font) > Bottom) NewPage();
                G.DrawString(line, font, brush ?? XBrushes.Black, Left, _y, XStringFormats.TopLeft);
                _y += LineHeight(font);
            }
            _y += size * 0.5;
        }
    }

    /// <summary>
    /// A table: column widths as fractions of the text width, a header row repeated on every page the
    /// table reaches, and cells holding one or more items (drawn as bullets when there are several).
    /// A row taller than a page is split line by line.
    /// </summary>
    public void Table(double[] fractions, string[] header, IEnumerable<IReadOnlyList<string>[]> rows, double size = 9)
    {
        var widths = fractions.Select(f => f * ContentWidth).ToArray();
        var font = Font(size);
        var headerFont = Font(size, bold: true);
        var lineHeight = LineHeight(font);
        var headerLines = header.Select((h, i) => Wrap(h, headerFont, widths[i] - 2 * CellPadding)).ToArray();
        var headerHeight = headerLines.Max(l => l.Count) * LineHeight(headerFont) + 2 * CellPadding;

        void DrawHeader()
        {
            DrawRow(widths, headerLines, headerFont, headerHeight, XBrushes.AliceBlue);
            _y += headerHeight;
        }

        if (_y + headerHeight + lineHeight * 2 + 2 * CellPadding > Bottom) NewPage();
        DrawHeader();
        foreach (var row in rows)
        {
            var cells = row.Select((items, i) => CellLines(items, font, widths[i] - 2 * CellPadding)).ToArray();
            var height = cells.Max(c => c.Count) * lineHeight + 2 * CellPadding;
            if (_y + height > Bottom)
            {
                var fitsOnFreshPage = Margin + headerHeight + height <= Bottom;
                if (fitsOnFreshPage || _y + lineHeight * 2 + 2 * CellPadding > Bottom)
                {
                    NewPage();
                    DrawHeader();
                }
            }
            // Draw the row, splitting it over pages when it is taller than the space left.
            var offset = 0;
            var total = cells.Max(c => c.Count);
            while (true)
            {
                var room = (int)Math.Floor((Bottom - _y - 2 * CellPadding) / lineHeight);
                var take = Math.Min(room, total - offset);
                if (take <= 0) { NewPage(); DrawHeader(); continue; }
                var slice = cells.Select(c => (IReadOnlyList<string>)c.Skip(offset).Take(take).ToList()).ToArray();
                var sliceHeight = take * lineHeight + 2 * CellPadding;
                DrawRow(widths, slice, font, sliceHeight, null);
                _y += sliceHeight;
                offset += take;
                if (offset >= total) break;
                NewPage();
                DrawHeader();
            }
        }
        _y += 8;
    }

    private void DrawRow(double[] widths, IReadOnlyList<string>[] cells, XFont font, double height, XBrush? background)
    {
        var x = Left;
        var pen = new XPen(XColors.Gray, 0.5);
        for (var i = 0; i < widths.Length; i++)
        {
            if (background is not null) G.DrawRectangle(background, x, _y, widths[i], height);
            G.DrawRectangle(pen, x, _y, widths[i], height);
            var y = _y + CellPadding;
            foreach (var line in cells[i])
            {
                G.DrawString(line, font, XBrushes.Black, x + CellPadding, y, XStringFormats.TopLeft);
                y += LineHeight(font);
            }
            x += widths[i];
        }
    }

    /// <summary>The wrapped lines of a cell; several items become bullets with a hanging indent.</summary>
    private List<string> CellLines(IReadOnlyList<string> items, XFont font, double width)
    {
        if (items.Count == 1) return Wrap(items[0], font, width);
        var lines = new List<string>();
        foreach (var item in items)
        {
            var wrapped = Wrap(item, font, width - Measure("• ", font));
            for (var i = 0; i < wrapped.Count; i++) lines.Add((i == 0 ? "• " : "   ") + wrapped[i]);
        }
        return lines;
    }

    /// <summary>A line chart of labelled values, drawn with PDFsharp's own lines.</summary>
    public void Chart(TrendChart chart)
    {
        const double leftAxis = 44, height = 120;
        if (_y + height + 20 > Bottom) NewPage();
        var font = Font(7);
        var x0 = Left + leftAxis;
        var y0 = _y + 6;
        var axis = new XPen(XColors.Gray, 0.6);
        G.DrawLine(axis, x0, y0 + chart.Height, x0 + chart.Width, y0 + chart.Height);
        G.DrawString(chart.MaxLabel, font, XBrushes.Black, x0 - 4, y0, XStringFormats.TopRight);
        G.DrawString(chart.MinLabel, font, XBrushes.Black, x0 - 4, y0 + chart.Height, XStringFormats.BottomRight);
        var line = new XPen(XColor.FromArgb(0x1f, 0x4e, 0x79), 1.6);
        var points = chart.Points.Select(p => new XPoint(x0 + p.X, y0 + p.Y)).ToArray();
        if (points.Length >= 2) G.DrawLines(line, points);
        foreach (var (x, y, label) in chart.Points)
        {
            G.DrawEllipse(XBrushes.SteelBlue, x0 + x - 2, y0 + y - 2, 4, 4);
            G.DrawString(label, font, XBrushes.Black, x0 + x, y0 + chart.Height + 3, XStringFormats.TopCenter);
        }
        _y = y0 + chart.Height + 18;
    }

    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Measure(candidate, font) <= width) { current = candidate; continue; }
                if (current.Length > 0) lines.Add(current);
                current = word;
                // A single word wider than the column (a long URL) is cut where it must be.
                while (Measure(current, font) > width && current.Length > 1)
                {
                    var cut = current.Length - 1;
                    while (cut > 1 && Measure(current[..cut], font) > width) cut--;
                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }
            lines.Add(current);
        }
        return lines;
    }

    private double Measure(string text, XFont font)
    {
        if (!_widths.TryGetValue((text, font), out var width))
            _widths[(text, font)] = width = G.MeasureString(text, font).Width;
        return width;
    }

    private static double LineHeight(XFont font) => font.Size * 1.3;

    /// <summary>Writes "Pagina X van Y" on every page but the title page, then saves.</summary>
    public void Save(Stream output, bool numberTitlePage = false)
    {
        _gfx?.Dispose();
        _gfx = null;
        var font = Font(8);
        var count = _document.PageCount;
        for (var i = numberTitlePage ? 0 : 1; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            gfx.DrawString($"Pagina {i + 1} van {count}", font, XBrushes.Gray, new XRect(0, PageHeight - Margin, PageWidth, 14), XStringFormats.Center);
        }
        _document.Save(output, closeStream: false);
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }
}
