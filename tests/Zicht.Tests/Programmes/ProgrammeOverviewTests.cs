using Zicht.Programmes;
using static Zicht.Tests.Programmes.ProgrammeTestData;

namespace Zicht.Tests.Programmes;

public class ProgrammeOverviewTests
{
    [Fact]
    public void Plan_versus_realisatie_for_a_year_with_percentages()
    {
        var programme = Read(Example("voorbeeld-voortgang-fictief.yaml"));
        var rows = new ProgrammeOverview(Catalogue).PlanVersusRealisatie(programme, 2020);
        // 2020: 30 of 38 newsletters = 78.9%; 6.5 of 5% growth = 130%; 150 of 200 = 75%; nothing realised yet = no percentage.
        Assert.Equal(4, rows.Count);
        Assert.Equal(30.0 / 38 * 100, rows[0].Percentage!.Value, 6);
        Assert.Equal(130, rows[1].Percentage!.Value, 6);
        Assert.Equal(75, rows[2].Percentage!.Value, 6);
        Assert.Null(rows[3].Percentage);
        Assert.Single(new ProgrammeOverview(Catalogue).PlanVersusRealisatie(programme, 2019));
    }

    [Fact]
    public void Milestones_per_period_put_a_dated_milestone_in_the_period_that_contains_it()
    {
        var programme = Read(Example("voorbeeld-voortgang-fictief.yaml"));
        var groups = new ProgrammeOverview(Catalogue).PerPeriod(programme);
        Assert.Equal(["VGR1", "VGR2", "VGR3", "VGR4", "VGR5"], groups.Select(g => g.Period!.Code));
        // 12 maart 2020 lies in VGR 4 (februari t/m mei 2020).
        Assert.Contains(groups[3].Milestones, m => m.Milestone.Tekst == "Drie nieuwe gezinshuizen geopend" && m.Wanneer == "12 maart 2020");
    }

    [Fact]
    public void Indicator_values_are_geen_gegevens_when_the_indicator_table_does_not_exist()
    {
        using var connection = MemoryStore();
        var values = new DuckDbIndicatorValues(connection);
        Assert.Null(values.Latest("wachttijd_mediaan", "regio", "JZ13"));
        Assert.Empty(values.Series("wachttijd_mediaan", "regio", "JZ13"));
    }

    [Fact]
    public void Dutch_dates_and_numbers()
    {
        Assert.Equal("1 juni 2020", DutchDate.Format(new DateOnly(2020, 6, 1)));
        Assert.Equal("3e kwartaal 2021", DutchDate.Quarter("2021Q3"));
        Assert.Equal("1.234,5", DutchDate.Number(1234.5));
    }
}
