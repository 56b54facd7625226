using Zicht.Indicators;
using Zicht.Storage;
using Zicht.Tests.Support;
using static Zicht.Tests.Indicators.FixtureRows;

namespace Zicht.Tests.Indicators;

public class CatalogueTests
{
    // Other modules (programmes) link to exactly these ids.
    private static readonly string[] FixedIds =
    [
        "jeugdhulp_per_1000", "jeugdhulp_verblijf_per_1000", "jeugdbescherming_per_1000", "jeugdreclassering_per_1000", "aandeel_verblijf",
        "aandeel_lokaal_team", "verwijzers_mix", "uithuisplaatsingen_per_1000", "aandeel_gezinsgericht", "doorplaatsingen",
        "plaatsingsstabiliteit", "pleegzorg_voortijdig_eenzijdig", "gesloten_plaatsingen", "gesloten_duur_mediaan", "wachttijd_mediaan",
        "wachttijd_p90", "wachttijd_binnen_norm", "uitval", "reden_einde_verdeling", "clienttevredenheid", "zonder_hulp_verder",
        "geen_nieuwe_start", "herhaald_beroep", "probleemafname", "doelrealisatie_volledig", "doelrealisatie_deels", "trajectduur_mediaan",
        "crisis", "herhaalde_crisis", "verlengde_jeugdhulp", "draaideur",
    ];

    [Fact]
    public void Holds_every_fixed_indicator_with_its_readable_fields()
    {
        var catalogue = IndicatorCatalogue.Load();
        Assert.All(FixedIds, id => Assert.True(catalogue.Contains(id), id));
        Assert.False(catalogue.Contains("bestaat_niet"));
        var uitval = catalogue.Get("uitval");
        Assert.Equal(Richting.LagerIsBeter, uitval.Richting);
        Assert.Equal("procent", uitval.Eenheid);
        Assert.Contains("eenzijdig", uitval.Definitie);
        Assert.Contains("63", catalogue.Fill(catalogue.Get("wachttijd_binnen_norm").Teller));
    }

    [Fact]
    public void An_indicator_that_reads_the_data_end_looks_forward_through_a_known_window()
    {
        // A recompute gives each indicator its own first period by its look-forward window, found by these parameters: a
        // unit query that waits for the data end (ind_meta.data_tot) without one would keep stale figures after a delivery.
        var catalogue = IndicatorCatalogue.Load();
        var readers = catalogue.Indicators.Where(i => i.EenhedenSql.Contains("data_tot", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(readers);
        Assert.All(readers, indicator => Assert.True(
            IndicatorEngine.LookForwardParameters.Any(name => indicator.EenhedenSql.Contains("{{" + name + "}}", StringComparison.Ordinal)),
            $"{indicator.Id} reads the data end but uses none of {string.Join(", ", IndicatorEngine.LookForwardParameters)}"));
    }

    [Fact]
    public void No_unit_query_reads_other_episodes_than_those_of_its_periods()
    {
        // A recompute holds in ind_episode only the care that reaches its periods (IndicatorEngine.NeededCareSql): a unit
        // query that searched other episodes of a youth there (earlier or later care) would silently miss the rest. Care
        // before or after an episode comes from its derived columns (vorige_jeugdhulp_eind, volgende_jeugdhulpstart, ...).
        var catalogue = IndicatorCatalogue.Load();
        Assert.All(catalogue.Indicators, indicator => Assert.DoesNotMatch(@"\bind_episode\b", indicator.EenhedenSql));
        Assert.Contains(catalogue.Indicators, indicator => indicator.EenhedenSql.Contains("ind_start", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_an_entry_with_a_missing_field()
    {
        var broken = "indicatoren:\n  - id: x\n    naam: X\n";
        var error = Assert.Throws<InvalidOperationException>(() => IndicatorCatalogue.Parse(broken));
        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void Docs_indicators_md_is_generated_from_the_catalogue()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "indicators.md");
        var expected = IndicatorDocs.Markdown(IndicatorCatalogue.Load());
        if (Environment.GetEnvironmentVariable("ZICHT_UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), "docs/indicators.md is missing: run `zicht indicators --markdown docs/indicators.md`");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void Every_unit_query_gives_one_row_per_unit_per_period_and_category()
    {
        // The engine counts rows, so a unit listed twice would be counted twice.
        using var temp = new TempStore();
        var path = temp.WriteFile("units.csv", new Fixture()
            .Add(R(1, "A", "JH_AMBULANT", "2022-11-01", "2023-02-15"))
            .Add(R(1, "B", "JV_PLEEGZORG", "2023-01-01", "", ("gemeentecode", "GM0034")))
            .Add(R(1, "C", "JV_RESIDENTIEEL", "2023-01-01", "2023-05-01", ("crisis", "1")))
            .Add(R(2, "D", "JH_WIJKTEAM", "2023-01-01", "2023-01-01", ("aanbieder_agb", ""), ("crisis", "1")))
            .Add(R(2, "E", "JB_OTS", "2023-03-01", "")).ToString());
        using var store = temp.Open();
        new Zicht.Ingest.IngestService(store, new Zicht.Ingest.IngestOptions { Today = new DateOnly(2026, 6, 30) }).Ingest([path]);
        foreach (var sql in SqlResources.ReadAll("Indicators.Prelude.")) store.Execute(sql.Replace("{{vanaf}}", "0001-01-01").Replace("{{alleen_nodig}}", "true"));
        var catalogue = IndicatorCatalogue.Load();
        foreach (var indicator in catalogue.Indicators)
        {
            store.Execute(IndicatorSql.UnitsTableSql(catalogue.UnitSql(indicator)));
            var duplicates = store.Scalar<long>("SELECT count(*) FROM (SELECT periode, unit_id, categorie, aanbieder_agb FROM ind_units GROUP BY ALL HAVING count(*) > 1)");
            Assert.True(duplicates == 0, $"{indicator.Id} lists a unit twice");
        }
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Zicht.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Zicht.sln not found above the test folder.");
    }
}
