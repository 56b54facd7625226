using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Zicht.Programmes;
using Zicht.Reports;
using Zicht.Tests.Programmes;
using static Zicht.Tests.Reports.ReportFixture;

namespace Zicht.Tests.Reports;

public class ProgressReportTests
{
    [Fact]
    public void The_report_model_follows_the_hand_worked_fixture()
    {
        var report = Build("VGR2");
        Assert.Equal("Belangrijkste mijlpalen vanaf 1 juli 2019", report.MijlpalenKolom);
        Assert.Equal(AppendixVgr2, report.Mijlpalenoverzicht.Select(r => (r.Mijlpaal, r.Actielijn, r.Wanneer)));

        // Line 1 in VGR2: nothing under 1a or 1b, A2019-2 (no sub-goal) under "Algemeen"; the open step of 1a only.
        var line1 = report.Actielijnen[0];
        Assert.Equal(["1a. Visie", "1b. Wachttijd", "Algemeen"], line1.Rijen.Select(r => r.Subdoel));
        Assert.Empty(line1.Rijen[0].Mijlpalen);
        Assert.Equal(["Stap open (1e kwartaal 2020)"], line1.Rijen[0].Vervolgstappen);
        Assert.Equal(["Mijlpaal A2019-2"], line1.Rijen[2].Mijlpalen);
        // Line 2: B2019-2 under 2a; A2019-2 also belongs to line 2, so it is in its "Algemeen" row.
        var line2 = report.Actielijnen[1];
        Assert.Equal(["Mijlpaal B2019-2"], line2.Rijen[0].Mijlpalen);
        Assert.Equal(["Mijlpaal A2019-2"], line2.Rijen[1].Mijlpalen);

        Assert.Null(report.Indicatoren); // VGR2 ends in December: an autumn edition
        Assert.Equal(2019, report.Plan!.Jaar);
    }

    [Fact]
    public void Html_report_has_the_appendix_in_order_and_the_right_columns()
    {
        var html = Encoding.UTF8.GetString(Render(Build("VGR2"), ReportFormat.Html));
        var appendix = html[html.IndexOf("Bijlage: Mijlpalenoverzicht", StringComparison.Ordinal)..];
        Assert.Matches("<thead><tr><th>Mijlpaal</th><th[^>]*>Actielijn</th><th[^>]*>Wanneer</th></tr></thead>", appendix);
        var rows = Regex.Matches(appendix, "<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToArray();
        Assert.Equal(AppendixVgr2, rows);
        Assert.Equal(2, Regex.Matches(html, "<th style=\"width:28%\">Subdoel</th><th>Belangrijkste mijlpalen vanaf 1 juli 2019</th><th style=\"width:30%\">Vervolgstappen</th>").Count);
        Assert.Contains("thead { display: table-header-group; }", html); // headers repeat when printed

        var linked = Build("VGR2") with { Mijlpalenoverzicht = [new AppendixRow("Met link", "1", "VGR 1", "https://example.org/x"), new AppendixRow("Geen web-link", "1", "VGR 1", "javascript:alert(1)")] };
        var linkedHtml = Encoding.UTF8.GetString(Render(linked, ReportFormat.Html));
        Assert.Contains("<a href=\"https://example.org/x\">Met link</a>", linkedHtml);
        Assert.DoesNotContain("javascript:", linkedHtml);
    }

    [Fact]
    public void Pdf_report_has_the_appendix_in_order_with_the_right_periods_and_columns()
    {
        var pages = PdfPages(Render(Build("VGR2"), ReportFormat.Pdf));
        var rows = PdfAppendixRows(pages);
        Assert.Equal(AppendixVgr2.Select(r => new[] { r.Mijlpaal, r.Actielijn, r.Wanneer }), rows);
        Assert.Contains(pages, p => p.Split('\n').Any(IsAppendixHeader));
        var actionTableHeaders = pages.SelectMany(p => p.Split('\n')).Count(l => Regex.IsMatch(l, @"^\s*Subdoel\s{2,}Belangrijkste mijlpalen vanaf 1 juli\s{2,}Vervolgstappen"));
        Assert.Equal(2, actionTableHeaders); // one table per action line
        Assert.Contains("Pagina 2 van", pages[1]);
        Assert.DoesNotContain("Pagina", pages[0]); // no number on the title page
    }

    [Fact]
    public void Docx_report_is_valid_has_repeating_headers_and_the_appendix_in_order()
    {
        using var stream = new MemoryStream(Render(Build("VGR2"), ReportFormat.Docx));
        using var doc = WordprocessingDocument.Open(stream, false);
        var problems = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));

        string[] Cells(TableRow row) => row.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(p => p.InnerText))).ToArray();
        var appendix = tables[^1];
        Assert.Equal(["Mijlpaal", "Actielijn", "Wanneer"], Cells(appendix.Elements<TableRow>().First()));
        Assert.Equal(AppendixVgr2.Select(r => new[] { r.Mijlpaal, r.Actielijn, r.Wanneer }), appendix.Elements<TableRow>().Skip(1).Select(Cells));
        Assert.Equal(["Subdoel", "Belangrijkste mijlpalen vanaf 1 juli 2019", "Vervolgstappen"], Cells(tables[0].Elements<TableRow>().First()));
        Assert.Equal(["Activiteit", "Doel", "Gerealiseerd", "Percentage"], Cells(tables[^2].Elements<TableRow>().First()));
        Assert.Equal(["Nieuwsbrieven", "40", "30", "75%"], Cells(tables[^2].Elements<TableRow>().ElementAt(1)));

        var footer = doc.MainDocumentPart.FooterParts.Select(f => f.Footer.InnerXml).Single(x => x.Contains("PAGE"));
        Assert.Contains("NUMPAGES", footer);
    }

    [Fact]
    public void A_long_appendix_breaks_across_pdf_pages_with_the_header_repeated()
    {
        var report = Build("VGR2");
        var many = Enumerable.Range(1, 150).Select(i => new AppendixRow($"Mijlpaal nummer {i:000}", "1", "VGR 1: jan-jun 2019")).ToList();
        var pages = PdfPages(Render(report with { Mijlpalenoverzicht = many }, ReportFormat.Pdf));
        var appendixPages = pages.Where(p => p.Contains("Mijlpaal nummer")).ToList();
        Assert.True(appendixPages.Count >= 3, $"150 rows should need several pages, got {appendixPages.Count}");
        Assert.All(appendixPages, p => Assert.Contains(p.Split('\n'), IsAppendixHeader));
        Assert.Equal(many.Select(r => r.Mijlpaal), PdfAppendixRows(pages).Select(r => r[0]));
    }

    [Fact]
    public void Spring_edition_shows_linked_indicators_with_values_trend_and_benchmark()
    {
        using var connection = ProgrammeTestData.MemoryStore();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                CREATE TABLE indicator_value (indicator_id VARCHAR, niveau VARCHAR, gebied_code VARCHAR, periode VARCHAR,
                    teller DOUBLE, noemer DOUBLE, waarde DOUBLE, eenheid VARCHAR, benchmark_tekst VARCHAR);
                INSERT INTO indicator_value VALUES
                  ('wachttijd_mediaan', 'regio', 'JZ13', '2018', NULL, NULL, 52, 'dagen', NULL),
                  ('wachttijd_mediaan', 'regio', 'JZ13', '2019', NULL, NULL, 47, 'dagen', 'Korter dan het landelijk gemiddelde (55 dagen).'),
                  ('wachttijd_mediaan', 'regio', 'JZ01', '2019', NULL, NULL, 80, 'dagen', 'Andere regio.');
                """;
            command.ExecuteNonQuery();
        }
        var report = Build("VGR3", new DuckDbIndicatorValues(connection)); // VGR3 ends in June: spring
        var blocks = report.Indicatoren!;
        Assert.Equal(["wachttijd_mediaan", "uithuisplaatsingen_per_1000"], blocks.Select(b => b.Id));
        Assert.Equal("47 dagen", blocks[0].Waarde);
        Assert.Equal([52.0, 47.0], blocks[0].Reeks.Select(p => p.Waarde!.Value));
        Assert.Equal("Korter dan het landelijk gemiddelde (55 dagen).", blocks[0].Benchmark);
        Assert.Equal("geen gegevens", blocks[1].Waarde); // no rows: never shown as 0

        var html = Encoding.UTF8.GetString(Render(report, ReportFormat.Html));
        Assert.Contains("<svg", html);
        Assert.Contains("47 dagen", html);
        var pdfText = string.Join("\n", PdfPages(Render(report, ReportFormat.Pdf)));
        Assert.Contains("Laatste waarde: 47 dagen (2019)", pdfText);
        Assert.Contains("geen gegevens", pdfText);
    }

    [Fact]
    public void A_report_for_a_period_that_does_not_exist_says_which_exist()
    {
        var error = Assert.Throws<ArgumentException>(() => Build("VGR9"));
        Assert.Contains("VGR1, VGR2, VGR3", error.Message);
    }
}
