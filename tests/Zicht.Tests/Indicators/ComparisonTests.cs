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
        """)!;

    [Fact]
    public void Lager_is_beter_ranks_the_lowest_first_and_ties_share_a_rank()
    {
        // crisis (aantal, lager is beter): GM0034 1, GM0037 1, GM0047 2, GM0014 3; GM0050 had no crisis, so no value.
        // Ranks: the two 1s share rank 1, then 2 is third, 3 fourth. Percentile = percent_rank by value:
        // (rank from the low end - 1) / (4 - 1): 0, 0, 2/3, 1.
        Assert.Equal("GM0014:3.0:4:100.0:4 GM0034:1.0:1:0.0:4 GM0037:1.0:1:0.0:4 GM0047:2.0:3:66.67:4", Ranks("crisis"));
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
        // crisis 2023: JZ01 = GM0014 + GM0037 + GM0047 = 3 + 1 + 2 = 6; JZ08 = GM0034 = 1; the country 7.
        var rows = _store.Store.Scalar<string>("""
            SELECT string_agg(concat_ws(':', gebied_code, regio_code, regio_waarde, land_waarde), ' ' ORDER BY gebied_code)
            FROM indicator_value
            WHERE indicator_id = 'crisis' AND niveau = 'gemeente' AND periode = '2023' AND categorie = 'totaal'
            """);
        Assert.Equal("GM0014:JZ01:6.0:7.0 GM0034:JZ08:1.0:7.0 GM0037:JZ01:6.0:7.0 GM0047:JZ01:6.0:7.0", rows);
        Assert.Equal(7, _store.Cell("crisis", "land", "NL", "2023")!.Value.Teller);
    }
}
