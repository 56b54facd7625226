using Zicht.Programmes;
using static Zicht.Tests.Programmes.ProgrammeTestData;

namespace Zicht.Tests.Programmes;

public class ProgrammeStoreTests
{
    private static Programme Fictief() => Read(Example("voorbeeld-voortgang-fictief.yaml"));

    [Fact]
    public void A_save_that_fails_half_way_leaves_the_previous_version_untouched()
    {
        using var connection = MemoryStore();
        var store = new ProgrammeStore(connection, Catalogue);
        var original = Fictief();
        store.Save(original, "anna");

        var changed = original with { Naam = "Andere naam", Mijlpalen = [] };
        store.BeforeWriting = table => { if (table == "programma_mijlpaal") throw new IOException("schijf vol"); };
        Assert.Throws<IOException>(() => store.Save(changed, "bob"));
        store.BeforeWriting = null;

        AssertSame(original, store.Load(original.Id)!);
        Assert.Equal(["anna"], store.Changes(original.Id).Select(c => c.Door));
    }

    [Fact]
    public void A_failed_first_import_leaves_nothing_behind()
    {
        using var connection = MemoryStore();
        var store = new ProgrammeStore(connection, Catalogue) { BeforeWriting = table => { if (table == "programma_vervolgstap") throw new IOException("stroomstoring"); } };
        Assert.Throws<IOException>(() => store.Save(Fictief(), "anna"));
        Assert.Empty(store.List());
        Assert.Null(store.Load("voorbeeld-fictief"));
    }

    [Fact]
    public void Every_change_is_logged_with_who_and_when()
    {
        using var connection = MemoryStore();
        var clock = new FixedClock(new DateTimeOffset(2020, 11, 2, 9, 30, 0, TimeSpan.Zero));
        var store = new ProgrammeStore(connection, Catalogue, clock);
        var programme = Fictief();
        store.Save(programme, "anna");
        store.AddMilestone(programme.Id, new Milestone("Nieuwe mijlpaal", [3], "3a", "VGR5", null, MilestoneStatus.Bereikt, null), "bob");
        store.SetNextStepDone(programme.Id, 0, true, "carla");
        store.SetRealised(programme.Id, 3, 9, "dirk");
        store.Save(store.Load(programme.Id)! with { Naam = "Nieuwe naam" }, "erik");

        var log = store.Changes(programme.Id);
        Assert.Equal(["anna", "bob", "carla", "dirk", "erik"], log.Select(c => c.Door));
        Assert.All(log, c => Assert.Equal(new DateTime(2020, 11, 2, 9, 30, 0), c.Wanneer));
        Assert.StartsWith("aangemaakt", log[0].Wat);
        Assert.Contains("Nieuwe mijlpaal", log[1].Wat);
        Assert.Equal("vervangen: kop gewijzigd", log[4].Wat);

        var stored = store.Load(programme.Id)!;
        Assert.Equal(11, stored.Mijlpalen.Count);
        Assert.True(stored.Vervolgstappen[0].Gereed);
        Assert.Equal(9, stored.Activiteiten[3].Gerealiseerd);
    }

    [Fact]
    public void An_edit_that_breaks_a_reference_is_refused()
    {
        using var connection = MemoryStore();
        var store = new ProgrammeStore(connection, Catalogue);
        store.Save(Fictief(), "anna");
        var refused = Assert.Throws<ProgrammeInvalidException>(() =>
            store.AddMilestone("voorbeeld-fictief", new Milestone("X", [9], null, "VGR5", null, MilestoneStatus.Bereikt, null), "bob"));
        Assert.Contains(refused.Errors, e => e.Field == "mijlpalen[11].actielijnen[1]");
        Assert.Equal(10, store.Load("voorbeeld-fictief")!.Mijlpalen.Count);
    }

    [Fact]
    public void Lists_programmes_with_their_counts()
    {
        using var connection = MemoryStore();
        var store = new ProgrammeStore(connection, Catalogue);
        store.Save(Fictief(), "anna");
        store.Save(Read(Example("transformatieplan-amsterdam-amstelland-2018-2020.yaml")), "anna");
        var list = store.List();
        Assert.Equal(["amsterdam-amstelland-2018-2020", "voorbeeld-fictief"], list.Select(p => p.Id));
        Assert.Equal((6, 0), (list[0].Actielijnen, list[0].Mijlpalen));
        Assert.Equal((3, 10), (list[1].Actielijnen, list[1].Mijlpalen));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
