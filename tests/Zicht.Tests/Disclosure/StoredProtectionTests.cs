using Zicht.Disclosure;
using Zicht.Indicators;
using Zicht.Tests.Indicators;
using Zicht.Tests.Support;
using static Zicht.Tests.Indicators.FixtureRows;

namespace Zicht.Tests.Disclosure;

/// <summary>
/// A family's protection is kept in the store: a later publication of any member of the family, by a new service (as in
/// a new process), reads it back instead of running suppression, and publishes the same rows. A new service with its own
/// AttackAuditor shows whether suppression ran: every protection audits at least once.
/// Fixture (region JZ01, one provider): trajectories ended in 2023Q1 by reason 01 / 02 / 03 / 04, Groningen (GM0014)
/// 10 / 6 / 2 / 8, Veendam (GM0047) 20 / 10 / 10 / 10. Groningen's 2 with reason 03 is a small count: "&lt; 5".
/// </summary>
public class StoredProtectionTests
{
    private static Fixture AddEnded(Fixture fixture, string gemeente, int youth, params (string Reden, int Count)[] reasons) =>
        AddEnded(fixture, "12345678", gemeente, youth, reasons);

    /// <summary>Trajectories of 2023Q1 at provider 12345678, delivered by <paramref name="bron"/> (a second delivery of one source and period replaces the first).</summary>
    private static Fixture AddEnded(Fixture fixture, string bron, string gemeente, int youth, params (string Reden, int Count)[] reasons)
    {
        foreach (var (reden, count) in reasons)
            for (var i = 0; i < count; i++, youth++)
                fixture.Add(R(youth, "E" + youth, "JH_AMBULANT", "2023-01-05", "2023-03-20",
                    ("bron", bron), ("gemeentecode", gemeente), ("aanbieder_agb", "12345678"), ("reden_einde", reden)));
        return fixture;
    }

    private static IndicatorTestStore Fixture()
    {
        var fixture = new Fixture();
        AddEnded(fixture, "GM0014", 500, ("01", 10), ("02", 6), ("03", 2), ("04", 8));
        AddEnded(fixture, "GM0047", 600, ("01", 20), ("02", 10), ("03", 10), ("04", 10));
        return new IndicatorTestStore(fixture);
    }

    /// <summary>Publishes with a new service and its own auditor; Audits: how often that service audited (0: nothing was protected).</summary>
    private static (Publication Publication, int Audits) PublishAnew(IndicatorTestStore store, string indicator, DisclosurePolicy? policy = null)
    {
        var auditor = new AttackAuditor();
        var publication = new PublicationService(store.Store, auditor: auditor).Publish(indicator, "2023", policy);
        return (publication, auditor.Statistics.Audits);
    }

    private static Publication PublishFresh(IndicatorTestStore store, string indicator, DisclosurePolicy? policy = null) =>
        new PublicationService(store.Store, storedProtections: false).Publish(indicator, "2023", policy);

    private static string Teller(Publication publication, string gebied, string categorie = "totaal") =>
        publication.Rows.Single(r => r.GebiedCode == gebied && r.Categorie == categorie).Teller;

    /// <summary>Stored protections of the 2023 group (a publication of 2023 also protects 2022, for the previous value).</summary>
    private static long Entries(IndicatorTestStore store) =>
        store.Store.TableExists(StoredProtections.EntryTable) ? store.Store.Scalar<long>($"SELECT count(*) FROM {StoredProtections.EntryTable} WHERE groep = '2023'") : 0;

    private static long StoredCells(IndicatorTestStore store) =>
        store.Store.TableExists(StoredProtections.CellTable) ? store.Store.Scalar<long>($"SELECT count(*) FROM {StoredProtections.CellTable}") : 0;

    [Fact]
    public void A_second_service_reads_the_family_protection_from_the_store_and_publishes_the_same_rows()
    {
        using var store = Fixture();
        var (first, firstAudits) = PublishAnew(store, "reden_einde_verdeling");
        Assert.True(firstAudits > 0);
        Assert.Equal("< 5", Teller(first, "GM0014", "03"));
        Assert.Equal(1, Entries(store));
        Assert.True(StoredCells(store) > 0);

        var (second, secondAudits) = PublishAnew(store, "reden_einde_verdeling");
        Assert.Equal(0, secondAudits);
        Assert.Equal(first.Rows, second.Rows);
        // the audit passed, and reports the same number of hidden cells; only its bounds were not kept
        Assert.All(second.Audits, a => Assert.True(a.Passed));
        Assert.All(second.Audits, a => Assert.False(a.HasBounds));
        Assert.Equal(first.HiddenCells, second.HiddenCells);

        // uitval is in the same family (its teller is reasons 03 + 04): also read from the store, and as protected afresh
        var (uitval, uitvalAudits) = PublishAnew(store, "uitval");
        Assert.Equal(0, uitvalAudits);
        Assert.Equal(PublishFresh(store, "uitval").Rows, uitval.Rows);
        Assert.Equal(1, Entries(store));
    }

    [Fact]
    public void The_store_keeps_the_status_of_hidden_cells_and_no_counts()
    {
        using var store = Fixture();
        PublishAnew(store, "reden_einde_verdeling");
        var columns = store.Store.Scalar<string>($"""
            SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = '{StoredProtections.CellTable}'
            """);
        Assert.Equal("sleutel,reeks,periode,niveau,gebied_code,status", columns);
        Assert.Equal("Primair,Secundair", store.Store.Scalar<string>($"SELECT string_agg(DISTINCT status, ',' ORDER BY status) FROM {StoredProtections.CellTable}"));
        // Groningen's 2 with reason 03 is stored as a small count
        Assert.Equal("Primair", store.Store.Scalar<string>($"""
            SELECT status FROM {StoredProtections.CellTable}
            WHERE reeks = 'reden_einde_verdeling:categorie:03' AND periode = '2023' AND niveau = 'gemeente' AND gebied_code = 'GM0014'
            """));
    }

    [Fact]
    public void After_a_recompute_with_new_figures_the_stored_protection_is_not_used()
    {
        using var store = Fixture();
        Assert.Equal("< 5", Teller(PublishAnew(store, "reden_einde_verdeling").Publication, "GM0014", "03"));
        Assert.Equal(1, Entries(store));

        // Five more of Groningen's trajectories ended with reason 03: 2 + 5 = 7, no longer a small count.
        store.AddDelivery(AddEnded(new Fixture(), "87654321", "GM0014", 700, ("03", 5)), "meer.csv");
        Assert.False(new IndicatorEngine(store.Store).Compute().UpToDate);
        Assert.Equal(0, Entries(store));
        Assert.Equal(0, StoredCells(store));

        var (after, audits) = PublishAnew(store, "reden_einde_verdeling");
        Assert.True(audits > 0);
        // Groningen 10 / 6 / 7 / 8 and Veendam 20 / 10 / 10 / 10: every count of the region is at least 5, nothing to hide
        Assert.Equal("7", Teller(after, "GM0014", "03"));
        Assert.Equal(PublishFresh(store, "reden_einde_verdeling").Rows, after.Rows);
    }

    [Fact]
    public void A_stored_protection_belongs_to_the_computed_figures_it_was_made_for()
    {
        using var store = Fixture();
        PublishAnew(store, "reden_einde_verdeling");
        // as if a compute had replaced the figures without clearing the stored protections: the key no longer matches
        store.Store.SetMeta("indicators_for", "een andere berekening");
        var (_, audits) = PublishAnew(store, "reden_einde_verdeling");
        Assert.True(audits > 0);
        Assert.Equal(2, Entries(store));
    }

    [Fact]
    public void Another_policy_is_another_entry()
    {
        using var store = Fixture();
        var oneMarker = DisclosurePolicy.Default with { SameMarkerForAllHidden = true };
        PublishAnew(store, "reden_einde_verdeling");
        var (marked, markedAudits) = PublishAnew(store, "reden_einde_verdeling", oneMarker);
        Assert.True(markedAudits > 0);
        Assert.Equal("x", Teller(marked, "GM0014", "03"));
        Assert.Equal(2, Entries(store));

        // each policy finds its own entry again
        var (plain, plainAudits) = PublishAnew(store, "reden_einde_verdeling");
        Assert.Equal(0, plainAudits);
        Assert.Equal("< 5", Teller(plain, "GM0014", "03"));
        var (markedAgain, markedAgainAudits) = PublishAnew(store, "reden_einde_verdeling", oneMarker);
        Assert.Equal(0, markedAgainAudits);
        Assert.Equal(marked.Rows, markedAgain.Rows);
    }

    [Fact]
    public void When_the_store_cannot_keep_the_protection_publication_goes_on_and_no_half_entry_remains()
    {
        using var store = Fixture();
        PublishAnew(store, "reden_einde_verdeling");
        var cellsBefore = StoredCells(store);
        // A table of another layout: the entry row of the next protection fails after its cells were written, so the
        // whole write is rolled back.
        store.Store.Execute($"ALTER TABLE {StoredProtections.EntryTable} DROP COLUMN opgeslagen_op");
        var oneMarker = DisclosurePolicy.Default with { SameMarkerForAllHidden = true };
        var (publication, audits) = PublishAnew(store, "reden_einde_verdeling", oneMarker);
        Assert.True(audits > 0);
        Assert.Equal("x", Teller(publication, "GM0014", "03"));
        Assert.Equal(PublishFresh(store, "reden_einde_verdeling", oneMarker).Rows, publication.Rows);
        Assert.Equal(cellsBefore, StoredCells(store));
        Assert.Equal(1, Entries(store));
        // and the next publication protects again rather than reading anything half written
        Assert.True(PublishAnew(store, "reden_einde_verdeling", oneMarker).Audits > 0);
    }
}
