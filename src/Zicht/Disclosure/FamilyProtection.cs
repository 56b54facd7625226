namespace Zicht.Disclosure;

/// <summary>
/// The protection of one family of indicators (<see cref="CountLinks"/>) for one period group: every count the family
/// publishes, in every area and period, as linked tables, suppressed and audited together. Whichever member an export
/// asks for, the tables and therefore every cell's status are the same, so publications of different indicators never
/// show a count that another hides.
/// The relations: region = sum of its municipalities and country = sum of the regions (per count and period); a
/// distribution's total = sum of its categories (also per provider); a year = sum of its quarters for counts of events
/// (also per provider), and a quarter at most its year for other counts; a count = a sum of categories where
/// <see cref="CountLinks"/> found one; teller &lt;= noemer.
/// Equal counts share their cells. Municipalities, regions and the country form one table; each provider forms a table
/// of its own, because no published relation links a provider to anything but itself (a youth can be with several).
/// A provider without a row in a publication is known to have no units there (a published 0), and a provider listed
/// is known to have at least one: a provider with a handful of units spread over the quarters can then be narrowed
/// whatever is hidden (listed in three quarters, fewer than 5 in the year: at most 2 in each). Such a provider is left
/// out of the family's publications for the year (<see cref="Omitted"/>), as if it had no units.
/// </summary>
public sealed class FamilyProtection
{
    /// <summary>
    /// The version of the protection method: bump it whenever a change to the suppression, the audit, the family's
    /// tables or the count links can change a cell's status, so that protections stored by an earlier method
    /// (<see cref="StoredProtections"/>) are no longer used.
    /// </summary>
    public const int MethodVersion = 3;

    private readonly CountLinks _links;
    private readonly Dictionary<(int Canonical, int Period, int Area), int> _cells;
    private readonly Dictionary<int, IReadOnlyList<CellStatus>> _status;   // per table: -1 the areas, else the provider's area index
    private readonly IReadOnlyList<PublishedArea> _areas;

    public AuditReport Audit { get; }
    public IReadOnlySet<string> Indicators { get; }
    /// <summary>Providers whose figures in this family and year cannot be protected, and are therefore not published at all.</summary>
    public IReadOnlySet<string> Omitted { get; }
    /// <summary>Cells in all tables (for logs and benchmarks).</summary>
    public int CellCount { get; }
    /// <summary>Read back from the store rather than protected now: its audit keeps the number of hidden cells, not their bounds.</summary>
    public bool FromStore { get; private init; }

    private FamilyProtection(CountLinks links, Dictionary<(int, int, int), int> cells, Dictionary<int, IReadOnlyList<CellStatus>> status, AuditReport audit,
        IReadOnlySet<string> indicators, IReadOnlySet<string> omitted, IReadOnlyList<PublishedArea> areas, int cellCount)
    {
        _links = links;
        _cells = cells;
        _status = status;
        _areas = areas;
        Audit = audit;
        Indicators = indicators;
        Omitted = omitted;
        CellCount = cellCount;
    }

    private static int TableKey(IReadOnlyList<PublishedArea> areas, int area) => areas[area].Niveau == "aanbieder" ? area : -1;

    /// <summary>How the count of <paramref name="series"/> in one period and area is published (no cell: a 0 taken as known).</summary>
    public CellStatus StatusOf(int series, int period, int area) =>
        _cells.TryGetValue((_links.Canonical(series, period, _areas[area].Niveau == "aanbieder"), period, area), out var cell)
            ? _status[TableKey(_areas, area)][cell] : CellStatus.Gepubliceerd;

    /// <summary>
    /// Every cell a publication can ask for (<see cref="StatusOf"/>) that is not published as it is: (canonical series,
    /// period, area) and its status. With <see cref="Omitted"/> and the audit's cell count, this is all a stored
    /// protection needs to answer as this one does; it holds no count.
    /// </summary>
    public IEnumerable<(int Canonical, int Period, int Area, CellStatus Status)> HiddenCells() =>
        _cells.Select(c => (c.Key.Canonical, c.Key.Period, c.Key.Area, Status: _status[TableKey(_areas, c.Key.Area)][c.Value]))
            .Where(c => c.Status != CellStatus.Gepubliceerd);

    /// <summary>
    /// A protection stored earlier for exactly these counts and policy (see <see cref="StoredProtections"/>), rebuilt
    /// from its hidden cells without running suppression. Only protections whose audit passed are stored, so the audit
    /// passes here too; the bounds of its cells are not kept.
    /// </summary>
    internal static FamilyProtection Restore(PublishedCounts counts, CountLinks links, int family,
        IEnumerable<(int Canonical, int Period, int Area, CellStatus Status)> hidden, IReadOnlySet<string> omitted, int auditedCells, int cellCount)
    {
        var cells = new Dictionary<(int, int, int), int>();
        var status = new Dictionary<int, List<CellStatus>>();
        foreach (var (canonical, period, area, cellStatus) in hidden)
        {
            var key = TableKey(counts.Areas, area);
            if (!status.TryGetValue(key, out var table)) status[key] = table = [];
            cells[(canonical, period, area)] = table.Count;
            table.Add(cellStatus);
        }
        var indicators = Enumerable.Range(0, counts.Series.Count).Where(s => links.FamilyOf(s) == family).Select(s => counts.Series[s].IndicatorId).ToHashSet();
        return new FamilyProtection(links, cells, status.ToDictionary(t => t.Key, t => (IReadOnlyList<CellStatus>)t.Value), AuditReport.PassedWithoutBounds(auditedCells),
            indicators, omitted, counts.Areas, cellCount) { FromStore = true };
    }

    public static FamilyProtection Protect(PublishedCounts counts, CountLinks links, int family, DisclosurePolicy policy, AttackAuditor auditor)
    {
        var series = counts.Series;
        var areas = counts.Areas;
        var periods = counts.Periods.Count;
        var members = Enumerable.Range(0, series.Count).Where(s => links.FamilyOf(s) == family).ToList();
        var tables = new Dictionary<int, LinkedTable>();
        LinkedTable TableOf(int a)
        {
            var key = TableKey(areas, a);
            if (!tables.TryGetValue(key, out var table)) tables[key] = table = new LinkedTable();
            return table;
        }
        var cells = new Dictionary<(int, int, int), int>();
        var knownZero = new HashSet<(int Area, int Cell)>();
        bool IsProvider(int a) => areas[a].Niveau == "aanbieder";
        int Canonical(int s, int p, int a) => links.Canonical(s, p, IsProvider(a));

        // which member series a canonical series stands for, per period, for areas and for providers
        var membersOf = new Dictionary<(int Canonical, int Period, bool Provider), List<int>>();
        foreach (var s in members)
            for (var p = 0; p < periods; p++)
                foreach (var provider in new[] { false, true })
                {
                    var key = (links.Canonical(s, p, provider), p, provider);
                    if (!membersOf.TryGetValue(key, out var list)) membersOf[key] = list = [];
                    list.Add(s);
                }
        // a provider listed in a publication has at least one unit: where a count is >= 1 in every provider row, the
        // attacker may take that as known
        var positiveAtProviders = members.ToDictionary(s => s, s => Enumerable.Range(0, periods).All(p =>
            Enumerable.Range(0, areas.Count).All(a => !IsProvider(a) || !series[s].Present[p][a] || series[s].Values[p][a] >= 1)));

        // the cell holding series s's count in period p and area a (shared by equal counts)
        int Cell(int s, int p, int a)
        {
            var canonical = Canonical(s, p, a);
            if (cells.TryGetValue((canonical, p, a), out var existing)) return existing;
            var sharing = membersOf[(canonical, p, IsProvider(a))];
            var presentIn = sharing.Where(m => series[m].Present[p][a]).ToList();
            double? knownLower = IsProvider(a) && presentIn.Any(m => positiveAtProviders[m]) ? 1 : null;
            var cell = TableOf(a).Add($"{series[canonical].Name}|{areas[a].Niveau}|{areas[a].Code}|{counts.Periods[p]}", series[canonical].Values[p][a], knownLower: knownLower);
            cells[(canonical, p, a)] = cell;
            // Without units in one publication (no stored row) the count is 0 and taken as known: a provider without a row
            // is; an area's 0 is shown as "< 5", which only makes the attacker know less than assumed here.
            if (presentIn.Count < sharing.Count) knownZero.Add((a, cell));
            return cell;
        }

        var municipalitiesOf = Enumerable.Range(0, areas.Count).Where(a => areas[a].Niveau == "gemeente" && areas[a].RegioCode is not null)
            .ToLookup(a => areas[a].RegioCode!);
        var regions = Enumerable.Range(0, areas.Count).Where(a => areas[a].Niveau == "regio").ToList();
        var country = counts.AreaIndex[PublishedCounts.AreaKey("land", "NL")];
        var quarters = Enumerable.Range(0, periods).Where(p => counts.Periods[p].Contains('Q')).ToList();
        var year = Enumerable.Range(0, periods).Where(p => !counts.Periods[p].Contains('Q')).Cast<int?>().FirstOrDefault();

        // municipalities add up to their region, regions to the country: once per count (equal counts share the relation)
        for (var p = 0; p < periods; p++)
            foreach (var s in members.Where(s => Canonical(s, p, country) == s && Enumerable.Range(0, areas.Count).Any(a => !IsProvider(a) && series[s].Present[p][a])))
            {
                foreach (var region in regions)
                    TableOf(region).Relate(Cell(s, p, region), municipalitiesOf[areas[region].Code].Select(m => Cell(s, p, m)).ToList());
                TableOf(country).Relate(Cell(s, p, country), regions.Select(r => Cell(s, p, r)).ToList());
            }
        // every provider row of the family is a cell, also one no relation names
        foreach (var s in members)
            for (var p = 0; p < periods; p++)
                for (var a = 0; a < areas.Count; a++)
                    if (IsProvider(a) && series[s].Present[p][a]) Cell(s, p, a);

        // A year of a count of events is the sum of its quarters. The last year of the data may lack quarters, and the
        // year can count events after the data end (a trajectory ending after the latest start) that no quarter shows:
        // then year = its quarters + a count no table shows (only known not to be negative), unless the indicator has
        // no such events anywhere (counts of starts: the data end is the latest start).
        var unknown = new HashSet<(int Area, int Cell)>();
        if (year is { } y && quarters.Count > 0)
        {
            long Rest(int s, int a) => series[s].Values[y][a] - quarters.Sum(q => series[s].Values[q][a]);
            var complete = quarters.Count == 4 ? null : members.Where(s => series[s].Additive).GroupBy(s => series[s].IndicatorId)
                .ToDictionary(g => g.Key, g => g.All(s => Enumerable.Range(0, areas.Count).All(a => Rest(s, a) == 0)));
            foreach (var s in members.Where(s => series[s].Additive))
                for (var a = 0; a < areas.Count; a++)
                {
                    if (!series[s].Present[y][a] && IsProvider(a)) continue;
                    var rest = Rest(s, a);
                    var parts = quarters.Select(q => Cell(s, q, a)).ToList();
                    if (complete is not null && !complete[series[s].IndicatorId] && rest >= 0)
                    {
                        var after = TableOf(a).Add($"{series[s].Name}|{areas[a].Niveau}|{areas[a].Code}|{counts.Periods[y]} na de gegevens", rest);
                        unknown.Add((a, after));
                        parts.Add(after);
                    }
                    else if (rest != 0) continue;
                    TableOf(a).Relate(Cell(s, y, a), parts);
                }

            // Counts of youths in care are not additive (a youth in care in two quarters counts once in the year), but a
            // youth counted in a quarter mostly counts in the year: quarter <= year, which the attacker may assume (a
            // published quarter is a floor under a hidden year). It holds for the country; a youth who moved can count in
            // a municipality in a quarter and elsewhere in the year, so it is used wherever it holds in the figures (the
            // attacker's best guess, and a true constraint can only make the audit stricter).
            foreach (var s in members.Where(s => !series[s].Additive))
                for (var a = 0; a < areas.Count; a++)
                {
                    if (IsProvider(a) && !series[s].Present[y][a]) continue;
                    foreach (var q in quarters.Where(q => (!IsProvider(a) || series[s].Present[q][a]) && series[s].Values[q][a] <= series[s].Values[y][a]))
                        TableOf(a).RelateAtMost(Cell(s, q, a), Cell(s, y, a));
                }
        }

        // a distribution's total is the sum of its categories, in every area and for every provider listed
        foreach (var distribution in members.Where(s => series[s].Part == PublishedCounts.Totaal))
        {
            var categories = members.Where(s => series[s].IndicatorId == series[distribution].IndicatorId && s != distribution).ToList();
            for (var p = 0; p < periods; p++)
                for (var a = 0; a < areas.Count; a++)
                    if (series[distribution].Present[p][a] || !IsProvider(a))
                        TableOf(a).Relate(Cell(distribution, p, a), categories.Select(c => Cell(c, p, a)).ToList());
        }

        foreach (var sum in links.Sums.Where(s => links.FamilyOf(s.Series) == family))
            for (var a = 0; a < areas.Count; a++)
            {
                if (IsProvider(a) != sum.Providers) continue;
                if (IsProvider(a) && !series[sum.Series].Present[sum.Period][a] && !sum.Parts.Any(c => series[c].Present[sum.Period][a])) continue;
                TableOf(a).Relate(Cell(sum.Series, sum.Period, a), sum.Parts.Select(c => Cell(c, sum.Period, a)).ToList());
            }

        foreach (var (teller, noemer) in links.Orders.Where(o => links.FamilyOf(o.Teller) == family))
            for (var p = 0; p < periods; p++)
                for (var a = 0; a < areas.Count; a++)
                    if (series[teller].Present[p][a] && series[noemer].Present[p][a] && Canonical(teller, p, a) != Canonical(noemer, p, a))
                        TableOf(a).RelateAtMost(Cell(teller, p, a), Cell(noemer, p, a));

        // Protect each table; a provider whose table cannot be protected is left out (see the class comment).
        var statuses = new Dictionary<int, IReadOnlyList<CellStatus>>();
        var audits = new List<CellBounds>();
        var omitted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, table) in tables.OrderBy(t => t.Key))
        {
            var fixedStatus = knownZero.Where(z => TableKey(areas, z.Area) == key).ToDictionary(z => z.Cell, _ => CellStatus.Gepubliceerd);
            foreach (var (_, cell) in unknown.Where(u => TableKey(areas, u.Area) == key)) fixedStatus[cell] = CellStatus.Onbekend;
            var result = new CellSuppression(policy, auditor).Protect(table, fixedStatus);
            if (key >= 0 && !result.Audit.Passed)
            {
                omitted.Add(areas[key].Code);
                continue;
            }
            statuses[key] = result.Status;
            audits.AddRange(result.Audit.Cells);
        }
        foreach (var key in omitted.Select(code => counts.AreaIndex[PublishedCounts.AreaKey("aanbieder", code)]))
            foreach (var cell in cells.Where(c => c.Key.Item3 == key).Select(c => c.Key).ToList()) cells.Remove(cell);
        var indicators = members.Select(s => series[s].IndicatorId).ToHashSet();
        return new FamilyProtection(links, cells, statuses, new AuditReport(audits), indicators, omitted, areas, tables.Values.Sum(t => t.Cells.Count));
    }
}
