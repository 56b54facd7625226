using Zicht.Disclosure;
using Zicht.Export;
using Zicht.Tests.Indicators;
using Zicht.Tests.Support;
using static Zicht.Tests.Indicators.FixtureRows;

namespace Zicht.Tests.Disclosure;

/// <summary>From stored indicator values to a protected publication, through the linked table municipality - region - country.</summary>
public class PublicationTests : IClassFixture<PublicationTests.Data>
{
    public sealed class Data : IDisposable
    {
        public IndicatorTestStore Store { get; }

        public Data()
        {
            // jeugdhulp in 2023, all in region JZ01: Groningen (GM0014) 6 youths, Stadskanaal (GM0037) 2, Veendam (GM0047) 7
            var fixture = new Fixture();
            var youth = 100;
            foreach (var (gemeente, count) in new[] { ("GM0014", 6), ("GM0037", 2), ("GM0047", 7) })
                for (var i = 0; i < count; i++, youth++)
                    fixture.Add(R(youth, "T" + youth, "JH_AMBULANT", "2023-02-01", "2023-08-31", ("gemeentecode", gemeente)));
            Store = new IndicatorTestStore(fixture);
        }

        public void Dispose() => Store.Dispose();
    }

    private readonly IndicatorTestStore _store;
    public PublicationTests(Data data) => _store = data.Store;

    [Fact]
    public void Small_counts_are_hidden_with_a_complement_and_the_audit_proves_it()
    {
        // protected afresh: a protection stored by another test of this class would not have the audit's bounds
        var publication = new PublicationService(_store.Store, storedProtections: false).Publish("jeugdhulp_per_1000", "2023");
        Assert.True(publication.Beveiligd);
        Assert.All(publication.Audits, a => Assert.True(a.Passed));
        PublishedRow Row(string code) => publication.Rows.Single(r => r.GebiedCode == code);
        // Stadskanaal 2 -> "< 5"; without a complement it would be 15 - 6 - 7 = 2, so Groningen (6, the smallest
        // publishable part of JZ01) is hidden as "x"; Veendam, the region and the country stay.
        Assert.Equal("< 5", Row("GM0037").Teller);
        Assert.Null(Row("GM0037").Waarde);
        Assert.Equal("x", Row("GM0014").Teller);
        Assert.Equal("7", Row("GM0047").Teller);
        Assert.Equal("15", Row("JZ01").Teller);
        Assert.Equal("15", Row("NL").Teller);
        // what an attacker can still say about Stadskanaal: GM0037 + GM0014 = 8 with GM0014 >= 5 -> 0..3
        var bounds = publication.Audits.SelectMany(a => a.Cells).Single(c => c.Key == "jeugdhulp_per_1000:teller|gemeente|GM0037|2023");
        Assert.Equal((0.0, 3.0), (bounds.Lower, bounds.Upper));
        // Veendam's sentence compares with the (published) region; Stadskanaal gets none
        Assert.NotNull(Row("GM0047").BenchmarkTekst);
        Assert.Null(Row("GM0037").BenchmarkTekst);
        // every other municipality is listed too, its 0 shown like any small count
        Assert.Equal("< 5", Row("GM0034").Teller);
        Assert.Null(Row("GM0034").Waarde);
        Assert.Equal("kleine aantallen (minder dan 5)", Row("GM0034").Reden);
    }

    [Fact]
    public void Internal_output_of_ones_own_area_is_exact_and_marked()
    {
        var publication = new PublicationService(_store.Store).Internal("jeugdhulp_per_1000", "2023", "GM0037");
        Assert.False(publication.Beveiligd);
        var row = Assert.Single(publication.Rows);
        Assert.Equal("2", row.Teller);
        Assert.Contains("intern", row.Status);

        // The workbook says so above the header, so a copy passed on is recognisable as not for publication.
        using var xlsx = new MemoryStream();
        PublicationWriter.Write(publication, null, ExportFormat.Xlsx, xlsx);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx.ToArray()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.StartsWith("INTERN", rows[0].InnerText);
        Assert.Equal(publication.Rows.Count + 2, rows.Count);
    }

    [Fact]
    public void Exports_write_only_the_requested_level_in_each_format()
    {
        var publication = new PublicationService(_store.Store).Publish("jeugdhulp_per_1000", "2023");
        using var csv = new MemoryStream();
        PublicationWriter.Write(publication, "gemeente", ExportFormat.Csv, csv);
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // header + every municipality (those without youths in care too, as "< 5")
        Assert.Equal(1 + _store.Store.Scalar<long>("SELECT count(*) FROM ref_gemeente WHERE gemeentecode = gemeentecode_actueel"), lines.Length);
        Assert.Contains(lines, l => l.Contains("GM0037") && l.Contains(";< 5;"));
        using var xlsx = new MemoryStream();
        PublicationWriter.Write(publication, "regio", ExportFormat.Xlsx, xlsx);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx.ToArray()), false);
        Assert.Equal(1 + _store.Store.Scalar<long>("SELECT count(*) FROM ref_jeugdregio"),
            document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
        using var json = new MemoryStream();
        PublicationWriter.Write(publication, "land", ExportFormat.Json, json);
        Assert.Contains("\"geslaagd\": true", System.Text.Encoding.UTF8.GetString(json.ToArray()));
    }
}
