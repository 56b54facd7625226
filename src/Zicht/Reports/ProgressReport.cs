using Zicht.Programmes;

namespace Zicht.Reports;

/// <summary>
/// The voortgangsrapportage as content, before layout: the three renderers (HTML, PDF, Word) each
/// draw this same model, so the formats cannot drift apart in what they say.
/// </summary>
public sealed record ProgressReport(
    string Titel,
    string Ondertitel,
    string Gebied,
    DateOnly Gemaakt,
    string? Inleiding,
    ReportingPeriod Periode,
    IReadOnlyList<ActionLineSection> Actielijnen,
    IReadOnlyList<IndicatorBlock>? Indicatoren,
    PlanTable? Plan,
    IReadOnlyList<AppendixRow> Mijlpalenoverzicht)
{
    public const string SubdoelKolom = "Subdoel";
    public const string VervolgstappenKolom = "Vervolgstappen";
    public const string MijlpaalKolom = "Mijlpaal";
    public const string ActielijnKolom = "Actielijn";
    public const string WanneerKolom = "Wanneer";

    /// <summary>"Belangrijkste mijlpalen vanaf 1 juni 2020": the middle column of every action-line table.</summary>
    public string MijlpalenKolom => $"Belangrijkste mijlpalen vanaf {DutchDate.Format(Periode.Van)}";
}

public sealed record ActionLineSection(int Nummer, string Titel, string? Inzet, IReadOnlyList<SubGoal> Subdoelen, IReadOnlyList<SubGoalRow> Rijen);

/// <summary>One row of an action-line table: the sub-goal, the milestones of the period, the open next steps.</summary>
public sealed record SubGoalRow(string Subdoel, IReadOnlyList<string> Mijlpalen, IReadOnlyList<string> Vervolgstappen);

/// <summary>A linked indicator in a spring edition: latest value, the series for the trend chart, the benchmark sentence.</summary>
public sealed record IndicatorBlock(string Id, string Naam, string GekoppeldAan, string Waarde, string? Periode, IReadOnlyList<IndicatorPoint> Reeks, string Benchmark);

public sealed record PlanTable(int Jaar, IReadOnlyList<PlanRow> Rijen);

/// <summary>A row of the Mijlpalenoverzicht; <see cref="Link"/> becomes a hyperlink where the format allows.</summary>
public sealed record AppendixRow(string Mijlpaal, string Actielijn, string Wanneer, string? Link = null);

/// <summary>The three formats the report can be written in.</summary>
public enum ReportFormat { Html, Pdf, Docx }

/// <summary>Writes a <see cref="ProgressReport"/> in one format.</summary>
public interface IProgressReportRenderer
{
    void Render(ProgressReport report, Stream output);
}
