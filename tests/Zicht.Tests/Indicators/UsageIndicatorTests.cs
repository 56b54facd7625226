using Zicht.Tests.Support;

namespace Zicht.Tests.Indicators;

/// <summary>
/// Use of care per 1.000 and its shares, on one hand-made set. Groningen (GM0014, JZ01) has 46316
/// jeugdigen 0-17 in the reference data, Almere (GM0034, JZ08) 40743 (estimates, same every year).
/// </summary>
public class UsageIndicatorTests : IClassFixture<UsageIndicatorTests.Data>
{
    public sealed class Data : IDisposable
    {
        public IndicatorTestStore Store { get; }

        public Data()
        {
            static Dictionary<string, string> R(int youth, string id, string zorgvorm, string start, string end, params (string, string)[] more)
            {
                var overrides = new List<(string, string)>
                {
                    ("bron_traject_id", id), ("zorgvorm", zorgvorm), ("startdatum", start), ("einddatum", end),
                    ("reden_einde", end == "" ? "" : "01"), ("aanmelddatum", ""),
                };
                overrides.AddRange(more);
                return Fixture.Row(youth, overrides.ToArray());
            }
            var fixture = new Fixture()
                // Y1: ambulant across the year boundary -> counts in 2022 and in 2023 (Groningen)
                .Add(R(1, "Y1", "JH_AMBULANT", "2022-11-01", "2023-02-15"))
                // Y2: ambulant in Groningen from March, then moves: foster care in Almere from September (open-ended).
                //     2023 and 2023Q3: the latest start is in Almere -> Almere; 2023Q1: only Groningen care -> Groningen
                .Add(R(2, "Y2a", "JH_AMBULANT", "2023-03-01", ""))
                .Add(R(2, "Y2b", "JV_PLEEGZORG", "2023-09-01", "", ("gemeentecode", "GM0034"), ("aanbieder_agb", "22222222")))
                // Y3: a one-day OTS (same start and end day) -> jeugdbescherming, not jeugdhulp
                .Add(R(3, "Y3", "JB_OTS", "2023-05-01", "2023-05-01"))
                // Y4: jeugdreclassering only
                .Add(R(4, "Y4", "JR", "2023-06-01", "2024-01-31"))
                // Y5: born 2005-10, turns 18 in October 2023, in care all of 2023 -> 18+ on its last day in care (2023-12-31)
                .Add(R(5, "Y5", "JH_AMBULANT", "2023-01-01", "2023-12-31", ("geboortedatum", "2005-10-15")))
                // Y6: same-day transfer between two providers: two episodes, one youth
                .Add(R(6, "Y6a", "JH_AMBULANT", "2023-01-01", "2023-04-30"))
                .Add(R(6, "Y6b", "JH_AMBULANT", "2023-04-30", "2023-10-31", ("aanbieder_agb", "33333333")))
                // Y7: residential care in Groningen in 2023, by the local team's referral
                .Add(R(7, "Y7", "JV_RESIDENTIEEL", "2023-02-01", "2023-07-31", ("verwijzer", "01")))
                // Y8: local team only, 2024 (outside 2023)
                .Add(R(8, "Y8", "JH_WIJKTEAM", "2024-01-10", "2024-03-31", ("aanbieder_agb", "")));
            Store = new IndicatorTestStore(fixture);
        }

        public void Dispose() => Store.Dispose();
    }

    private readonly IndicatorTestStore _store;
    public UsageIndicatorTests(Data data) => _store = data.Store;

    [Fact]
    public void Jeugdhulp_per_1000_counts_distinct_youths_at_the_municipality_of_the_latest_start()
    {
        // Groningen 2023: Y1 (crosses the year), Y5, Y6 (two episodes, one youth), Y7 = 4; Y2 went to Almere,
        // Y3 and Y4 have no jeugdhulp. 4 / 46316 * 1000 = 0.08636...
        var groningen = _store.Cell("jeugdhulp_per_1000", "gemeente", "GM0014", "2023")!.Value;
        Assert.Equal(4, groningen.Teller);
        Assert.Equal(46316, groningen.Noemer);
        Assert.Equal(4 / 46316.0 * 1000, groningen.Waarde!.Value, 9);
        // Almere 2023: Y2 only
        Assert.Equal(1, _store.Cell("jeugdhulp_per_1000", "gemeente", "GM0034", "2023")!.Value.Teller);
        // 2022: only Y1 (started 2022-11-01)
        Assert.Equal(1, _store.Cell("jeugdhulp_per_1000", "gemeente", "GM0014", "2022")!.Value.Teller);
        // 2023Q1: Y1, Y2 (still Groningen: Almere care starts in Q3), Y5, Y6, Y7 = 5
        Assert.Equal(5, _store.Cell("jeugdhulp_per_1000", "gemeente", "GM0014", "2023Q1")!.Value.Teller);
        // 2023Q3: Y2 is in Almere now
        Assert.Equal(1, _store.Cell("jeugdhulp_per_1000", "gemeente", "GM0034", "2023Q3")!.Value.Teller);
        // The country counts each youth once: Y1, Y2, Y5, Y6, Y7 = 5 in 2023
        Assert.Equal(5, _store.Cell("jeugdhulp_per_1000", "land", "NL", "2023")!.Value.Teller);
        // The region JZ01 (Groningen) has Groningen's youths: 4
        Assert.Equal(4, _store.Cell("jeugdhulp_per_1000", "regio", "JZ01", "2023")!.Value.Teller);
    }

    [Fact]
    public void Verblijf_jeugdbescherming_and_jeugdreclassering_per_1000()
    {
        // verblijf 2023: Y7 in Groningen, Y2 in Almere
        Assert.Equal(1, _store.Cell("jeugdhulp_verblijf_per_1000", "gemeente", "GM0014", "2023")!.Value.Teller);
        Assert.Equal(1, _store.Cell("jeugdhulp_verblijf_per_1000", "gemeente", "GM0034", "2023")!.Value.Teller);
        // the one-day OTS counts (start = end = 2023-05-01 lies in 2023 and in 2023Q2)
        Assert.Equal(1, _store.Cell("jeugdbescherming_per_1000", "gemeente", "GM0014", "2023Q2")!.Value.Teller);
        Assert.Null(_store.Cell("jeugdbescherming_per_1000", "gemeente", "GM0014", "2023Q3"));
        // Y4's JR runs into 2024
        Assert.Equal(1, _store.Cell("jeugdreclassering_per_1000", "gemeente", "GM0014", "2024")!.Value.Teller);
        Assert.Equal(1000 / 46316.0, _store.Cell("jeugdreclassering_per_1000", "gemeente", "GM0014", "2024")!.Value.Waarde!.Value, 9);
    }

    [Fact]
    public void Aandeel_verblijf_and_lokaal_team()
    {
        // Groningen 2023: of Y1, Y5, Y6, Y7 only Y7 had verblijf: 1/4 = 25%
        var verblijf = _store.Cell("aandeel_verblijf", "gemeente", "GM0014", "2023")!.Value;
        Assert.Equal((1.0, 4.0, 25.0), (verblijf.Teller!.Value, verblijf.Noemer!.Value, verblijf.Waarde!.Value));
        // started jeugdhulp episodes in Groningen 2023: Y2a, Y5, Y6a, Y6b, Y7 = 5 (Y1 started in 2022, Y2b is Almere);
        // via the local team: Y7 (verwijzer 01) = 1 -> 20%
        var lokaal = _store.Cell("aandeel_lokaal_team", "gemeente", "GM0014", "2023")!.Value;
        Assert.Equal((1.0, 5.0, 20.0), (lokaal.Teller!.Value, lokaal.Noemer!.Value, lokaal.Waarde!.Value));
        // 2024: Y8's wijkteam start (no provider) -> 1/1
        Assert.Equal(100.0, _store.Cell("aandeel_lokaal_team", "gemeente", "GM0014", "2024")!.Value.Waarde);
        // provider 33333333 started Y6b only, referred by the GP -> 0/1
        Assert.Equal(0.0, _store.Cell("aandeel_lokaal_team", "aanbieder", "33333333", "2023")!.Value.Waarde);
    }

    [Fact]
    public void Verwijzers_mix_splits_starts_per_verwijzer()
    {
        // Groningen 2023 starts: Y2a, Y5, Y6a, Y6b by 02 (huisarts), Y7 by 01 -> 80% / 20%
        Assert.Equal(80.0, _store.Cell("verwijzers_mix", "gemeente", "GM0014", "2023", "02")!.Value.Waarde);
        Assert.Equal(20.0, _store.Cell("verwijzers_mix", "gemeente", "GM0014", "2023", "01")!.Value.Waarde);
        Assert.Equal(5.0, _store.Cell("verwijzers_mix", "gemeente", "GM0014", "2023", "01")!.Value.Noemer);
    }

    [Fact]
    public void Verlengde_jeugdhulp_counts_youths_who_turned_18_while_in_care()
    {
        // 2023 Groningen: Y5 is 18 on 2023-12-31 (born 2005-10), the others are 10-11 -> 1/4 = 25%
        Assert.Equal(25.0, _store.Cell("verlengde_jeugdhulp", "gemeente", "GM0014", "2023")!.Value.Waarde);
        // 2023Q1: Y5 is 17 on 2023-03-31 -> 0 of 5
        Assert.Equal(0.0, _store.Cell("verlengde_jeugdhulp", "gemeente", "GM0014", "2023Q1")!.Value.Waarde);
    }

    [Fact]
    public void Benchmark_text_compares_with_the_region_in_dutch_and_calls_small_differences_noise()
    {
        // Groningen is the only municipality with data in JZ01, so it equals its region
        Assert.Equal("Gelijk aan het regionale gemiddelde (25,0%)", _store.Text("aandeel_verblijf", "gemeente", "GM0014", "2023"));
        // the region JZ01 (25%, n = 4) against the country (Y2 in Almere has verblijf too: 2/5 = 40%): 40% lies in the
        // Wilson interval of 1/4, so the wording is neutral
        var text = _store.Text("aandeel_verblijf", "regio", "JZ01", "2023");
        Assert.StartsWith("Niet duidelijk anders dan het landelijke gemiddelde (25,0% tegen 40,0%)", text);
        Assert.Contains("Wilson", text);
    }

    [Fact]
    public void The_view_works_out_interval_change_and_previous_period_from_the_stored_numbers()
    {
        // JZ01 aandeel_verblijf 2023: 1 of 4. Wilson (z = 1.96, z2/n = 0.9604): centre (0.25 + 0.4802) / 1.9604 = 0.37248,
        // half width 1.96 * sqrt(0.25 * 0.75 / 4 + 3.8416 / 64) / 1.9604 = 0.32689 -> 4.56% .. 69.94%
        var store = _store.Store;
        var interval = store.Scalar<string>("""
            SELECT format('{:.2f}|{:.2f}|{}|{}', ci_laag, ci_hoog, periode_soort, vorige_periode) FROM indicator_value
            WHERE indicator_id = 'aandeel_verblijf' AND niveau = 'regio' AND gebied_code = 'JZ01' AND periode = '2023'
            """);
        Assert.Equal("4.56|69.94|jaar|2022", interval);
        // jeugdhulp in Groningen: 2022Q4 only Y1 -> 2023Q1 Y1, Y2a, Y5 (and the others of the fixture that start in Q1)
        var (teller, vorige, verandering, soort, vorigePeriode) = Read(store, """
            SELECT teller, vorige_waarde, verandering, periode_soort, vorige_periode FROM indicator_value
            WHERE indicator_id = 'jeugdhulp_per_1000' AND niveau = 'gemeente' AND gebied_code = 'GM0014' AND periode = '2023Q1'
            """);
        var previous = _store.Cell("jeugdhulp_per_1000", "gemeente", "GM0014", "2022Q4")!.Value;
        Assert.Equal(("kwartaal", "2022Q4"), (soort, vorigePeriode));
        Assert.Equal(previous.Waarde, vorige);
        Assert.Equal(_store.Cell("jeugdhulp_per_1000", "gemeente", "GM0014", "2023Q1")!.Value.Waarde - previous.Waarde, verandering);
        Assert.True(teller > previous.Teller);
        // within a year the previous quarter is the one before it
        Assert.Equal("2023Q2", store.Scalar<string>("SELECT any_value(vorige_periode) FROM indicator_value WHERE periode = '2023Q3'"));
        // the stored table keeps only what a compute works out; the view adds the rest
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'indicator_result' AND column_name IN ('ci_laag', 'benchmark_tekst', 'vorige_periode', 'eenheid')"));
    }

    private static (double Teller, double? Vorige, double? Verandering, string Soort, string VorigePeriode) Read(Zicht.Storage.ZichtStore store, string sql)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetDouble(0), reader.IsDBNull(1) ? null : reader.GetDouble(1), reader.IsDBNull(2) ? null : reader.GetDouble(2),
                reader.GetString(3), reader.GetString(4));
    }
}
