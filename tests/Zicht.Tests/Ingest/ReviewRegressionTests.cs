using System.Text;
using Zicht.Ingest;
using Zicht.Tests.Support;

namespace Zicht.Tests.Ingest;

/// <summary>Cases found in review: data loss on corrections, BSNs outside the bsn column, NULLs in merged episodes, moves.</summary>
public class ReviewRegressionTests
{
    private static readonly IngestOptions Options = new() { Today = new DateOnly(2025, 6, 30) };

    [Fact]
    public void A_correction_in_which_every_row_is_rejected_replaces_nothing()
    {
        using var temp = new TempStore();
        var good = temp.WriteFile("v1.csv", new Fixture().Add(Fixture.Row(1)).Add(Fixture.Row(2)).ToString());
        var bad = temp.WriteFile("v2.csv", new Fixture().Add(Fixture.Row(1, ("startdatum", "01-02-2023"))).Add(Fixture.Row(2, ("startdatum", "01-02-2023"))).ToString());
        using var store = temp.Open();
        var service = new IngestService(store, Options with { Leverancier = "12345678", Periode = "2023" });

        service.Ingest([good]);
        var result = service.Ingest([bad]).Single();

        Assert.Equal(DeliveryOutcome.Afgewezen, result.Outcome);
        Assert.Equal("F10", result.FileProblem!.Code);
        Assert.Equal(2L, store.Scalar<long>("SELECT count(*) FROM trajectory"));
        Assert.Equal("actief", store.Scalar<string>("SELECT status FROM delivery WHERE delivery_id = 1"));
        Assert.Equal("afgewezen", store.Scalar<string>("SELECT status FROM delivery WHERE delivery_id = 2"));
        Assert.Equal(2L, store.Scalar<long>("SELECT count(*) FROM finding WHERE delivery_id = 2 AND code = 'V07'"));   // the report is kept
    }

    [Fact]
    public void Replacing_the_delivery_that_superseded_a_trajectory_brings_the_older_version_back()
    {
        using var temp = new TempStore();
        // 2023: T1 running, T2.  2024a: T1 ended, T3 (supersedes T1).  2024b corrects 2024a without T1.
        // T1 must not vanish: the 2023 version (running) is current again.
        var y2023 = temp.WriteFile("2023.csv", new Fixture().Add(Fixture.Row(1, ("einddatum", ""), ("reden_einde", ""))).Add(Fixture.Row(2)).ToString());
        var y2024a = temp.WriteFile("2024a.csv", new Fixture().Add(Fixture.Row(1, ("einddatum", "2024-03-31"))).Add(Fixture.Row(3)).ToString());
        var y2024b = temp.WriteFile("2024b.csv", new Fixture().Add(Fixture.Row(3, ("zorgvorm", "JH_DAGHULP"))).ToString());
        using var store = temp.Open();

        new IngestService(store, Options with { Periode = "2023" }).Ingest([y2023]);
        new IngestService(store, Options with { Periode = "2024" }).Ingest([y2024a]);
        Assert.Equal(new DateOnly(2024, 3, 31), store.Scalar<DateOnly>("SELECT einddatum FROM trajectory WHERE bron_traject_id = 'T1'"));
        var correction = new IngestService(store, Options with { Periode = "2024" }).Ingest([y2024b]).Single();

        Assert.Equal(2, correction.ReplacedDeliveryId);
        // T1 back from delivery 1 (running), T2 of delivery 1, T3 of the correction (delivery 3); ends from Fixture.Row.
        Assert.Equal("T1:1:-, T2:1:2023-08-31, T3:3:2023-08-31", store.Scalar<string>("""
            SELECT string_agg(bron_traject_id || ':' || delivery_id || ':' || coalesce(einddatum::VARCHAR, '-'), ', ' ORDER BY bron_traject_id)
            FROM trajectory
            """));
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM trajectory_superseded"));

        // Ingesting the replaced file again does not bring its data back.
        var again = new IngestService(store, Options with { Periode = "2024" }).Ingest([y2024a]).Single();
        Assert.Equal(DeliveryOutcome.AlAanwezig, again.Outcome);
        Assert.Equal(3, again.ReplacedDeliveryId);
        Assert.Equal(3L, store.Scalar<long>("SELECT count(*) FROM trajectory"));
    }

    [Fact]
    public void The_rows_own_bsn_in_another_column_is_rejected_and_no_bsn_is_ever_shown()
    {
        using var temp = new TempStore();
        // Rows 1-3 carry their own BSN (Fixture.Row(n) has TestBsn(n)) in another column: V30. Row 4 has it as its
        // gemeentecode: V09, with the value masked. Row 5 has a 9-digit id that is not its BSN: fine.
        var path = temp.WriteFile("lek.csv", new Fixture()
            .Add(Fixture.Row(1, ("bron_traject_id", "BSN" + Fixture.TestBsn(1))))
            .Add(Fixture.Row(2, ("aanbieder_naam", $"Zorg voor {Fixture.TestBsn(2)}")))
            .Add(Fixture.Row(3, ("productcode", Fixture.TestBsn(3))))
            .Add(Fixture.Row(4, ("gemeentecode", Fixture.TestBsn(4))))
            .Add(Fixture.Row(5, ("bron_traject_id", Fixture.TestBsn(6))))
            .ToString());
        using var store = temp.Open();
        var result = new IngestService(store, Options).Ingest([path]).Single();

        Assert.Equal((5L, 1L, 4L), (result.RowsRead, result.RowsAccepted, result.RowsRejected));
        Assert.Equal(["V30:2:bron_traject_id", "V30:3:aanbieder_naam", "V30:4:productcode", "V09:5:gemeentecode"],
            result.FirstFindings.Select(f => $"{f.Code}:{f.Regel}:{f.Kolom}"));
        foreach (var n in Enumerable.Range(1, 4))
        {
            Assert.All(result.FirstFindings, f => Assert.DoesNotContain(Fixture.TestBsn(n), f.Waarde ?? ""));
            Assert.Equal(0L, store.Scalar<long>($"SELECT count(*) FROM finding WHERE waarde LIKE '%{Fixture.TestBsn(n)}%'"));
            Assert.Equal(0L, store.Scalar<long>($"SELECT count(*) FROM aanbieder WHERE aanbieder_naam LIKE '%{Fixture.TestBsn(n)}%'"));
        }
    }

    [Fact]
    public void A_file_without_header_never_shows_its_first_line()
    {
        using var temp = new TempStore();
        var row = string.Join(";", Fixture.Row(1).Values);
        var path = temp.WriteFile("geen-kop.csv", row + "\n" + row + "\n");
        using var store = temp.Open();
        var result = new IngestService(store, Options).Ingest([path]).Single();
        Assert.Equal(DeliveryOutcome.Afgewezen, result.Outcome);
        Assert.Null(result.FileProblem!.Waarde);
    }

    [Fact]
    public void One_byte_file_fails_alone_and_the_next_file_is_still_ingested()
    {
        using var temp = new TempStore();
        var tiny = temp.WriteFile("x.csv", "x");
        var good = temp.WriteFile("goed.csv", new Fixture().Add(Fixture.Row(1)).ToString());
        using var store = temp.Open();
        var results = new IngestService(store, Options).Ingest([tiny, good]);
        Assert.Equal([DeliveryOutcome.Afgewezen, DeliveryOutcome.Opgeslagen], results.Select(r => r.Outcome));
        Assert.True(store.DerivedTablesAreCurrent());
    }

    [Fact]
    public void Lower_case_codes_are_accepted_and_stored_in_their_canonical_form()
    {
        using var temp = new TempStore();
        var path = temp.WriteFile("klein.csv", new Fixture().Add(Fixture.Row(1, ("zorgvorm", "jh_ambulant"), ("gemeentecode", "gm0014"), ("geslacht", "v"), ("tevredenheid", "j"))).ToString());
        using var store = temp.Open();
        var result = new IngestService(store, Options).Ingest([path]).Single();
        Assert.Equal(1, result.RowsAccepted);
        Assert.Equal("JH_AMBULANT GM0014 V J", store.Scalar<string>("SELECT zorgvorm || ' ' || gemeentecode || ' ' || geslacht || ' ' || tevredenheid FROM trajectory"));
    }

    [Fact]
    public void Signed_date_parts_are_not_dates()
    {
        using var temp = new TempStore();
        var path = temp.WriteFile("datum.csv", new Fixture().Add(Fixture.Row(1, ("startdatum", "2023-+2-01"))).ToString());
        using var store = temp.Open();
        Assert.Equal("V07", new IngestService(store, Options).Ingest([path]).Single().FirstFindings.Single().Code);
    }

    [Fact]
    public void Another_pseudonym_key_is_refused_for_a_filled_store()
    {
        using var temp = new TempStore();
        var path = temp.WriteFile("a.csv", new Fixture().Add(Fixture.Row(1)).ToString());
        using (var store = temp.Open()) new IngestService(store, Options).Ingest([path]);
        File.WriteAllText(temp.Location.KeyPath, new string('1', 64));
        var other = temp.WriteFile("b.csv", new Fixture().Add(Fixture.Row(2)).ToString());
        using (var store = temp.Open())
        {
            var result = new IngestService(store, Options).Ingest([other]).Single();
            Assert.Equal("F11", result.FileProblem!.Code);
            Assert.Equal(1L, store.Scalar<long>("SELECT count(*) FROM trajectory"));
        }
    }

    [Fact]
    public void Merged_episode_takes_values_from_the_first_and_last_trajectory_even_when_empty()
    {
        using var temp = new TempStore();
        // A 2023-01-01..2023-03-31, no aanmelddatum, tevredenheid J; B 2023-04-01..2023-06-30 (adjoining), aanmelddatum
        // 2023-03-20, no tevredenheid. The episode's aanmelddatum is A's (empty: no waiting time, never a negative one),
        // its tevredenheid B's (empty: not measured).
        var fixture = new Fixture()
            .Add(Fixture.Row(1, ("bron_traject_id", "A"), ("aanmelddatum", ""), ("startdatum", "2023-01-01"), ("einddatum", "2023-03-31"), ("tevredenheid", "J")))
            .Add(Fixture.Row(1, ("bron_traject_id", "B"), ("aanmelddatum", "2023-03-20"), ("startdatum", "2023-04-01"), ("einddatum", "2023-06-30"), ("tevredenheid", "")));
        var path = temp.WriteFile("null.csv", fixture.ToString());
        using var store = temp.Open();
        new IngestService(store, Options).Ingest([path]);
        Assert.Equal("2023-01-01|2023-06-30|-|-|2", store.Scalar<string>(
            "SELECT startdatum || '|' || einddatum || '|' || coalesce(aanmelddatum::VARCHAR, '-') || '|' || coalesce(tevredenheid::VARCHAR, '-') || '|' || n_trajecten FROM episode"));
    }

    [Fact]
    public void Local_team_care_of_two_municipalities_and_a_move_during_care_stay_apart()
    {
        using var temp = new TempStore();
        // Wijkteam Groningen 2023-01-01..2023-05-31, then wijkteam Almere 2023-06-01..2023-12-31 (adjoining, both
        // without AGB): two episodes, and the youth moved on 2023-06-01.
        var fixture = new Fixture()
            .Add(Fixture.Row(1, ("bron", "GM0014"), ("bron_traject_id", "W1"), ("zorgvorm", "JH_WIJKTEAM"), ("aanbieder_agb", ""), ("verwijzer", "01"), ("aanmelddatum", ""), ("startdatum", "2023-01-01"), ("einddatum", "2023-05-31")))
            .Add(Fixture.Row(1, ("bron", "GM0034"), ("bron_traject_id", "W2"), ("zorgvorm", "JH_WIJKTEAM"), ("aanbieder_agb", ""), ("verwijzer", "01"), ("gemeentecode", "GM0034"), ("aanmelddatum", ""), ("startdatum", "2023-06-01"), ("einddatum", "2023-12-31")));
        var path = temp.WriteFile("wijk.csv", fixture.ToString());
        using var store = temp.Open();
        new IngestService(store, Options).Ingest([path]);
        Assert.Equal(2L, store.Scalar<long>("SELECT count(*) FROM episode"));
        Assert.Equal("GM0014 2023-01-01..2023-05-31, GM0034 2023-06-01..open", store.Scalar<string>("""
            SELECT string_agg(gemeentecode_actueel || ' ' || geldig_van || '..' || coalesce(geldig_tot::VARCHAR, 'open'), ', ' ORDER BY geldig_van)
            FROM youth_gemeente
            """));
    }

    [Fact]
    public void A_youth_only_on_a_rejected_duplicate_row_is_not_stored()
    {
        using var temp = new TempStore();
        // Line 3 repeats T1's id with another youth's BSN: rejected (D01), and that youth has no other row.
        var path = temp.WriteFile("dubbel.csv", new Fixture().Add(Fixture.Row(1)).Add(Fixture.Row(2, ("bron_traject_id", "T1"))).Add(Fixture.Row(3)).ToString());
        using var store = temp.Open();
        var result = new IngestService(store, Options).Ingest([path]).Single();
        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.RowsAccepted, result.RowsRejected));
        Assert.Equal(2L, store.Scalar<long>("SELECT count(*) FROM youth"));
        Assert.Equal(2L, store.Scalar<long>("SELECT count(DISTINCT youth_id) FROM trajectory"));

        // The same youth delivered later gets a youth row after all.
        var later = temp.WriteFile("later.csv", new Fixture().Add(Fixture.Row(2, ("bron_traject_id", "T9"))).ToString());
        new IngestService(store, Options).Ingest([later]);
        Assert.Equal(3L, store.Scalar<long>("SELECT count(*) FROM youth"));
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM trajectory ANTI JOIN youth USING (youth_id)"));
    }
}
