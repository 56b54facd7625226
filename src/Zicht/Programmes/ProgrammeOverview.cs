namespace Zicht.Programmes;

/// <summary>A milestone placed in time: the period it belongs to (if any), when it was reached, and a sortable moment.</summary>
public sealed record PlacedMilestone(Milestone Milestone, int Index, ReportingPeriod? Period, DateOnly Moment, string Wanneer)
{
    /// <summary>The action line it is listed under in overviews: its first (lowest) one.</summary>
    public int HoofdActielijn => Milestone.Actielijnen.Count == 0 ? 0 : Milestone.Actielijnen.Min();
}

/// <summary>An indicator linked from the programme, with where it is linked and its latest value for the programme's area.</summary>
public sealed record LinkedIndicator(string Id, string Naam, IReadOnlyList<string> GekoppeldAan, IndicatorPoint? Laatste, IReadOnlyList<IndicatorPoint> Reeks);

/// <summary>One row of plan versus realisatie.</summary>
public sealed record PlanRow(ProgrammeActivity Activity)
{
    public double? Percentage => Activity.RealisatiePercentage;
}

/// <summary>
/// Answers the questions overviews, the timeline page and the progress report ask of a programme.
/// Pure functions of the programme (and, for indicators, an <see cref="IIndicatorValues"/>).
/// </summary>
public sealed class ProgrammeOverview(IIndicatorCatalogue catalogue)
{
    /// <summary>Every milestone with its period and moment, in the order of the Mijlpalenoverzicht:
    /// by action line, then by moment, then in the order they were written.</summary>
    public IReadOnlyList<PlacedMilestone> Timeline(Programme programme) =>
        programme.Mijlpalen.Select((m, i) => Place(programme, m, i))
            .OrderBy(p => p.HoofdActielijn).ThenBy(p => p.Moment).ThenBy(p => p.Index).ToList();

    /// <summary>Every milestone reached up to and including the end of <paramref name="period"/>.</summary>
    public IReadOnlyList<PlacedMilestone> TimelineUntil(Programme programme, ReportingPeriod period) =>
        Timeline(programme).Where(p => p.Moment <= period.Tot).ToList();

    /// <summary>The milestones reached in <paramref name="period"/> (named in it, or dated inside it).</summary>
    public IReadOnlyList<PlacedMilestone> ReachedIn(Programme programme, ReportingPeriod period) =>
        Timeline(programme).Where(p => p.Period == period).ToList();

    /// <summary>Milestones grouped per reporting period in period order; dated ones outside any period last.</summary>
    public IReadOnlyList<(ReportingPeriod? Period, IReadOnlyList<PlacedMilestone> Milestones)> PerPeriod(Programme programme)
    {
        var placed = Timeline(programme);
        var groups = programme.Perioden.OrderBy(p => p.Van)
            .Select(period => (Period: (ReportingPeriod?)period, Milestones: (IReadOnlyList<PlacedMilestone>)placed.Where(m => m.Period == period).ToList()))
            .Where(g => g.Milestones.Count > 0).ToList();
        var loose = placed.Where(m => m.Period is null).OrderBy(m => m.Moment).ToList();
        if (loose.Count > 0) groups.Add((null, loose));
        return groups;
    }

    public IReadOnlyList<NextStep> OpenNextSteps(Programme programme) =>
        programme.Vervolgstappen.Where(s => !s.Gereed).OrderBy(s => s.Kwartaal ?? "9999").ToList();

    public IReadOnlyList<LinkedIndicator> Indicators(Programme programme, IIndicatorValues values)
    {
        var links = new List<(string Id, string Where)>();
        foreach (var sub in programme.Actielijnen.SelectMany(a => a.Subdoelen))
            links.AddRange(sub.Indicatoren.Select(id => (id, $"subdoel {sub.Code}")));
        foreach (var proposal in programme.Voorstellen)
            links.AddRange(proposal.Indicatoren.Select(id => (id, $"voorstel {proposal.Nummer}")));
        return links.GroupBy(l => l.Id)
            .Select(g => new LinkedIndicator(g.Key, catalogue.Naam(g.Key) ?? g.Key, g.Select(l => l.Where).Distinct().ToList(),
                values.Latest(g.Key, programme.Gebied.Niveau, programme.Gebied.Code),
                values.Series(g.Key, programme.Gebied.Niveau, programme.Gebied.Code)))
            .ToList();
    }

    /// <summary>Plan versus realisatie for one year, in the order the activities were written.</summary>
    public IReadOnlyList<PlanRow> PlanVersusRealisatie(Programme programme, int jaar) =>
        programme.Activiteiten.Where(a => a.Jaar == jaar).Select(a => new PlanRow(a)).ToList();

    /// <summary>The latest year with activities, for when no year is asked.</summary>
    public int? LatestActivityYear(Programme programme) => programme.Activiteiten.Count == 0 ? null : programme.Activiteiten.Max(a => a.Jaar);

    private static PlacedMilestone Place(Programme programme, Milestone milestone, int index)
    {
        if (milestone.Periode is { } code && programme.FindPeriod(code) is { } period)
            return new PlacedMilestone(milestone, index, period, period.Van, period.Naam);
        var date = milestone.Datum ?? DateOnly.MaxValue;
        var containing = milestone.Datum is { } d ? programme.Perioden.FirstOrDefault(p => p.Contains(d)) : null;
        return new PlacedMilestone(milestone, index, containing, date, milestone.Datum is { } dd ? DutchDate.Format(dd) : "onbekend");
    }
}
