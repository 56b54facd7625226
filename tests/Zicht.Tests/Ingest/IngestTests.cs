using Zicht.Ingest;
using Zicht.Tests.Support;

namespace Zicht.Tests.Ingest;

public class IngestTests
{
    private static readonly IngestOptions Options = new() { Today = new DateOnly(2025, 6, 30) };

    [Fact]
    public void Stores_valid_rows_and_reconciles_counts()
    {
        using var temp = new TempStore();
        var fixture = new Fixture()
            .Add(Fixture.Row(1))
            .Add(Fixture.Row(2, ("zorgvorm", "JH_WIJKTEAM"), ("aanbieder_agb", ""), ("bron", "GM0014"), ("verwijzer", "01")))
            .Add(Fixture.Row(3, ("einddatum", ""), ("reden_einde", "")))
            .Add(Fixture.Row(4, ("bsn", Fixture.BadBsn(4))));
        var path = temp.WriteFile("levering.csv", fixture.ToString());
        using var store = temp.Open();

        var result = new IngestService(store, Options).Ingest([path]).Single();

        Assert.Equal(DeliveryOutcome.Opgeslagen, result.Outcome);
        Assert.Equal(4, result.RowsRead);
        Assert.Equal(3, result.RowsAccepted);
        Assert.Equal(1, result.RowsRejected);
        Assert.Equal(3L, store.Scalar<long>("SELECT count(*) FROM trajectory"));
        Assert.Equal(3L, store.Scalar<long>("SELECT count(*) FROM youth"));
        var finding = Assert.Single(result.FirstFindings);
        Assert.Equal(("V04", 5, "bsn"), (finding.Code, finding.Regel, finding.Kolom));
        Assert.DoesNotContain(Fixture.BadBsn(4), finding.Waarde ?? "");
        Assert.Equal("gemengd:levering", result.Leverancier);
        Assert.Equal("2023", result.Periode);
    }

    [Fact]
    public void Same_file_twice_is_a_no_op()
    {
        using var temp = new TempStore();
        var path = temp.WriteFile("a.csv", new Fixture().Add(Fixture.Row(1)).Add(Fixture.Row(2)).ToString());
        using var store = temp.Open();
        var service = new IngestService(store, Options);

        var first = service.Ingest([path]).Single();
        var second = service.Ingest([path]).Single();

        Assert.Equal(DeliveryOutcome.Opgeslagen, first.Outcome);
        Assert.Equal(DeliveryOutcome.AlAanwezig, second.Outcome);
        Assert.Equal(first.DeliveryId, second.DeliveryId);
        Assert.Equal(2L, store.Scalar<long>("SELECT count(*) FROM trajectory"));
        Assert.Equal(1L, store.Scalar<long>("SELECT count(*) FROM delivery"));
    }

    [Fact]
    public void Corrected_delivery_of_the_same_source_and_period_replaces_the_earlier_one()
    {
        using var temp = new TempStore();
        var original = temp.WriteFile("v1.csv", new Fixture().Add(Fixture.Row(1)).Add(Fixture.Row(2)).Add(Fixture.Row(3)).ToString());
        var corrected = temp.WriteFile("v2.csv", new Fixture().Add(Fixture.Row(1)).Add(Fixture.Row(2, ("zorgvorm", "JH_DAGHULP"))).ToString());
        using var store = temp.Open();
        var service = new IngestService(store, Options with { Leverancier = "12345678", Periode = "2023" });

        service.Ingest([original]);
        var result = service.Ingest([corrected]).Single();

        Assert.Equal(1, result.ReplacedDeliveryId);
        Assert.Equal(2L, store.Scalar<long>("SELECT count(*) FROM trajectory"));
        Assert.Equal("JH_DAGHULP", store.Scalar<string>("SELECT zorgvorm FROM trajectory WHERE bron_traject_id = 'T2'"));
        Assert.Equal("vervangen", store.Scalar<string>("SELECT status FROM delivery WHERE delivery_id = 1"));
    }

    [Fact]
    public void A_newer_delivery_of_the_same_trajectory_supersedes_the_older_row()
    {
        using var temp = new TempStore();
        var running = temp.WriteFile("2023.csv", new Fixture().Add(Fixture.Row(1, ("einddatum", ""), ("reden_einde", ""))).ToString());
        var ended = temp.WriteFile("2024.csv", new Fixture().Add(Fixture.Row(1, ("einddatum", "2024-03-31"))).ToString());
        using var store = temp.Open();
        // Same provider, same start year: the deliveries differ by the period they cover.
        new IngestService(store, Options with { Periode = "2023" }).Ingest([running]);
        var result = new IngestService(store, Options with { Periode = "2024" }).Ingest([ended]).Single();

        Assert.Null(result.ReplacedDeliveryId);
        Assert.Equal(1, result.RowsSuperseded);
        Assert.Equal(1L, store.Scalar<long>("SELECT count(*) FROM trajectory"));
        Assert.Equal(new DateOnly(2024, 3, 31), store.Scalar<DateOnly>("SELECT einddatum FROM trajectory"));
    }

    [Fact]
    public void Duplicate_ids_within_a_file_keep_the_first_and_reject_the_rest()
    {
        using var temp = new TempStore();
        var path = temp.WriteFile("dup.csv", new Fixture().Add(Fixture.Row(1)).Add(Fixture.Row(2)).Add(Fixture.Row(1, ("zorgvorm", "JH_DAGHULP"))).ToString());
        using var store = temp.Open();

        var result = new IngestService(store, Options).Ingest([path]).Single();

        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.RowsAccepted, result.RowsRejected));
        var duplicate = Assert.Single(result.FirstFindings);
        Assert.Equal(("D01", 4), (duplicate.Code, duplicate.Regel));
        Assert.Equal("JH_AMBULANT", store.Scalar<string>("SELECT zorgvorm FROM trajectory WHERE bron_traject_id = 'T1'"));
    }
}
