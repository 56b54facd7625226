using Zicht.Disclosure;
using Zicht.Tests.Indicators;
using Zicht.Tests.Support;
using static Zicht.Tests.Indicators.FixtureRows;

namespace Zicht.Tests.Disclosure;

/// <summary>A breakdown is a table with margins, and its totals are the figures already published without breakdown.</summary>
public class BreakdownTests
{
    [Fact]
    public void A_breakdown_adds_up_to_the_stored_totals_and_is_protected_with_them()
    {
        // Ended trajectories in 2023 (uitval: ended early one-sidedly), region JZ01:
        //                      JH_AMBULANT      JH_DAGHULP      total
        //   Groningen GM0014   8 ended, 4 uitval  2 ended, 1      10 ended, 5 uitval
        //   Veendam   GM0047   9 ended, 5 uitval  6 ended, 5      15 ended, 10 uitval
        var fixture = new Fixture();
        var youth = 300;
        void Add(string gemeente, string zorgvorm, int ended, int uitval)
        {
            for (var i = 0; i < ended; i++, youth++)
                fixture.Add(R(youth, "U" + youth, zorgvorm, "2023-02-01", "2023-05-31", ("gemeentecode", gemeente), ("reden_einde", i < uitval ? "03" : "01")));
        }
        Add("GM0014", "JH_AMBULANT", 8, 4);
        Add("GM0014", "JH_DAGHULP", 2, 1);
        Add("GM0047", "JH_AMBULANT", 9, 5);
        Add("GM0047", "JH_DAGHULP", 6, 5);
        using var store = new IndicatorTestStore(fixture);

        var service = new PublicationService(store.Store);
        // With "< 5" and "x" as distinct markers, an "x" is known to be at least 5. Veendam's total of 10 uitval is
        // published (without breakdown); once its daghulp (5) hides Groningen's daghulp as a complement in the region
        // column, Veendam's ambulant (5) must go too, and then x + x = 10 with x >= 5 pins both at 5. The total may not be
        // hidden (it is published elsewhere), so no safe table exists: the export is refused.
        Assert.Throws<DisclosureAuditFailedException>(() => service.PublishBreakdown("uitval", "2023", "zorgvorm"));

        // With one marker for every hidden cell the attacker only knows a hidden cell is not negative: publishable.
        var policy = DisclosurePolicy.Default with { SameMarkerForAllHidden = true };
        var totals = service.Publish("uitval", "2023", policy);
        var breakdown = service.PublishBreakdown("uitval", "2023", "zorgvorm", policy);
        Assert.All(breakdown.Audits, a => Assert.True(a.Passed));
        PublishedRow Cell(Publication p, string gebied, string categorie) => p.Rows.Single(r => r.GebiedCode == gebied && r.Categorie == categorie);
        // the small cells (Groningen daghulp: 1 of 2) are hidden
        Assert.Equal("x", Cell(breakdown, "GM0014", "zorgvorm: JH_DAGHULP").Teller);
        Assert.Equal("x", Cell(breakdown, "GM0014", "zorgvorm: JH_DAGHULP").Noemer);
        // the totals show exactly what the publication without breakdown shows
        foreach (var gebied in new[] { "GM0014", "GM0047", "JZ01", "NL" })
        {
            Assert.Equal(Cell(totals, gebied, "totaal").Teller, Cell(breakdown, gebied, "totaal").Teller);
            Assert.Equal(Cell(totals, gebied, "totaal").Noemer, Cell(breakdown, gebied, "totaal").Noemer);
        }
        // the two ways to work Groningen's daghulp (1) back: its total minus ambulant, or the region's daghulp minus
        // Veendam's daghulp; neither may consist of published numbers only
        static bool Shown(string text) => long.TryParse(text, out _);
        Assert.False(Shown(Cell(breakdown, "GM0014", "totaal").Teller) && Shown(Cell(breakdown, "GM0014", "zorgvorm: JH_AMBULANT").Teller));
        Assert.False(Shown(Cell(breakdown, "JZ01", "zorgvorm: JH_DAGHULP").Teller) && Shown(Cell(breakdown, "GM0047", "zorgvorm: JH_DAGHULP").Teller));
    }
}
