namespace Zicht.Programmes;

/// <summary>
/// A transformation programme (transformatieagenda) as the programme manager writes it down:
/// action lines with lettered sub-goals, proposals, reporting periods, milestones, next steps and
/// activities with a target. Immutable; edits go through <see cref="ProgrammeStore"/>.
/// </summary>
public sealed record Programme(
    string Id,
    string Naam,
    Gebied Gebied,
    string? Inleiding,
    IReadOnlyList<ActionLine> Actielijnen,
    IReadOnlyList<Proposal> Voorstellen,
    IReadOnlyList<ReportingPeriod> Perioden,
    IReadOnlyList<Milestone> Mijlpalen,
    IReadOnlyList<NextStep> Vervolgstappen,
    IReadOnlyList<ProgrammeActivity> Activiteiten)
{
    public ActionLine? FindActionLine(int nummer) => Actielijnen.FirstOrDefault(a => a.Nummer == nummer);

    public ReportingPeriod? FindPeriod(string code) =>
        Perioden.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));

    public SubGoal? FindSubGoal(string code) =>
        Actielijnen.SelectMany(a => a.Subdoelen).FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The area a programme steers, used to look up its indicator values (e.g. regio JZ13).</summary>
public sealed record Gebied(string Niveau, string Code)
{
    public static readonly IReadOnlyList<string> Niveaus = ["gemeente", "regio", "land"];
}

/// <summary>An actielijn (or ontwikkellijn): a number, a title and its aim ("Waar zetten we op in?").</summary>
public sealed record ActionLine(int Nummer, string Titel, string? Inzet, IReadOnlyList<SubGoal> Subdoelen);

/// <summary>A lettered sub-goal of an action line; <see cref="Code"/> is "2b" for line 2, letter b.</summary>
public sealed record SubGoal(int Actielijn, string Letter, string Tekst, IReadOnlyList<string> Indicatoren)
{
    public string Code => $"{Actielijn}{Letter}";
}

/// <summary>A voorstel of a plan, with the paragraphs the Amsterdam plan uses for every proposal.</summary>
public sealed record Proposal(
    int Nummer,
    int Actielijn,
    string Titel,
    string? Doel,
    string? Aanpak,
    string? Betrokkenen,
    string? Monitoring,
    string? Verbinding,
    string? Kennisdeling,
    string? Eindproduct,
    decimal? BudgetEuro,
    IReadOnlyList<string> Indicatoren);

/// <summary>A reporting period of the half-yearly report, e.g. VGR5 "VGR 5: juni t/m oktober 2020".</summary>
public sealed record ReportingPeriod(string Code, string Naam, DateOnly Van, DateOnly Tot, Editie Editie)
{
    public bool Contains(DateOnly date) => date >= Van && date <= Tot;
}

/// <summary>Spring editions carry the indicator section; autumn editions do not.</summary>
public enum Editie { Voorjaar, Najaar }

public enum MilestoneStatus { Bereikt, Lopend, Vertraagd, Vervallen }

/// <summary>
/// A mijlpaal: reached in a reporting period (<see cref="Periode"/>) or on a date (<see cref="Datum"/>),
/// for one or more action lines, optionally under one sub-goal so the report can put it in that row.
/// </summary>
public sealed record Milestone(
    string Tekst,
    IReadOnlyList<int> Actielijnen,
    string? Subdoel,
    string? Periode,
    DateOnly? Datum,
    MilestoneStatus Status,
    string? Link);

/// <summary>A vervolgstap under a sub-goal, planned in a quarter such as "2021Q1".</summary>
public sealed record NextStep(string Tekst, string Subdoel, string? Kwartaal, bool Gereed);

/// <summary>An activity of the programme (not System.Diagnostics.Activity) with a numeric target and what was realised (plan versus realisatie) in a year.</summary>
public sealed record ProgrammeActivity(string Tekst, int? Actielijn, int Jaar, double Doel, double? Gerealiseerd, string? Eenheid)
{
    /// <summary>Realised as a percentage of the target; null when nothing is realised yet or the target is 0.</summary>
    public double? RealisatiePercentage => Gerealiseerd is { } done && Doel != 0 ? done / Doel * 100.0 : null;
}
