using Zicht.Ingest;
using Zicht.Storage;
using Zicht.Tests.Support;

namespace Zicht.Tests.Ingest;

/// <summary>
/// After an ingest only the derived rows of the youths whose trajectories changed are rebuilt. Two stores get the
/// same deliveries one by one: one derives incrementally (as ingest does), the other rebuilds every derived table in
/// full; their derived tables must be equal in every column after every delivery.
/// </summary>
public class IncrementalDeriveTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);
    private static readonly string[] DerivedTables = ["episode", "youth_fact", "youth_gemeente", "placement", "youth_period"];

    // Youths (by the test BSN number): 1 gets care that adjoins an episode; 2 gets a placement between two others;
    // 3 moves municipality; 4 gets another birth month and gender; 5's trajectory is delivered again under youth 6
    // (a corrected BSN); 7 is new; 8's care stays open and untouched; 9 is not touched after the first delivery.
    private static Fixture FirstDelivery() => new Fixture()
        .Add(Fixture.Row(1, ("bron_traject_id", "A1"), ("aanmelddatum", ""), ("startdatum", "2023-01-01"), ("einddatum", "2023-03-31")))
        .Add(Fixture.Row(2, ("bron_traject_id", "P1"), ("zorgvorm", "JV_PLEEGZORG"), ("aanmelddatum", ""), ("startdatum", "2022-01-01"), ("einddatum", "2022-06-30")))
        .Add(Fixture.Row(2, ("bron_traject_id", "P3"), ("zorgvorm", "JV_GEZINSHUIS"), ("aanbieder_agb", "33333333"), ("aanmelddatum", ""), ("startdatum", "2022-09-01"), ("einddatum", ""), ("reden_einde", "")))
        .Add(Fixture.Row(3, ("bron_traject_id", "M1"), ("aanmelddatum", ""), ("startdatum", "2023-01-01"), ("einddatum", "2023-05-31")))
        .Add(Fixture.Row(4, ("bron_traject_id", "F1"), ("geboortedatum", "2012-05-17"), ("geslacht", "V"), ("aanmelddatum", ""), ("startdatum", "2023-01-01"), ("einddatum", "2023-02-28")))
        .Add(Fixture.Row(5, ("bron_traject_id", "S1"), ("zorgvorm", "JH_DAGHULP"), ("aanmelddatum", ""), ("startdatum", "2023-02-01"), ("einddatum", ""), ("reden_einde", "")))
        .Add(Fixture.Row(6, ("bron_traject_id", "S0"), ("aanmelddatum", ""), ("startdatum", "2022-03-01"), ("einddatum", "2022-04-30")))
        .Add(Fixture.Row(8, ("bron_traject_id", "O1"), ("aanmelddatum", ""), ("startdatum", "2022-10-01"), ("einddatum", ""), ("reden_einde", "")))
        .Add(Fixture.Row(9, ("bron_traject_id", "U1"), ("aanmelddatum", ""), ("startdatum", "2022-01-01"), ("einddatum", "2022-03-31")))
        .Add(Fixture.Row(9, ("bron_traject_id", "U2"), ("aanmelddatum", ""), ("startdatum", "2022-03-15"), ("einddatum", "2022-05-31")));

    private static Fixture SecondDelivery() => new Fixture()
        .Add(Fixture.Row(1, ("bron_traject_id", "A2"), ("aanmelddatum", ""), ("startdatum", "2023-04-01"), ("einddatum", "2023-06-30"), ("reden_einde", "02")))
        .Add(Fixture.Row(2, ("bron_traject_id", "P2"), ("zorgvorm", "JV_RESIDENTIEEL"), ("aanbieder_agb", "22222222"), ("aanmelddatum", ""), ("startdatum", "2022-07-10"), ("einddatum", "2022-08-20")))
        .Add(Fixture.Row(3, ("bron_traject_id", "M2"), ("gemeentecode", "GM0034"), ("zorgvorm", "JH_DAGHULP"), ("aanmelddatum", ""), ("startdatum", "2023-06-01"), ("einddatum", "")))
        .Add(Fixture.Row(4, ("bron_traject_id", "F2"), ("geboortedatum", "2012-08-03"), ("geslacht", "M"), ("aanmelddatum", ""), ("startdatum", "2023-03-01"), ("einddatum", "")))
        .Add(Fixture.Row(6, ("bron_traject_id", "S1"), ("zorgvorm", "JH_DAGHULP"), ("aanmelddatum", ""), ("startdatum", "2023-02-01"), ("einddatum", "2023-04-30")))
        .Add(Fixture.Row(7, ("bron_traject_id", "N1"), ("aanmelddatum", ""), ("startdatum", "2023-05-01"), ("einddatum", "")));

    // Updates of trajectories already stored: youth 1's A2 ends earlier, with another reason; youth 7's N1 ends.
    private static Fixture ThirdDelivery() => new Fixture()
        .Add(Fixture.Row(1, ("bron_traject_id", "A2"), ("aanmelddatum", ""), ("startdatum", "2023-04-01"), ("einddatum", "2023-05-15"), ("reden_einde", "03")))
        .Add(Fixture.Row(7, ("bron_traject_id", "N1"), ("aanmelddatum", ""), ("startdatum", "2023-05-01"), ("einddatum", "2023-06-15")));

    [Fact]
    public void Deliveries_one_by_one_derive_the_same_rows_as_a_full_rebuild()
    {
        using var pair = new StorePair();

        var first = pair.Deliver(FirstDelivery(), "D1");
        Assert.Equal("afgeleide tabellen ontbreken", first.FullRebuildReason);
        pair.AssertSameAsFullRebuild();
        var incremental = pair.Incremental;
        // Hand-worked, before the second delivery: youth 2's P3 starts 63 days after P1 ended (2022-06-30 + 63 =
        // 2022-09-01), so it is a new uithuisplaatsing.
        Assert.Equal("1:JV_PLEEGZORG:true:- 2:JV_GEZINSHUIS:true:63", Placements(incremental, "P1"));
        // Youth 8's open care runs on to the data end, the latest start (S1, 2023-02-01).
        Assert.Equal("2022 2022Q4 2023 2023Q1", Periods(incremental, "O1"));
        var youth5 = YouthOf(incremental, "S1");

        var second = pair.Deliver(SecondDelivery(), "D2");
        // youths 1, 2, 3, 4, 6, 7 delivered; youth 5 only through the row of S1 that was superseded
        Assert.Null(second.FullRebuildReason);
        Assert.Equal(7L, second.YouthsDerived);
        pair.AssertSameAsFullRebuild();

        // Hand-worked: youth 1's A2 starts the day after A1 ends: one episode, 2023-01-01..2023-06-30, reden 02 of A2,
        // with the id of A1 (delivery 1, line 2 of the file: 1 * 2^32 + 2).
        Assert.Equal($"{4294967296L + 2}|2023-01-01|2023-06-30|02|2", incremental.Scalar<string>($"""
            SELECT string_agg(episode_id || '|' || startdatum || '|' || einddatum || '|' || reden_einde || '|' || n_trajecten, ', ')
            FROM episode WHERE youth_id = {YouthOf(incremental, "A1")}
            """));
        // P2 (2022-07-10..08-20) starts 10 days after P1 ends: a doorplaatsing; P3 now starts 12 days after P2 ends,
        // so it is no longer an uithuisplaatsing but a doorplaatsing, and the third placement.
        Assert.Equal("1:JV_PLEEGZORG:true:- 2:JV_RESIDENTIEEL:false:10 3:JV_GEZINSHUIS:false:12", Placements(incremental, "P1"));
        // Youth 3 moved to Almere (GM0034) on 2023-06-01.
        Assert.Equal("GM0014 2023-01-01..2023-05-31, GM0034 2023-06-01..open", incremental.Scalar<string>($"""
            SELECT string_agg(gemeentecode_actueel || ' ' || geldig_van || '..' || coalesce(geldig_tot::VARCHAR, 'open'), ', ' ORDER BY geldig_van)
            FROM youth_gemeente WHERE youth_id = {YouthOf(incremental, "M1")}
            """));
        // Youth 4: the latest start (F2) gives birth month and gender.
        Assert.Equal("2012-08-01 M", incremental.Scalar<string>($"SELECT geboortemaand || ' ' || geslacht FROM youth_fact WHERE youth_id = {YouthOf(incremental, "F1")}"));
        // The data end moved to 2023-06-01 (M2): youth 8's open care, though not delivered again, runs on into 2023Q2.
        Assert.Equal("2022 2022Q4 2023 2023Q1 2023Q2", Periods(incremental, "O1"));
        // Youth 5 has no trajectory left: no facts, episodes or periods.
        foreach (var table in new[] { "episode", "youth_fact", "youth_gemeente", "youth_period" })
            Assert.Equal(0L, incremental.Scalar<long>($"SELECT count(*) FROM {table} WHERE youth_id = {youth5}"));

        var third = pair.Deliver(ThirdDelivery(), "D3");
        Assert.Null(third.FullRebuildReason);
        Assert.Equal(2L, third.YouthsDerived);
        pair.AssertSameAsFullRebuild();
    }

    [Fact]
    public void Rows_of_youths_whose_trajectories_did_not_change_are_left_alone()
    {
        using var pair = new StorePair();
        pair.Deliver(FirstDelivery(), "D1");
        var untouched = YouthOf(pair.Incremental, "U1");
        // A mark on a row no delivery touches: an incremental derive must leave it, a full rebuild would remove it.
        pair.Incremental.Execute($"UPDATE episode SET n_trajecten = 99 WHERE youth_id = {untouched}");

        var second = pair.Deliver(SecondDelivery(), "D2");

        Assert.False(second.Full);
        Assert.Equal(99L, pair.Incremental.Scalar<long>($"SELECT max(n_trajecten) FROM episode WHERE youth_id = {untouched}"));
    }

    // D2 again under the same leverancier and periode, with only youths 1 and 3: it replaces D2 whole.
    private static Fixture CorrectedSecondDelivery() => new Fixture()
        .Add(Fixture.Row(1, ("bron_traject_id", "A2"), ("aanmelddatum", ""), ("startdatum", "2023-04-01"), ("einddatum", "2023-06-30"), ("reden_einde", "02")))
        .Add(Fixture.Row(3, ("bron_traject_id", "M2"), ("gemeentecode", "GM0034"), ("zorgvorm", "JH_DAGHULP"), ("aanmelddatum", ""), ("startdatum", "2023-06-01"), ("einddatum", "")));

    [Fact]
    public void A_correction_that_replaces_a_delivery_derives_the_youths_of_the_rows_it_removed_and_brought_back()
    {
        using var pair = new StorePair();
        pair.Deliver(FirstDelivery(), "D1");
        var youth5 = YouthOf(pair.Incremental, "S1");
        pair.Deliver(SecondDelivery(), "D2");
        var youth7 = YouthOf(pair.Incremental, "N1");

        var result = pair.Deliver(CorrectedSecondDelivery(), "D2");

        // D2's rows leave (youths 1, 2, 3, 4, 6, 7), D1's S1 comes back to youth 5, the correction brings 1 and 3: 7 youths
        Assert.Null(result.FullRebuildReason);
        Assert.Equal(7L, result.YouthsDerived);
        pair.AssertSameAsFullRebuild();
        // youth 5 has its open daghulp back; youth 7, delivered only in the replaced D2, is gone
        Assert.Equal("JH_DAGHULP open", pair.Incremental.Scalar<string>($"SELECT zorgvorm || ' ' || coalesce(einddatum::VARCHAR, 'open') FROM episode WHERE youth_id = {youth5}"));
        Assert.Equal(0L, pair.Incremental.Scalar<long>($"SELECT count(*) FROM youth_fact WHERE youth_id = {youth7}"));
        Assert.Equal(8L, pair.Incremental.Scalar<long>("SELECT count(*) FROM youth_fact"));   // 1, 2, 3, 4, 5, 6, 8 and 9
    }

    [Fact]
    public void A_correction_without_a_record_of_its_youths_rebuilds_everything()
    {
        using var pair = new StorePair();
        pair.Deliver(FirstDelivery(), "D1");
        pair.Deliver(SecondDelivery(), "D2");
        pair.MarkUntouchedYouth();
        // as an earlier Zicht leaves a correction: replaced, without a record of whose rows changed
        pair.Deliver(CorrectedSecondDelivery(), "D2", derive: false);
        pair.Incremental.Execute("DELETE FROM replaced_trajectory_youth");

        var result = pair.Deliver(ThirdDelivery(), "D3");

        Assert.Equal("correctie zonder vastgelegde jeugdigen", result.FullRebuildReason);
        pair.AssertMarkGone();
        pair.AssertSameAsFullRebuild();
    }

    public static TheoryData<string> StatesThatAreNotKnown => new()
    {
        "tables missing", "no record", "derive sql changed", "reference data changed", "record does not fit the deliveries",
    };

    [Theory]
    [MemberData(nameof(StatesThatAreNotKnown))]
    public void A_store_whose_derived_tables_are_not_known_to_be_the_deliveries_of_the_record_rebuilds_everything(string state)
    {
        using var pair = new StorePair();
        pair.Deliver(FirstDelivery(), "D1");
        pair.MarkUntouchedYouth();
        var store = pair.Incremental;
        var expected = state switch
        {
            "tables missing" => Do(() => store.Execute("DROP TABLE youth_gemeente"), "afgeleide tabellen ontbreken"),
            "no record" => Do(() => store.Execute("DELETE FROM store_meta WHERE key = 'derived_through_delivery'"), "onbekend waaruit de afgeleide tabellen zijn gemaakt"),
            // as left by a Zicht with other derive rules
            "derive sql changed" => Do(() => store.SetMeta("derived_sql", "0000"), "afleidregels gewijzigd"),
            // a municipality moves to another youth-care region, in both stores
            "reference data changed" => Do(() =>
            {
                foreach (var each in new[] { pair.Incremental, pair.Full })
                    each.Execute("UPDATE ref_gemeente SET jeugdregiocode = 'JZ02' WHERE gemeentecode = 'GM0014'");
            }, "referentiegegevens gewijzigd"),
            "record does not fit the deliveries" => Do(() => store.SetMeta("derived_deliveries", "1:5:1"), "afgeleide tabellen passen niet bij de leveringen"),
            _ => throw new ArgumentException(state),
        };

        var result = pair.Deliver(SecondDelivery(), "D2");

        Assert.Equal(expected, result.FullRebuildReason);
        pair.AssertMarkGone();
        pair.AssertSameAsFullRebuild();
        if (state == "reference data changed")
            Assert.Equal("JZ02", store.Scalar<string>($"SELECT min(jeugdregiocode) FROM episode WHERE gemeentecode_actueel = 'GM0014'"));
    }

    [Fact]
    public void Deliveries_ingested_without_derive_are_derived_by_the_next_ingest()
    {
        using var pair = new StorePair();
        pair.Deliver(FirstDelivery(), "D1");
        // batches: the second delivery without a derive (as an interrupted run leaves it), the third with one
        pair.Deliver(SecondDelivery(), "D2", derive: false);
        Assert.False(pair.Incremental.DerivedTablesAreCurrent());

        var third = pair.Deliver(ThirdDelivery(), "D3");

        Assert.Null(third.FullRebuildReason);
        Assert.Equal(7L, third.YouthsDerived);
        pair.AssertSameAsFullRebuild();
        Assert.True(pair.Incremental.DerivedTablesAreCurrent());
    }

    private static string Do(Action action, string reason)
    {
        action();
        return reason;
    }

    private static long YouthOf(ZichtStore store, string bronTrajectId) =>
        store.Scalar<long>($"SELECT youth_id FROM trajectory WHERE bron_traject_id = '{bronTrajectId}'");

    /// <summary>The periods (years and quarters) in which the youth of a trajectory was in care.</summary>
    private static string? Periods(ZichtStore store, string bronTrajectId) =>
        store.Scalar<string>($"SELECT string_agg(periode, ' ' ORDER BY periode_nr) FROM youth_period WHERE youth_id = {YouthOf(store, bronTrajectId)}");

    /// <summary>The placements of the youth of a trajectory: number, zorgvorm, uithuisplaatsing, days since the previous one.</summary>
    private static string? Placements(ZichtStore store, string bronTrajectId) => store.Scalar<string>($"""
        SELECT string_agg(plaatsing_nr || ':' || zorgvorm || ':' || is_uithuisplaatsing || ':' || coalesce(dagen_na_vorige_plaatsing::VARCHAR, '-'), ' ' ORDER BY plaatsing_nr)
        FROM placement WHERE youth_id = {YouthOf(store, bronTrajectId)}
        """);

    /// <summary>Two stores fed the same files in the same order (so the same youth and delivery ids).</summary>
    private sealed class StorePair : IDisposable
    {
        private readonly TempStore _incrementalTemp = new();
        private readonly TempStore _fullTemp = new();
        private long _markedYouth;
        public ZichtStore Incremental { get; }
        public ZichtStore Full { get; }

        public StorePair()
        {
            Incremental = _incrementalTemp.Open();
            Full = _fullTemp.Open();
        }

        /// <summary>Ingests into both; the first store derives as ingest does, the second rebuilds in full.</summary>
        public DeriveResult Deliver(Fixture fixture, string periode, bool derive = true)
        {
            var path = _incrementalTemp.WriteFile(periode + "-" + Guid.NewGuid().ToString("N")[..6] + ".csv", fixture.ToString());
            var options = new IngestOptions { Today = Today, Periode = periode, Derive = derive };
            var service = new IngestService(Incremental, options);
            Assert.All(service.Ingest([path]), r => Assert.Equal((DeliveryOutcome.Opgeslagen, 0L), (r.Outcome, r.RowsRejected)));
            Assert.All(new IngestService(Full, options with { Derive = false }).Ingest([path]), r => Assert.Equal(0L, r.RowsRejected));
            Full.RebuildDerivedTables();
            return derive ? service.LastDerive! : new DeriveResult(null, 0, TimeSpan.Zero);
        }

        public void MarkUntouchedYouth()
        {
            _markedYouth = YouthOf(Incremental, "U1");
            Incremental.Execute($"UPDATE episode SET n_trajecten = 99 WHERE youth_id = {_markedYouth}");
        }

        public void AssertMarkGone() =>
            Assert.Equal(0L, Incremental.Scalar<long>($"SELECT count(*) FROM episode WHERE youth_id = {_markedYouth} AND n_trajecten = 99"));

        public void AssertSameAsFullRebuild()
        {
            Full.Execute("CHECKPOINT");
            Incremental.Execute($"ATTACH '{_fullTemp.Location.DatabasePath}' AS full_rebuild (READ_ONLY)");
            try
            {
                // the same trajectories in both, else the comparison says nothing
                Assert.Equal(0L, Incremental.Scalar<long>("SELECT count(*) FROM (SELECT * FROM trajectory EXCEPT ALL SELECT * FROM full_rebuild.trajectory)"));
                foreach (var table in DerivedTables)
                {
                    Assert.True(Incremental.Scalar<long>($"SELECT count(*) FROM {table}") > 0, $"{table} is empty");
                    Assert.Equal(Incremental.Scalar<long>($"SELECT count(*) FROM full_rebuild.{table}"), Incremental.Scalar<long>($"SELECT count(*) FROM {table}"));
                    var onlyIncremental = Incremental.Scalar<string>($"SELECT string_agg(CAST(r AS VARCHAR), ' | ') FROM (SELECT * FROM {table} EXCEPT ALL SELECT * FROM full_rebuild.{table}) AS r");
                    var onlyFull = Incremental.Scalar<string>($"SELECT string_agg(CAST(r AS VARCHAR), ' | ') FROM (SELECT * FROM full_rebuild.{table} EXCEPT ALL SELECT * FROM {table}) AS r");
                    Assert.True(onlyIncremental is null && onlyFull is null, $"{table}: only incremental: {onlyIncremental}; only full: {onlyFull}");
                }
            }
            finally
            {
                Incremental.Execute("DETACH full_rebuild");
            }
        }

        public void Dispose()
        {
            Incremental.Dispose();
            Full.Dispose();
            _incrementalTemp.Dispose();
            _fullTemp.Dispose();
        }
    }
}
