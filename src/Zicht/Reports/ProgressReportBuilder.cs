using Zicht.Programmes;

namespace Zicht.Reports;

/// <summary>Turns a programme and a reporting period into the content of the progress report.</summary>
public sealed class ProgressReportBuilder(IIndicatorCatalogue catalogue, IIndicatorValues values, TimeProvider? clock = null)
{
    private readonly ProgrammeOverview _overview = new(catalogue);

    public ProgressReport Build(Programme programme, string periodCode)
    {
        var period = programme.FindPeriod(periodCode)
            ?? throw new ArgumentException($"Periode '{periodCode}' bestaat niet in programma {programme.Id} (wel: {string.Join(", ", programme.Perioden.Select(p => p.Code))}).");
        var reached = _overview.ReachedIn(programme, period);

        var sections = programme.Actielijnen.Select(line =>
        {
            var rows = line.Subdoelen.Select(sub => new SubGoalRow(
                $"{sub.Code}. {sub.Tekst}",
                reached.Where(m => Matches(m.Milestone.Subdoel, sub.Code)).Select(m => MilestoneText(m.Milestone)).ToList(),
                programme.Vervolgstappen.Where(s => !s.Gereed && Matches(s.Subdoel, sub.Code)).Select(StepText).ToList())).ToList();
            // Milestones of this line not tied to one of its sub-goals still belong in its table.
            var general = reached.Where(m => m.Milestone.Actielijnen.Contains(line.Nummer)
                    && (m.Milestone.Subdoel is null || !line.Subdoelen.Any(s => Matches(m.Milestone.Subdoel, s.Code))))
                .Select(m => MilestoneText(m.Milestone)).ToList();
            if (general.Count > 0 || rows.Count == 0) rows.Add(new SubGoalRow("Algemeen", general, []));
            return new ActionLineSection(line.Nummer, line.Titel, line.Inzet, line.Subdoelen, rows);
        }).ToList();

        IReadOnlyList<IndicatorBlock>? indicators = period.Editie == Editie.Voorjaar
            ? _overview.Indicators(programme, values).Select(ToBlock).ToList()
            : null;

        var year = period.Tot.Year;
        var plan = _overview.PlanVersusRealisatie(programme, year);

        var appendix = _overview.TimelineUntil(programme, period)
            .Select(m => new AppendixRow(MilestoneText(m.Milestone), string.Join(", ", m.Milestone.Actielijnen), m.Wanneer, m.Milestone.Link)).ToList();

        var today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetLocalNow().DateTime);
        return new ProgressReport(programme.Naam, $"Voortgangsrapportage {period.Naam}", $"{programme.Gebied.Niveau} {programme.Gebied.Code}",
            today, programme.Inleiding, period, sections, indicators, plan.Count > 0 ? new PlanTable(year, plan) : null, appendix);
    }

    private static bool Matches(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string MilestoneText(Milestone m) => m.Status switch
    {
        MilestoneStatus.Bereikt => m.Tekst,
        var status => $"{m.Tekst} ({status.ToString().ToLowerInvariant()})",
    };

    private static string StepText(NextStep s) => s.Kwartaal is null ? s.Tekst : $"{s.Tekst} ({DutchDate.Quarter(s.Kwartaal)})";

    private static IndicatorBlock ToBlock(LinkedIndicator indicator) => new(
        indicator.Id, indicator.Naam, string.Join(", ", indicator.GekoppeldAan),
        indicator.Laatste is { } p ? FormatValue(p) : "geen gegevens",
        indicator.Laatste?.Periode,
        indicator.Reeks.Where(p => p.Waarde is not null).ToList(),
        indicator.Laatste?.BenchmarkTekst ?? (indicator.Laatste is null ? "Er zijn nog geen gegevens voor dit gebied." : "Geen vergelijking beschikbaar."));

    public static string FormatValue(IndicatorPoint point)
    {
        if (point.Waarde is not { } value) return "geen gegevens";
        var unit = point.Eenheid switch { null or "" => "", "%" => "%", var u => " " + u };
        return DutchDate.Number(value) + unit;
    }

    public static string FormatNumber(double? value) => value is { } v ? DutchDate.Number(v) : "–";
}
