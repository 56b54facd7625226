using Zicht.Disclosure;
using Zicht.Generate;
using Zicht.Indicators;
using Zicht.Ingest;
using Zicht.Tests.Support;

namespace Zicht.Tests.Disclosure;

/// <summary>
/// Families of indicators found from generated figures (not a hand-made fixture): the links the definitions imply must
/// be found, and the publications of a family read together by an attacker who knows those definitions must not give
/// a child's count back, for areas and providers, a year and its quarters.
/// </summary>
public class GeneratedFamilyTests : IClassFixture<GeneratedFamilyTests.Data>
{
    public sealed class Data : IDisposable
    {
        private readonly TempStore _temp = new();
        public Zicht.Storage.ZichtStore Store { get; }

        public Data()
        {
            var generated = new GeneratorOptions { Seed = 23, YouthsPerYear = 1_500, Years = 2, EndYear = 2025, SingleFile = true, OutputFolder = Path.Combine(_temp.Folder, "data") };
            new TrajectoryGenerator().Generate(generated);
            Store = _temp.Open();
            Assert.All(new IngestService(Store, new IngestOptions { Today = new DateOnly(2026, 6, 30) }).Ingest([Path.Combine(generated.OutputFolder, "trajecten.csv")]),
                r => Assert.Equal(0L, r.RowsRejected));
            new IndicatorEngine(Store).Compute();
        }

        public void Dispose()
        {
            Store.Dispose();
            _temp.Dispose();
        }
    }

    private readonly Data _data;
    public GeneratedFamilyTests(Data data) => _data = data;

    [Fact]
    public void Indicators_that_publish_the_same_count_are_found_to_be_one_family()
    {
        var service = new PublicationService(_data.Store);
        // youths with jeugdhulp: teller of jeugdhulp_per_1000 and noemer of aandeel_verblijf; youths with verblijf: teller
        // of jeugdhulp_verblijf_per_1000 and of aandeel_verblijf
        Assert.Superset(new HashSet<string> { "jeugdhulp_per_1000", "jeugdhulp_verblijf_per_1000", "aandeel_verblijf" }, service.FamilyOf("jeugdhulp_per_1000", "2024").ToHashSet());
        // ended trajectories: noemer of uitval = total of reden_einde_verdeling; uitval's teller = reasons 03 + 04
        Assert.Contains("reden_einde_verdeling", service.FamilyOf("uitval", "2024"));
        // started jeugdhulp: noemer of aandeel_lokaal_team = total of verwijzers_mix
        Assert.Contains("verwijzers_mix", service.FamilyOf("aandeel_lokaal_team", "2024Q2"));
        // a count no other indicator publishes stays on its own
        Assert.DoesNotContain("uitval", service.FamilyOf("jeugdhulp_per_1000", "2024"));
    }

    [Theory]
    [InlineData(false, "jeugdhulp_per_1000", "aandeel_verblijf", "jeugdhulp_verblijf_per_1000")]
    [InlineData(true, "uitval", "reden_einde_verdeling", null)]
    [InlineData(true, "aandeel_lokaal_team", "verwijzers_mix", null)]
    public void A_family_read_together_gives_no_childs_count_back(bool oneMarker, string first, string second, string? third)
    {
        var service = new PublicationService(_data.Store);
        var policy = DisclosurePolicy.Default with { SameMarkerForAllHidden = oneMarker };
        var indicators = new[] { first, second, third }.OfType<string>().ToList();
        var publications = indicators.SelectMany(i => new[] { "2024", "2024Q1", "2024Q2", "2024Q3", "2024Q4" }.Select(p => service.Publish(i, p, policy))).ToList();
        Assert.All(publications.SelectMany(p => p.Audits), a => Assert.True(a.Passed));

        // the attacker reads the definitions (catalogue.yaml) and links what they say is one count
        var attacker = new AttackerView()
            .Same("aandeel_verblijf:noemer", "jeugdhulp_per_1000:teller")
            .Same("aandeel_verblijf:teller", "jeugdhulp_verblijf_per_1000:teller")
            .Same("uitval:noemer", "reden_einde_verdeling:totaal")
            .Sum("uitval:teller", "reden_einde_verdeling:categorie:03", "reden_einde_verdeling:categorie:04")
            .Same("aandeel_lokaal_team:noemer", "verwijzers_mix:totaal");
        var attack = attacker.Audit(_data.Store, publications);
        Assert.True(attack.Passed, string.Join("; ", attack.Failures.Take(10).Select(f => $"{f.Key} [{f.Lower}, {f.Upper}]")));
        // the test is not empty: small counts of children are hidden, in areas and at providers
        Assert.Contains(attack.Cells, c => c.Key.Contains("|gemeente|", StringComparison.Ordinal));
        if (publications.Any(p => p.Rows.Any(r => r.Niveau == "aanbieder")))
            Assert.Contains(attack.Cells, c => c.Key.Contains("|aanbieder|", StringComparison.Ordinal));
    }

    [Fact]
    public void Breakdowns_of_indicators_that_share_a_count_show_it_alike()
    {
        // By geslacht: aandeel_verblijf's noemer is jeugdhulp_per_1000's teller, and its teller is
        // jeugdhulp_verblijf_per_1000's teller. Protected one by one, a count could be hidden in one breakdown and shown
        // in the other (and with it the small count it protects). Every such count must read the same in both. (On this
        // data the breakdowns also agree when each is protected on its own: the property is checked, not a known leak.)
        var service = new PublicationService(_data.Store);
        var policy = DisclosurePolicy.Default with { SameMarkerForAllHidden = true };
        var jeugdhulp = service.PublishBreakdown("jeugdhulp_per_1000", "2024", "geslacht", policy).Rows.ToDictionary(Key);
        var verblijf = service.PublishBreakdown("jeugdhulp_verblijf_per_1000", "2024", "geslacht", policy).Rows.ToDictionary(Key);
        var aandeel = service.PublishBreakdown("aandeel_verblijf", "2024", "geslacht", policy).Rows.ToDictionary(Key);
        Assert.Equal(jeugdhulp.Keys.Order(), aandeel.Keys.Order());
        Assert.All(aandeel, row => Assert.Equal(jeugdhulp[row.Key].Teller, row.Value.Noemer));
        // (a category nobody with verblijf has, here geslacht O, is absent from jeugdhulp_verblijf_per_1000's breakdown)
        Assert.All(aandeel.Where(row => verblijf.ContainsKey(row.Key)), row => Assert.Equal(verblijf[row.Key].Teller, row.Value.Teller));
        // not trivially: categories with hidden counts and with shown counts are both there
        Assert.Contains(aandeel.Values, r => r.Categorie != "totaal" && r.Teller == "x");
        Assert.Contains(aandeel.Values, r => r.Categorie != "totaal" && long.TryParse(r.Teller, out _));
    }

    private static string Key(PublishedRow row) => $"{row.Niveau}|{row.GebiedCode}|{row.Periode}|{row.Categorie}";
}
