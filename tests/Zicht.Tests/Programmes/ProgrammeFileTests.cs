using Zicht.Programmes;
using static Zicht.Tests.Programmes.ProgrammeTestData;

namespace Zicht.Tests.Programmes;

public class ProgrammeFileTests
{
    [Fact]
    public void Reads_the_Amsterdam_plan_with_its_nine_proposals_across_six_action_lines()
    {
        var plan = Read(Example("transformatieplan-amsterdam-amstelland-2018-2020.yaml"));
        Assert.Equal([1, 2, 3, 4, 5, 6], plan.Actielijnen.Select(a => a.Nummer));
        Assert.Equal(Enumerable.Range(1, 9), plan.Voorstellen.Select(v => v.Nummer));
        // Voorstel 1 on line 1; 2-3 on line 2; 4 on line 3; none on line 4; 5-8 on line 5; 9 on line 6.
        Assert.Equal([1, 2, 2, 3, 5, 5, 5, 5, 6], plan.Voorstellen.Select(v => v.Actielijn));
        Assert.All(plan.Voorstellen, v => Assert.False(string.IsNullOrWhiteSpace(v.Monitoring)));
        Assert.Contains("uithuisplaatsingen_per_1000", plan.Voorstellen[1].Indicatoren);
        Assert.Equal(new Gebied("regio", "JZ13"), plan.Gebied);
    }

    [Fact]
    public void Reads_the_Groningen_application_with_its_development_lines_and_results()
    {
        var plan = Read(Example("transformatiefonds-aanvraag-groningen.yaml"));
        Assert.Equal(3, plan.Actielijnen.Count);
        Assert.Equal(["1a", "1b", "1c", "2a", "2b", "2c", "3a", "3b", "3c", "3d"], plan.Actielijnen.SelectMany(a => a.Subdoelen).Select(s => s.Code));
        Assert.Equal(24, plan.Vervolgstappen.Count);
        Assert.Equal("JZ01", plan.Gebied.Code);
    }

    [Theory]
    [InlineData("transformatieplan-amsterdam-amstelland-2018-2020.yaml")]
    [InlineData("transformatiefonds-aanvraag-groningen.yaml")]
    [InlineData("voorbeeld-voortgang-fictief.yaml")]
    public void Export_then_import_gives_the_same_programme(string file)
    {
        var original = Read(Example(file));
        var exported = new ProgrammeFileWriter().Write(original);
        var again = Read(exported);
        AssertSame(original, again);
    }

    [Theory]
    [InlineData("transformatieplan-amsterdam-amstelland-2018-2020.yaml")]
    [InlineData("transformatiefonds-aanvraag-groningen.yaml")]
    [InlineData("voorbeeld-voortgang-fictief.yaml")]
    public void Store_then_load_gives_the_same_programme(string file)
    {
        var original = Read(Example(file));
        using var connection = MemoryStore();
        var store = new ProgrammeStore(connection, Catalogue);
        store.Save(original, "test");
        AssertSame(original, store.Load(original.Id)!);
        // And through export and re-import of the stored version.
        AssertSame(original, Read(new ProgrammeFileWriter().Write(store.Load(original.Id)!)));
    }

    // Lines: 1 id, 4 actielijnen, 6 titel, 7 subdoelen, 9 tekst, 10 perioden, 14 tot, 15 mijlpalen, 17 actielijnen, 18 periode.
    private const string Valid = """
        id: klein
        naam: Klein programma
        gebied: { niveau: regio, code: JZ13 }
        actielijnen:
          - nummer: 1
            titel: Toegang
            subdoelen:
              - letter: a
                tekst: Visie
        perioden:
          - code: VGR1
            naam: "VGR 1"
            van: 2019-01-01
            tot: 2019-06-30
        mijlpalen:
          - tekst: Visie klaar
            actielijnen: [1]
            periode: VGR1
        """;

    [Fact]
    public void The_valid_fixture_reads()
    {
        Assert.Equal("klein", Read(Valid).Id);
    }

    [Fact]
    public void A_wrong_indent_names_the_line()
    {
        // Line 5 "  - nummer: 1" followed by "   titel" (3 spaces) on line 6: not valid YAML there.
        var yaml = Valid.Replace("    titel: Toegang", "   titel: Toegang");
        var error = Assert.Single(new ProgrammeFileReader(Catalogue).Read(yaml).Errors);
        Assert.Equal(6, error.Line);
        Assert.Contains("inspringing", error.Message);
    }

    [Fact]
    public void A_block_indented_too_far_left_is_an_unknown_field_on_its_line()
    {
        // "subdoelen" moved to the top level (line 7) becomes a field the programme does not have.
        var yaml = Valid.Replace("    subdoelen:", "subdoelen:");
        var errors = new ProgrammeFileReader(Catalogue).Read(yaml).Errors;
        var error = Assert.Single(errors, e => e.Field == "subdoelen");
        Assert.Equal(7, error.Line);
        Assert.Contains("onbekend veld", error.Message);
    }

    [Fact]
    public void An_unknown_action_line_names_line_and_field()
    {
        var yaml = Valid.Replace("actielijnen: [1]", "actielijnen: [7]");
        var error = Assert.Single(new ProgrammeFileReader(Catalogue).Read(yaml).Errors);
        Assert.Equal(17, error.Line); // line 17 of the fixture: "    actielijnen: [7]"
        Assert.Equal("mijlpalen[1].actielijnen[1]", error.Field);
        Assert.Contains("actielijn 7 bestaat niet", error.Message);
    }

    [Fact]
    public void A_milestone_in_a_period_that_does_not_exist_names_line_and_field()
    {
        var yaml = Valid.Replace("periode: VGR1", "periode: VGR9");
        var error = Assert.Single(new ProgrammeFileReader(Catalogue).Read(yaml).Errors);
        Assert.Equal(18, error.Line); // line 18: "    periode: VGR9"
        Assert.Equal("mijlpalen[1].periode", error.Field);
        Assert.Contains("periode VGR9 bestaat niet", error.Message);
        Assert.Contains("VGR1", error.Message); // says which periods do exist
    }

    [Fact]
    public void A_link_to_an_indicator_not_in_the_catalogue_names_line_and_field()
    {
        var yaml = Valid.Replace("        tekst: Visie", "        tekst: Visie\n        indicatoren: [wachttijd_mediaan, geluk_per_1000]");
        var error = Assert.Single(new ProgrammeFileReader(Catalogue).Read(yaml).Errors);
        Assert.Equal(10, error.Line);
        Assert.Equal("actielijnen[1].subdoelen[1].indicatoren[2]", error.Field);
        Assert.Contains("geluk_per_1000", error.Message);
    }

    [Fact]
    public void Reading_problems_come_first_then_every_reference_problem_at_once()
    {
        var yaml = Valid.Replace("periode: VGR1", "periode: VGR9").Replace("actielijnen: [1]", "actielijnen: [7]").Replace("tot: 2019-06-30", "tot: 30-06-2019");
        var errors = new ProgrammeFileReader(Catalogue).Read(yaml).Errors;
        // The date is a reading error; reading errors are reported before reference checks run.
        var error = Assert.Single(errors);
        Assert.Equal("perioden[1].tot", error.Field);
        Assert.Equal(14, error.Line); // line 14: "    tot: 30-06-2019"

        var references = new ProgrammeFileReader(Catalogue).Read(Valid.Replace("periode: VGR1", "periode: VGR9").Replace("actielijnen: [1]", "actielijnen: [7]")).Errors;
        Assert.Equal(["mijlpalen[1].actielijnen[1]", "mijlpalen[1].periode"], references.Select(e => e.Field));
    }
}
