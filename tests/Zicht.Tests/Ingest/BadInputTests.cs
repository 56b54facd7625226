using System.Text;
using Zicht.Ingest;
using Zicht.Tests.Support;

namespace Zicht.Tests.Ingest;

/// <summary>Every kind of bad file gets a clear message and leaves the store exactly as it was.</summary>
public class BadInputTests
{
    private static readonly IngestOptions Options = new() { Today = new DateOnly(2025, 6, 30) };

    private static (DeliveryResult Result, long Deliveries, long Trajectories) IngestInto(TempStore temp, string path, IngestOptions? options = null)
    {
        using var store = temp.Open();
        var result = new IngestService(store, options ?? Options).Ingest([path]).Single();
        return (result, store.Scalar<long>("SELECT count(*) FROM delivery"), store.Scalar<long>("SELECT count(*) FROM trajectory"));
    }

    private static void AssertRejected(DeliveryResult result, string code, long deliveries, long trajectories)
    {
        Assert.Equal(DeliveryOutcome.Afgewezen, result.Outcome);
        Assert.Equal(code, result.FileProblem!.Code);
        Assert.Equal(0L, deliveries);
        Assert.Equal(0L, trajectories);
    }

    [Fact]
    public void Missing_file()
    {
        using var temp = new TempStore();
        var (result, d, t) = IngestInto(temp, Path.Combine(temp.Folder, "bestaat-niet.csv"));
        AssertRejected(result, "F01", d, t);
        Assert.Contains("bestaat-niet.csv", result.FileProblemDetail);
    }

    [Fact]
    public void Empty_file()
    {
        using var temp = new TempStore();
        var (result, d, t) = IngestInto(temp, temp.WriteFile("leeg.csv", ""));
        AssertRejected(result, "F02", d, t);
    }

    [Fact]
    public void Header_only()
    {
        using var temp = new TempStore();
        var (result, d, t) = IngestInto(temp, temp.WriteFile("kop.csv", Fixture.Header + "\r\n\r\n"));
        AssertRejected(result, "F03", d, t);
    }

    [Fact]
    public void Binary_file()
    {
        using var temp = new TempStore();
        var path = Path.Combine(temp.Folder, "plaatje.csv");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        var (result, d, t) = IngestInto(temp, path);
        AssertRejected(result, "F04", d, t);
    }

    [Fact]
    public void Not_utf8_names_the_position_and_can_be_read_with_its_encoding()
    {
        using var temp = new TempStore();
        var content = new Fixture().Add(Fixture.Row(1)).Add(Fixture.Row(2, ("aanbieder_naam", "Zorg Fryslân"))).ToString();
        var path = Path.Combine(temp.Folder, "ansi.csv");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(content));

        var (result, d, t) = IngestInto(temp, path);
        AssertRejected(result, "F05", d, t);
        Assert.Contains("regel 3", result.FileProblemDetail);          // header is line 1, the â is on line 3
        Assert.Contains("0xE2", result.FileProblemDetail);

        var (again, deliveries, trajectories) = IngestInto(temp, path, Options with { Encoding = "windows-1252" });
        Assert.Equal(DeliveryOutcome.Opgeslagen, again.Outcome);
        Assert.Equal((1L, 2L), (deliveries, trajectories));
        using var store = temp.Open();
        Assert.Equal("Zorg Fryslân", store.Scalar<string>("SELECT aanbieder_naam FROM aanbieder"));
    }

    [Fact]
    public void Utf16_with_bom_is_detected()
    {
        using var temp = new TempStore();
        var path = Path.Combine(temp.Folder, "unicode.csv");
        File.WriteAllText(path, new Fixture().Add(Fixture.Row(1)).ToString(), Encoding.Unicode);
        var (result, deliveries, trajectories) = IngestInto(temp, path);
        Assert.Equal(DeliveryOutcome.Opgeslagen, result.Outcome);
        Assert.Equal((1L, 1L), (deliveries, trajectories));
    }

    [Fact]
    public void Missing_required_column_lists_what_is_missing()
    {
        using var temp = new TempStore();
        var content = "bron;bron_traject_id;bsn;geslacht;gemeentecode;startdatum\n1;2;3;V;GM0014;2023-01-01\n";
        var (result, d, t) = IngestInto(temp, temp.WriteFile("kolommen.csv", content));
        AssertRejected(result, "F06", d, t);
        Assert.Contains("geboortedatum", result.FileProblemDetail);
        Assert.Contains("zorgvorm", result.FileProblemDetail);
    }

    [Fact]
    public void A_row_with_200_columns_is_rejected_and_the_rest_is_stored()
    {
        using var temp = new TempStore();
        var wide = string.Join(";", Enumerable.Range(0, 200).Select(i => "x" + i));
        var content = new Fixture().Add(Fixture.Row(1)).AddRaw(wide).Add(Fixture.Row(3)).ToString();
        var (result, deliveries, trajectories) = IngestInto(temp, temp.WriteFile("breed.csv", content));
        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.RowsAccepted, result.RowsRejected));
        var finding = Assert.Single(result.FirstFindings);
        Assert.Equal(("S01", 3), (finding.Code, finding.Regel));
        Assert.Equal((1L, 2L), (deliveries, trajectories));
    }

    [Fact]
    public void Comma_separated_file_with_crlf_and_bom_is_read()
    {
        using var temp = new TempStore();
        var content = "\uFEFF" + new Fixture().Add(Fixture.Row(1)).Add(Fixture.Row(2)).ToString().Replace(";", ",").Replace("\n", "\r\n");
        var (result, deliveries, trajectories) = IngestInto(temp, temp.WriteFile("komma.csv", content));
        Assert.Equal((2L, 2L, 0L), (result.RowsRead, result.RowsAccepted, result.RowsRejected));
        Assert.Equal((1L, 2L), (deliveries, trajectories));
    }

    [Fact]
    public void Quoted_fields_are_read_and_stray_quotes_rejected()
    {
        using var temp = new TempStore();
        var quoted = string.Join(";", TrajectoryColumns.All.Select(c => Fixture.Row(1)[c]).Select((v, i) => TrajectoryColumns.All[i] == "aanbieder_naam" ? "\"Zorg \"\"Noord\"\"; Groningen\"" : v));
        var stray = string.Join(";", TrajectoryColumns.All.Select(c => c == "aanbieder_naam" ? "Zorg \"Noord" : Fixture.Row(2)[c]));
        var unclosed = string.Join(";", TrajectoryColumns.All.Select(c => c == "aanbieder_naam" ? "\"Zorg Noord" : Fixture.Row(3)[c]));
        var content = new Fixture().AddRaw(quoted).AddRaw(stray).AddRaw(unclosed).ToString();
        var (result, _, trajectories) = IngestInto(temp, temp.WriteFile("quotes.csv", content));
        Assert.Equal((3L, 1L, 2L), (result.RowsRead, result.RowsAccepted, result.RowsRejected));
        Assert.Equal(["S02:3:aanbieder_naam", "S02:4:aanbieder_naam"], result.FirstFindings.Select(f => $"{f.Code}:{f.Regel}:{f.Kolom}"));
        using var store = temp.Open();
        Assert.Equal("Zorg \"Noord\"; Groningen", store.Scalar<string>("SELECT aanbieder_naam FROM aanbieder"));
    }

    [Fact]
    public void Line_numbers_stay_right_across_parallel_chunk_boundaries()
    {
        using var temp = new TempStore();
        // 3,000 rows in chunks of 4 KB (about 25 rows each): every 100th row has a bad gender, on line n + 1.
        var fixture = new Fixture();
        for (var n = 1; n <= 3000; n++)
            fixture.Add(n % 100 == 0 ? Fixture.Row(n, ("geslacht", "Q")) : Fixture.Row(n));
        var (result, _, trajectories) = IngestInto(temp, temp.WriteFile("groot.csv", fixture.ToString()), Options with { ChunkBytes = 4096 });
        Assert.Equal((3000L, 2970L, 30L), (result.RowsRead, result.RowsAccepted, result.RowsRejected));
        Assert.Equal(Enumerable.Range(1, 25).Select(k => k * 100 + 1), result.FirstFindings.Select(f => f.Regel));
        Assert.All(result.FirstFindings, f => Assert.Equal(("V08", "geslacht", "Q"), (f.Code, f.Kolom, f.Waarde)));
        Assert.Equal(2970L, trajectories);
        using var store = temp.Open();
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM trajectory WHERE regel <> CAST(substr(bron_traject_id, 2) AS INTEGER) + 1"));
    }
}
