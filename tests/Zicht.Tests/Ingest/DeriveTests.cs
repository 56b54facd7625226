using Zicht.Ingest;
using Zicht.Tests.Support;

namespace Zicht.Tests.Ingest;

public class DeriveTests
{
    private static readonly IngestOptions Options = new() { Today = new DateOnly(2025, 6, 30) };

    [Fact]
    public void Merges_overlapping_and_adjoining_trajectories_of_the_same_care_as_cbs_does()
    {
        using var temp = new TempStore();
        // Youth 1, ambulant at provider 12345678:
        //   T1 2023-01-01..2023-03-31, T2 2023-04-01..2023-06-30 (adjoins: next day)  -> one episode
        //   T3 2023-06-15..2023-09-30 (overlaps T2)                                   -> same episode, ends 09-30 with reden 02
        //   T4 2023-10-05..open (gap of 4 days)                                         -> second episode, open
        // Youth 1, daghulp at the same provider, T5 2023-02-01..2023-02-28            -> own episode (other zorgvorm)
        // Youth 2, ambulant at another provider 87654321, T6 2023-01-01..2023-03-31   -> own episode
        var fixture = new Fixture()
            .Add(Fixture.Row(1, ("bron_traject_id", "T1"), ("aanmelddatum", "2022-12-01"), ("startdatum", "2023-01-01"), ("einddatum", "2023-03-31"), ("reden_einde", "01")))
            .Add(Fixture.Row(1, ("bron_traject_id", "T2"), ("aanmelddatum", ""), ("startdatum", "2023-04-01"), ("einddatum", "2023-06-30"), ("reden_einde", "01")))
            .Add(Fixture.Row(1, ("bron_traject_id", "T3"), ("aanmelddatum", ""), ("startdatum", "2023-06-15"), ("einddatum", "2023-09-30"), ("reden_einde", "02")))
            .Add(Fixture.Row(1, ("bron_traject_id", "T4"), ("aanmelddatum", ""), ("startdatum", "2023-10-05"), ("einddatum", ""), ("reden_einde", "")))
            .Add(Fixture.Row(1, ("bron_traject_id", "T5"), ("zorgvorm", "JH_DAGHULP"), ("aanmelddatum", ""), ("startdatum", "2023-02-01"), ("einddatum", "2023-02-28")))
            .Add(Fixture.Row(2, ("bron_traject_id", "T6"), ("aanbieder_agb", "87654321"), ("startdatum", "2023-01-01"), ("aanmelddatum", ""), ("einddatum", "2023-03-31")));
        var path = temp.WriteFile("a.csv", fixture.ToString());
        using var store = temp.Open();
        new IngestService(store, Options).Ingest([path]);

        Assert.Equal(4L, store.Scalar<long>("SELECT count(*) FROM episode"));
        var first = store.Scalar<string>("""
            SELECT startdatum || '|' || einddatum || '|' || reden_einde || '|' || n_trajecten || '|' || aanmelddatum
            FROM episode WHERE zorgvorm = 'JH_AMBULANT' AND startdatum = DATE '2023-01-01' AND aanbieder_agb = '12345678'
            """);
        Assert.Equal("2023-01-01|2023-09-30|02|3|2022-12-01", first);
        Assert.Equal(1L, store.Scalar<long>("SELECT count(*) FROM episode WHERE startdatum = DATE '2023-10-05' AND einddatum IS NULL AND reden_einde IS NULL"));
        Assert.Equal("GM0014", store.Scalar<string>("SELECT min(gemeentecode_actueel) FROM episode"));
        Assert.Equal("JZ01", store.Scalar<string>("SELECT min(jeugdregiocode) FROM episode"));
        Assert.True(store.DerivedTablesAreCurrent());
    }

    [Fact]
    public void Episodes_know_the_jeugdhulp_before_and_after_them()
    {
        using var temp = new TempStore();
        // One youth, six episodes (other zorgvorm or provider, so none merge), in the file in this order:
        //   A JH_AMBULANT 2022-01-01..2022-03-31
        //   B JH_DAGHULP  2022-03-31..2022-03-31   one day, starts on the day A ends
        //   C JH_AMBULANT 2022-03-31..2022-06-30   starts the same day as B (B has the lower id: earlier line)
        //   D JB_OTS      2022-07-15..2022-12-31   jeugdbescherming, not jeugdhulp (starts after C ends, ends last so far)
        //   E JH_AMBULANT 2023-02-01..open         crisis
        //   F JH_DAGHULP  2023-06-01..2023-06-10   crisis
        // vorige_jeugdhulp_eind: the latest end of jeugdhulp that started on an EARLIER day (a same-day start does not
        //   count): A none; B and C only A (03-31); D A, B, C (06-30); E the same (D, ending 12-31, is not jeugdhulp); F E,
        //   still open.
        // volgende_jeugdhulpstart: the first start of OTHER jeugdhulp on or after the end: A B/C on its end day (03-31);
        //   B C on its end day (03-31; B itself, which starts that day too, does not count); C E (2023-02-01: D, which
        //   starts first, is not jeugdhulp); D E; E open; F none.
        // jeugdhulpstart_twee_eerder: in the order A, B, C, E, F: C -> A, E -> B, F -> C; D is not jeugdhulp.
        // vorige_crisisstart: F -> E.
        (string Id, string Zorgvorm, string Agb, string Start, string Eind, string Crisis)[] care =
        [
            ("A", "JH_AMBULANT", "11111111", "2022-01-01", "2022-03-31", "0"),
            ("B", "JH_DAGHULP", "22222222", "2022-03-31", "2022-03-31", "0"),
            ("C", "JH_AMBULANT", "33333333", "2022-03-31", "2022-06-30", "0"),
            ("D", "JB_OTS", "44444444", "2022-07-15", "2022-12-31", "0"),
            ("E", "JH_AMBULANT", "55555555", "2023-02-01", "", "1"),
            ("F", "JH_DAGHULP", "66666666", "2023-06-01", "2023-06-10", "1"),
        ];
        var fixture = new Fixture();
        foreach (var c in care)
            fixture.Add(Fixture.Row(3, ("bron_traject_id", c.Id), ("zorgvorm", c.Zorgvorm), ("aanbieder_agb", c.Agb), ("aanmelddatum", ""),
                ("startdatum", c.Start), ("einddatum", c.Eind), ("reden_einde", c.Eind == "" ? "" : "01"), ("crisis", c.Crisis)));
        var path = temp.WriteFile("s.csv", fixture.ToString());
        using var store = temp.Open();
        new IngestService(store, Options).Ingest([path]);

        var rows = store.Scalar<string>("""
            SELECT string_agg(concat_ws('|', coalesce(CAST(vorige_jeugdhulp_eind AS VARCHAR), '-'), coalesce(CAST(volgende_jeugdhulpstart AS VARCHAR), '-'),
                                        coalesce(CAST(jeugdhulpstart_twee_eerder AS VARCHAR), '-'), coalesce(CAST(vorige_crisisstart AS VARCHAR), '-')),
                              ' ' ORDER BY episode_id)
            FROM episode
            """);
        Assert.Equal(string.Join(' ',
            "-|2022-03-31|-|-",                               // A
            "2022-03-31|2022-03-31|-|-",                      // B
            "2022-03-31|2023-02-01|2022-01-01|-",             // C
            "2022-06-30|2023-02-01|-|-",                      // D
            "2022-06-30|-|2022-03-31|-",                      // E
            "9999-12-31|-|2022-03-31|2023-02-01"), rows);     // F
    }

    [Fact]
    public void Youth_periods_know_whether_jeugdhulp_started_in_them()
    {
        using var temp = new TempStore();
        // One youth (the data end is the latest start, 2024-02-10):
        //   A JH_AMBULANT 2022-11-15..2023-01-20   jeugdhulp starting in 2022Q4, running into 2023Q1
        //   B JB_OTS      2023-05-01..2023-08-31   jeugdbescherming: a start, but not of jeugdhulp
        //   C JH_DAGHULP  2024-02-10..open         jeugdhulp starting in 2024Q1 (the data end)
        // heeft_jeugdhulpstart is true in the year and the quarter of a jeugdhulp start only: 2022, 2022Q4, 2024 and
        // 2024Q1; not in 2023 or 2023Q1 (A runs on, no start) or in 2023Q2 and 2023Q3 (only jeugdbescherming).
        var fixture = new Fixture()
            .Add(Fixture.Row(3, ("bron_traject_id", "A"), ("zorgvorm", "JH_AMBULANT"), ("aanbieder_agb", "11111111"), ("aanmelddatum", ""), ("startdatum", "2022-11-15"), ("einddatum", "2023-01-20")))
            .Add(Fixture.Row(3, ("bron_traject_id", "B"), ("zorgvorm", "JB_OTS"), ("aanbieder_agb", "22222222"), ("aanmelddatum", ""), ("startdatum", "2023-05-01"), ("einddatum", "2023-08-31")))
            .Add(Fixture.Row(3, ("bron_traject_id", "C"), ("zorgvorm", "JH_DAGHULP"), ("aanbieder_agb", "33333333"), ("aanmelddatum", ""), ("startdatum", "2024-02-10"), ("einddatum", ""), ("reden_einde", "")));
        var path = temp.WriteFile("s.csv", fixture.ToString());
        using var store = temp.Open();
        new IngestService(store, Options).Ingest([path]);

        Assert.Equal("2022:true 2022Q4:true 2023:false 2023Q1:false 2023Q2:false 2023Q3:false 2024:true 2024Q1:true",
            store.Scalar<string>("SELECT string_agg(periode || ':' || heeft_jeugdhulpstart, ' ' ORDER BY periode) FROM youth_period"));
    }

    [Fact]
    public void Numbers_placements_and_tells_uithuisplaatsing_from_doorplaatsing()
    {
        using var temp = new TempStore();
        // One youth: P1 pleegzorg 2022-01-01..2022-06-30; P2 residentieel at another provider 2022-07-20..2022-12-31
        // (20 days after P1: a doorplaatsing); P3 gezinshuis from 2023-03-01 (31 + 28 + 1 = 60 days after P2: more than
        // 30, so a new uithuisplaatsing).
        var fixture = new Fixture()
            .Add(Fixture.Row(7, ("bron_traject_id", "P1"), ("zorgvorm", "JV_PLEEGZORG"), ("aanmelddatum", ""), ("startdatum", "2022-01-01"), ("einddatum", "2022-06-30")))
            .Add(Fixture.Row(7, ("bron_traject_id", "P2"), ("zorgvorm", "JV_RESIDENTIEEL"), ("aanbieder_agb", "22222222"), ("aanmelddatum", ""), ("startdatum", "2022-07-20"), ("einddatum", "2022-12-31")))
            .Add(Fixture.Row(7, ("bron_traject_id", "P3"), ("zorgvorm", "JV_GEZINSHUIS"), ("aanbieder_agb", "33333333"), ("aanmelddatum", ""), ("startdatum", "2023-03-01"), ("einddatum", "")));
        var path = temp.WriteFile("p.csv", fixture.ToString());
        using var store = temp.Open();
        new IngestService(store, Options).Ingest([path]);

        var placements = store.Scalar<string>("""
            SELECT string_agg(plaatsing_nr || ':' || zorgvorm || ':' || is_uithuisplaatsing || ':' || coalesce(dagen_na_vorige_plaatsing::VARCHAR, '-'), ' ' ORDER BY plaatsing_nr)
            FROM placement
            """);
        Assert.Equal("1:JV_PLEEGZORG:true:- 2:JV_RESIDENTIEEL:false:20 3:JV_GEZINSHUIS:true:60", placements);
        Assert.Equal(1L, store.Scalar<long>("SELECT count(*) FROM youth_gemeente"));
    }

    [Fact]
    public void Responsible_municipality_per_period_follows_moves_and_mergers()
    {
        using var temp = new TempStore();
        // Youth 1: Groningen from 2023-01-01, Almere from 2023-06-01 (a move), Groningen again from 2024-02-01.
        //   -> GM0014 2023-01-01..2023-05-31, GM0034 2023-06-01..2024-01-31, GM0014 2024-02-01..open
        // Youth 2: Weesp (GM0457) in 2021, Amsterdam (GM0363) in 2023: Weesp joined Amsterdam in 2022, so on
        //   current boundaries this is no move -> one period GM0363 from 2021-03-01, open.
        var fixture = new Fixture()
            .Add(Fixture.Row(1, ("bron_traject_id", "A"), ("aanmelddatum", ""), ("startdatum", "2023-01-01"), ("einddatum", "2023-05-31")))
            .Add(Fixture.Row(1, ("bron_traject_id", "B"), ("aanmelddatum", ""), ("gemeentecode", "GM0034"), ("zorgvorm", "JH_DAGHULP"), ("startdatum", "2023-06-01"), ("einddatum", "2023-12-31")))
            .Add(Fixture.Row(1, ("bron_traject_id", "C"), ("aanmelddatum", ""), ("zorgvorm", "JH_WIJKTEAM"), ("aanbieder_agb", ""), ("verwijzer", "01"), ("startdatum", "2024-02-01"), ("einddatum", ""), ("reden_einde", "")))
            .Add(Fixture.Row(2, ("bron_traject_id", "D"), ("aanmelddatum", ""), ("gemeentecode", "GM0457"), ("startdatum", "2021-03-01"), ("einddatum", "2021-09-30")))
            .Add(Fixture.Row(2, ("bron_traject_id", "E"), ("aanmelddatum", ""), ("gemeentecode", "GM0363"), ("startdatum", "2023-03-01"), ("einddatum", "2023-09-30")));
        var path = temp.WriteFile("m.csv", fixture.ToString());
        using var store = temp.Open();
        new IngestService(store, Options).Ingest([path]);

        var periods = store.Scalar<string>("""
            SELECT string_agg(gemeentecode_actueel || ' ' || geldig_van || '..' || coalesce(geldig_tot::VARCHAR, 'open'), ', ' ORDER BY youth_id, geldig_van)
            FROM youth_gemeente
            """);
        Assert.Equal("GM0014 2023-01-01..2023-05-31, GM0034 2023-06-01..2024-01-31, GM0014 2024-02-01..open, GM0363 2021-03-01..open", periods);
        Assert.Equal("GM0457", store.Scalar<string>("SELECT gemeentecode FROM episode WHERE startdatum = DATE '2021-03-01'"));
    }
}
