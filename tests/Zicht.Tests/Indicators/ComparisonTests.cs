using Zicht.Tests.Support;

namespace Zicht.Tests.Indicators;

/// <summary>
/// The comparisons stored beside each value: the rank and percentile among municipalities (with ties and a municipality
/// without a value), the number of municipalities with a value, and the region's and country's value. One hand-made set:
/// eight youths, each with one jeugdhulp episode from 2023-03-01 to 2023-05-31.
///
///   youth  gemeente         crisis  tevredenheid
///   1-3    GM0014 (JZ01)    yes     J, N, not asked
///   4      GM0034 (JZ08)    yes     J
///   5      GM0037 (JZ01)    yes     N
///   6-7    GM0047 (JZ01)    yes     J, N
///   8      GM0050 (JZ12)    no      not asked
/// </summary>
public class ComparisonTests : IClassFixture<ComparisonTests.Data>
{
    public sealed class Data : IDisposable
    {
        public IndicatorTestStore Store { get; }

        public Data()
        {
            (int Youth, string Gemeente, string Crisis, string Tevredenheid)[] care =
            [
                (1, "GM0014", "1", "J"), (2, "GM0014", "1", "N"), (3, "GM0014", "1", ""),
                (4, "GM0034", "1", "J"),
                (5, "GM0037", "1", "N"),
                (6, "GM0047", "1", "J"), (7, "GM0047", "1", "N"),
                (8, "GM0050", "0", ""),
            ];
            var fixture = new Fixture();
            foreach (var c in care)
                fixture.Add(Fixture.Row(c.Youth, ("gemeentecode", c.Gemeente), ("crisis", c.Crisis), ("tevredenheid", c.Tevredenheid),
                    ("aanmelddatum", ""), ("startdatum", "2023-03-01"), ("einddatum", "2023-05-31")));
            Store = new IndicatorTestStore(fixture);
        }

        public void Dispose() => Store.Dispose();
    }

    private readonly IndicatorTestStore _store;
    public ComparisonTests(Data data) => _store = data.Store;

    /// <summary>Per municipality in 2023: "code:waarde:rang:percentiel:aantal_gemeenten", percentiel rounded to 2 decimals.</summary>
    private string Ranks(string indicator) => _store.Store.Scalar<string>($"""
        SELECT string_agg(concat_ws(':', gebied_code, coalesce(CAST(waarde AS VARCHAR), '-'), coalesce(CAST(rang AS VARCHAR), '-'),
                                    coalesce(CAST(round(percentiel, 2) AS VARCHAR), '-'), aantal_gemeenten), ' ' ORDER BY gebied_code)
        FROM indicator_value
        WHERE indicator_id = '{indicator}' AND niveau = 'gemeente' AND periode = '2023' AND categorie = 'totaal'
          AND gebied_code IN ('GM0014', 'GM0034', 'GM0037', 'GM0047', 'GM0050')
        """)!;

    /// <summary>The municipalities on current boundaries in the reference data: every one of them has a count, 0 too.</summary>
    private long Municipalities => _store.Store.Scalar<long>("SELECT count(*) FROM ref_gemeente WHERE gemeentecode = gemeentecode_actueel");

    [Fact]
    public void Lager_is_beter_ranks_the_lowest_first_and_ties_share_a_rank()
    {
        // crisis (aantal, lager is beter): GM0034 1, GM0037 1, GM0047 2, GM0014 3; GM0050 and the 337 other municipalities
        // had no crisis: a count of 0, ranked like any other (342 municipalities in all).
        // Ranks: the 338 zeros share rank 1, the two 1s rank 339, 2 is 341st, 3 is 342nd. Percentile = percent_rank by
        // value, (rank from the low end - 1) / (342 - 1): 0 -> 0; 1 -> 338/341 = 99.12%; 2 -> 340/341 = 99.71%; 3 -> 100%.
        Assert.Equal(342, Municipalities);
        Assert.Equal("GM0014:3.0:342:100.0:342 GM0034:1.0:339:99.12:342 GM0037:1.0:339:99.12:342 GM0047:2.0:341:99.71:342 GM0050:0.0:1:0.0:342",
            Ranks("crisis"));
        Assert.Equal(338, _store.Store.Scalar<long>("SELECT count(*) FROM indicator_value WHERE indicator_id = 'crisis' AND niveau = 'gemeente' AND periode = '2023' AND waarde = 0 AND rang = 1"));
    }

    [Fact]
    public void A_municipality_without_care_has_a_rate_of_0_in_periods_the_data_cover_and_no_figure_outside_them()
    {
        // jeugdhulp_per_1000: all eight youths had care from March to May 2023 (2023, 2023Q1 and 2023Q2). GM0059 had
        // none: teller 0, noemer its population 0-17 of 2023, rate 0, ranked with the other zeros. In 2023Q3 no youth in
        // the country had care: the data do not cover it, so no municipality gets a figure there (not a 0).
        var population = _store.Store.Scalar<long>("SELECT jeugdigen_0_17 FROM ref_bevolking WHERE gemeentecode = 'GM0059' AND jaar = 2023");
        Assert.True(population > 0);
        var cell = _store.Cell("jeugdhulp_per_1000", "gemeente", "GM0059", "2023")!.Value;
        Assert.Equal((0.0, (double)population, 0.0), (cell.Teller!.Value, cell.Noemer!.Value, cell.Waarde!.Value));
        Assert.Equal(0.0, _store.Cell("jeugdhulp_per_1000", "gemeente", "GM0059", "2023Q1")!.Value.Waarde);
        Assert.Null(_store.Cell("jeugdhulp_per_1000", "gemeente", "GM0059", "2023Q3"));
        Assert.Null(_store.Cell("jeugdhulp_per_1000", "gemeente", "GM0014", "2023Q3"));
        // shares have no value without a denominator, so no row: GM0059 had no care to be satisfied with
        Assert.Null(_store.Cell("clienttevredenheid", "gemeente", "GM0059", "2023"));
        // and no provider gets a zero row
        Assert.Equal(0L, _store.Store.Scalar<long>("SELECT count(*) FROM indicator_value WHERE niveau = 'aanbieder' AND teller = 0 AND indicator_id = 'jeugdhulp_per_1000'"));
    }

    [Fact]
    public void Hoger_is_beter_ranks_the_highest_first_and_a_municipality_without_a_value_gets_no_rank()
    {
        // clienttevredenheid (aandeel, hoger is beter): GM0034 1/1 = 100, GM0014 1/2 = 50 (youth 3 was not asked),
        // GM0047 1/2 = 50, GM0037 0/1 = 0; GM0050 0/0: no value, no rank, and not counted among the 4.
        // Ranks from the high end: 100 first, the two 50s share rank 2, 0 is fourth.
        // Percentile from the low end: 0 -> 0; the 50s -> (2 - 1) / 3; 100 -> 1.
        Assert.Equal("GM0014:50.0:2:33.33:4 GM0034:100.0:1:100.0:4 GM0037:0.0:4:0.0:4 GM0047:50.0:2:33.33:4 GM0050:-:-:-:4",
            Ranks("clienttevredenheid"));
    }

    [Fact]
    public void Each_municipality_is_compared_with_its_region_and_the_country()
    {
        // crisis 2023: JZ01 = GM0014 + GM0037 + GM0047 = 3 + 1 + 2 = 6; JZ08 = GM0034 = 1; the country 7; JZ12 (GM0050's
        // region) had none: 0.
        var rows = _store.Store.Scalar<string>("""
            SELECT string_agg(concat_ws(':', gebied_code, regio_code, regio_waarde, land_waarde), ' ' ORDER BY gebied_code)
            FROM indicator_value
            WHERE indicator_id = 'crisis' AND niveau = 'gemeente' AND periode = '2023' AND categorie = 'totaal'
              AND gebied_code IN ('GM0014', 'GM0034', 'GM0037', 'GM0047', 'GM0050')
            """);
        Assert.Equal("GM0014:JZ01:6.0:7.0 GM0034:JZ08:1.0:7.0 GM0037:JZ01:6.0:7.0 GM0047:JZ01:6.0:7.0 GM0050:JZ12:0.0:7.0", rows);
        Assert.Equal(7, _store.Cell("crisis", "land", "NL", "2023")!.Value.Teller);
    }
}
