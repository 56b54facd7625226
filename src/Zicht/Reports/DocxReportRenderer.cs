using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Zicht.Programmes;

namespace Zicht.Reports;

/// <summary>
/// The report as a real Word document (OpenXML SDK): named heading styles so Word's navigation works,
/// tables whose header rows are marked to repeat on every page, and a "Pagina X van Y" footer made of
/// PAGE/NUMPAGES fields. Trend charts are a small table of values here: drawing a chart image would
/// need an imaging library that this project does not have.
/// </summary>
public sealed class DocxReportRenderer : IProgressReportRenderer
{
    private const string Blue = "1F4E79";

    public void Render(ProgressReport r, Stream output)
    {
        // OpenXML needs a seekable stream; write to memory first so any output (stdout, HTTP) works.
        using var memory = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            doc.PackageProperties.Title = $"{r.Titel} – {r.Ondertitel}";
            doc.PackageProperties.Creator = "Zicht";

            // Title page
            for (var i = 0; i < 8; i++) body.Append(new Paragraph());
            body.Append(Styled("Title", r.Titel));
            body.Append(Styled("Subtitle", r.Ondertitel));
            body.Append(Text($"Periode: {DutchDate.Format(r.Periode.Van)} t/m {DutchDate.Format(r.Periode.Tot)}"));
            body.Append(Text($"Gebied: {r.Gebied}"));
            body.Append(Text($"Gemaakt op {DutchDate.Format(r.Gemaakt)}"));

            body.Append(Heading(1, "Inleiding", pageBreakBefore: true));
            Paragraphs(body, r.Inleiding ?? "Dit programma heeft (nog) geen inleiding.");

            foreach (var line in r.Actielijnen)
            {
                body.Append(Heading(1, $"Actielijn {line.Nummer}: {line.Titel}", pageBreakBefore: true));
                if (line.Inzet is { } inzet)
                {
                    body.Append(Heading(2, "Waar zetten we op in?"));
                    Paragraphs(body, inzet);
                }
                if (line.Subdoelen.Count > 0)
                {
                    body.Append(Heading(2, "Subdoelen"));
                    foreach (var s in line.Subdoelen) body.Append(Text($"{s.Code}. {s.Tekst}"));
                }
                body.Append(Table([28, 42, 30], [ProgressReport.SubdoelKolom, r.MijlpalenKolom, ProgressReport.VervolgstappenKolom],
                    line.Rijen.Select(row => new[]
                    {
                        (IReadOnlyList<string>)[row.Subdoel],
                        row.Mijlpalen.Count > 0 ? row.Mijlpalen : ["geen mijlpalen in deze periode"],
                        row.Vervolgstappen.Count > 0 ? row.Vervolgstappen : ["geen open vervolgstappen"],
                    })));
            }

            if (r.Indicatoren is { } indicators)
            {
                body.Append(Heading(1, "Indicatoren", pageBreakBefore: true));
                body.Append(Text($"De indicatoren die aan subdoelen en voorstellen van dit programma zijn gekoppeld, voor {r.Gebied}."));
                if (indicators.Count == 0) body.Append(Text("Er zijn geen indicatoren gekoppeld."));
                foreach (var i in indicators)
                {
                    body.Append(Heading(2, i.Naam));
                    body.Append(Text($"Gekoppeld aan {i.GekoppeldAan}. Laatste waarde: {i.Waarde}{(i.Periode is { } p ? $" ({p})" : "")}."));
                    if (i.Reeks.Count >= 2)
                        body.Append(Table([50, 50], ["Periode", "Waarde"],
                            i.Reeks.Select(point => new[] { (IReadOnlyList<string>)[point.Periode], [ProgressReportBuilder.FormatValue(point)] })));
                    body.Append(Text(i.Benchmark));
                }
            }

            if (r.Plan is { } plan)
            {
                body.Append(Heading(1, $"Plan versus realisatie {plan.Jaar}", pageBreakBefore: true));
                body.Append(Table([46, 18, 20, 16], ["Activiteit", "Doel", "Gerealiseerd", "Percentage"],
                    plan.Rijen.Select(row => new[]
                    {
                        (IReadOnlyList<string>)[row.Activity.Tekst], [PlanText.Target(row.Activity)], [PlanText.Realised(row.Activity)], [PlanText.Percentage(row)],
                    })));
            }

            body.Append(Heading(1, "Bijlage: Mijlpalenoverzicht", pageBreakBefore: true));
            body.Append(Table([58, 12, 30], [ProgressReport.MijlpaalKolom, ProgressReport.ActielijnKolom, ProgressReport.WanneerKolom],
                r.Mijlpalenoverzicht.Select(row => new[] { (IReadOnlyList<string>)[row.Mijlpaal], [row.Actielijn], [row.Wanneer] })));

            body.Append(Section(main));
        }
        memory.Position = 0;
        memory.CopyTo(output);
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "21" },
                    new Languages { Val = "nl-NL" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "100", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, isDefault: true),
            ParagraphStyle("Title", "Title", new StyleRunProperties(new Bold(), new Color { Val = Blue }, new FontSize { Val = "52" })),
            ParagraphStyle("Subtitle", "Subtitle", new StyleRunProperties(new Color { Val = "404040" }, new FontSize { Val = "32" })),
            ParagraphStyle("Heading1", "heading 1", new StyleRunProperties(new Bold(), new Color { Val = Blue }, new FontSize { Val = "32" }), outline: 0),
            ParagraphStyle("Heading2", "heading 2", new StyleRunProperties(new Bold(), new FontSize { Val = "24" }), outline: 1),
            new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "999999" }, new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "999999" }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "999999" }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "999999" })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
        stylesPart.Styles = styles;
    }

    private static Style ParagraphStyle(string id, string name, StyleRunProperties? run, bool isDefault = false, int? outline = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (!isDefault) style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        style.Append(new PrimaryStyle());
        if (outline is { } level)
            style.Append(new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level }));
        if (run is not null) style.Append(run);
        return style;
    }

    private static SectionProperties Section(MainDocumentPart main)
    {
        var footerPart = main.AddNewPart<FooterPart>();
        footerPart.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new Text("Pagina ") { Space = SpaceProcessingModeValues.Preserve }),
            Field("PAGE"),
            new Run(new Text(" van ") { Space = SpaceProcessingModeValues.Preserve }),
            Field("NUMPAGES")));
        var firstFooter = main.AddNewPart<FooterPart>();
        firstFooter.Footer = new Footer(new Paragraph());
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) },
            new FooterReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstFooter) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 },
            new TitlePage()); // no page number on the title page
    }

    private static SimpleField Field(string name) => new(new Run(new Text("1"))) { Instruction = $" {name} " };

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Heading(int level, string text, bool pageBreakBefore = false)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" });
        if (pageBreakBefore) properties.Append(new PageBreakBefore());
        return new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph Text(string text, bool bold = false)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold) run.PrependChild(new RunProperties(new Bold()));
        return new Paragraph(run);
    }

    private static void Paragraphs(Body body, string text)
    {
        foreach (var p in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            body.Append(Text(p.Replace('\n', ' ')));
    }

    /// <summary>A table over the full text width; the first row is the header, repeated on every page.</summary>
    private static Table Table(int[] percentages, string[] header, IEnumerable<IReadOnlyList<string>[]> rows)
    {
        const int textWidthTwips = 11906 - 2 * 1134;
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0" }));
        var grid = new TableGrid();
        foreach (var p in percentages) grid.Append(new GridColumn { Width = (textWidthTwips * p / 100).ToString() });
        table.Append(grid);

        var headerRow = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < header.Length; i++)
            headerRow.Append(Cell([header[i]], percentages[i], textWidthTwips, shade: true));
        table.Append(headerRow);
        foreach (var row in rows)
        {
            var tr = new TableRow();
            for (var i = 0; i < row.Length; i++) tr.Append(Cell(row[i], percentages[i], textWidthTwips, shade: false));
            table.Append(tr);
        }
        return table;
    }

    private static TableCell Cell(IReadOnlyList<string> items, int percentage, int textWidthTwips, bool shade)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = (textWidthTwips * percentage / 100).ToString() });
        if (shade) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "DDE7F0", Color = "auto" });
        var cell = new TableCell(properties);
        foreach (var item in items)
        {
            var text = items.Count > 1 ? "• " + item : item;
            var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "40" }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            if (shade) paragraph.GetFirstChild<Run>()!.PrependChild(new RunProperties(new Bold()));
            cell.Append(paragraph);
        }
        if (items.Count == 0) cell.Append(new Paragraph());
        return cell;
    }
}
