using Zicht.Indicators;
using Zicht.Storage;

namespace Zicht.Disclosure;

/// <summary>An area or provider a publication has rows for. RegioCode: the region of a municipality.</summary>
public sealed record PublishedArea(string Niveau, string Code, string? RegioCode);

/// <summary>
/// One count that publications show, over all areas and periods of a period group: the teller of an indicator, its
/// noemer (when that is a count), or one category of a distribution (Part "totaal" is the distribution's noemer).
/// Values[p][a] is the count in period p for area a; Present[p][a] says whether the indicator had units there (a stored
/// row). Publications show every municipality, region and the country, those without units as "&lt; 5" like any small
/// count, but the protection treats such a 0 as known (stricter than the truth, and far cheaper: most cells of a
/// sparse table are zeros). A provider without units has no row at all, so its 0 is known anyway.
/// </summary>
public sealed class CountSeries(string indicatorId, string part, bool additive, long[][] values, bool[][] present)
{
    public string IndicatorId { get; } = indicatorId;
    public string Part { get; } = part;
    /// <summary>A count of events (each unit falls in one quarter of its year): the year is the sum of its quarters.</summary>
    public bool Additive { get; } = additive;
    public long[][] Values { get; } = values;
    public bool[][] Present { get; } = present;
    public string Name => IndicatorId + ":" + Part;
}

/// <summary>
/// Every count of every indicator that publications of one period group show (a year and its quarters: for counts of
/// events they are linked, and a quarter is published beside its year), read from the stored figures. Counts of the
/// whole catalogue are read, because one count is often published by several indicators (the youths with jeugdhulp are
/// the teller of jeugdhulp_per_1000 and the noemer of aandeel_verblijf): <see cref="CountLinks"/> finds those links.
/// </summary>
public sealed class PublishedCounts
{
    public const string Teller = "teller";
    public const string Noemer = "noemer";
    public const string Totaal = "totaal";

    public required IReadOnlyList<string> Periods { get; init; }
    public required IReadOnlyList<PublishedArea> Areas { get; init; }
    public required IReadOnlyList<CountSeries> Series { get; init; }
    public required IReadOnlyDictionary<string, int> AreaIndex { get; init; }

    /// <summary>The year whose group a period belongs to: "2024" for 2024 and for 2024Q3.</summary>
    public static string GroupOf(string periode) => periode.Length >= 4 ? periode[..4] : periode;

    public static string AreaKey(string niveau, string code) => niveau + "|" + code;

    /// <summary>The series an indicator publishes: its teller, and its noemer when that is a count; per category for a distribution.</summary>
    public IEnumerable<CountSeries> Of(string indicatorId) => Series.Where(s => s.IndicatorId == indicatorId);

    public CountSeries? Find(string indicatorId, string part) => Series.FirstOrDefault(s => s.IndicatorId == indicatorId && s.Part == part);

    /// <summary>The series part a stored value's count belongs to: the teller (or its category), or the noemer (or the distribution's total).</summary>
    public static string PartOf(IndicatorDefinition indicator, string categorie, bool noemer) =>
        indicator.Berekening == Berekening.Verdeling ? (noemer ? Totaal : "categorie:" + categorie) : noemer ? Noemer : Teller;

    public static PublishedCounts Load(ZichtStore store, IndicatorCatalogue catalogue, string group)
    {
        IndicatorEngine.EnsureResultTable(store);
        var candidates = new[] { group, group + "Q1", group + "Q2", group + "Q3", group + "Q4" };
        var inGroup = $"periode IN ({string.Join(", ", candidates.Select(p => $"'{p.Replace("'", "''")}'"))})";
        // A few small questions first (which periods, areas and categories there are), so that the 0.35 million counts
        // below are read once, straight into their series: collecting them as rows first cost about half a second.
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var storedAreas = new List<(string Niveau, string Code)>();
        var categories = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT DISTINCT 'periode', periode, NULL FROM indicator_result WHERE {inGroup}
                UNION ALL SELECT DISTINCT 'gebied', niveau, gebied_code FROM indicator_result WHERE {inGroup}
                UNION ALL SELECT DISTINCT 'categorie', indicator_id, categorie FROM indicator_result WHERE {inGroup}
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                switch (reader.GetString(0))
                {
                    case "periode": stored.Add(reader.GetString(1)); break;
                    case "gebied": storedAreas.Add((reader.GetString(1), reader.GetString(2))); break;
                    default:
                        if (!categories.TryGetValue(reader.GetString(1), out var list)) categories[reader.GetString(1)] = list = [];
                        list.Add(reader.GetString(2));
                        break;
                }
        }
        var periods = candidates.Where(stored.Contains).ToList();

        // Every current municipality, every region and the country: a publication shows all of them, also with a count of 0.
        var areas = new List<PublishedArea>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = """
                SELECT 'gemeente', gemeentecode, jeugdregiocode FROM ref_gemeente WHERE gemeentecode = gemeentecode_actueel
                UNION ALL SELECT 'regio', jeugdregiocode, NULL FROM ref_jeugdregio
                UNION ALL SELECT 'land', 'NL', NULL
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read()) areas.Add(new PublishedArea(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var area in areas) index.TryAdd(AreaKey(area.Niveau, area.Code), index.Count);
        // stored areas outside the reference (none expected) and the providers, in a fixed order
        foreach (var (niveau, gebied) in storedAreas.OrderBy(a => a.Niveau, StringComparer.Ordinal).ThenBy(a => a.Code, StringComparer.Ordinal))
            if (index.TryAdd(AreaKey(niveau, gebied), index.Count)) areas.Add(new PublishedArea(niveau, gebied, null));
        var periodIndex = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);

        // per indicator (and category) the series its rows fill in
        var series = new List<CountSeries>();
        var seriesOf = new Dictionary<(string Indicator, string Categorie), RowTarget>();
        foreach (var indicator in catalogue.Indicators)
        {
            var verdeling = indicator.Berekening == Berekening.Verdeling;
            var mine = categories.GetValueOrDefault(indicator.Id) ?? [];
            var parts = new List<string>();
            if (verdeling)
            {
                parts.AddRange(mine.Distinct().Order(StringComparer.Ordinal).Select(c => PartOf(indicator, c, noemer: false)));
                parts.Add(Totaal);
            }
            else
            {
                parts.Add(Teller);
                if (indicator.NoemerIsCount) parts.Add(Noemer);
            }
            var byPart = new Dictionary<string, CountSeries>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                var values = periods.Select(_ => new long[areas.Count]).ToArray();
                // a row where the indicator had units (for a distribution: every category of such an area or provider)
                var present = periods.Select(_ => new bool[areas.Count]).ToArray();
                series.Add(byPart[part] = new CountSeries(indicator.Id, part, indicator.OptelbaarOverKwartalen, values, present));
            }
            // a distribution's row is one category's count and the total (and makes every category present there)
            var allParts = byPart.Values.ToArray();
            foreach (var categorie in mine)
                seriesOf[(indicator.Id, categorie)] = verdeling
                    ? new RowTarget(byPart[PartOf(indicator, categorie, noemer: false)], byPart[Totaal], allParts)
                    : new RowTarget(byPart[Teller], byPart.GetValueOrDefault(Noemer), allParts);
        }

        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT indicator_id, categorie, periode, niveau || '|' || gebied_code,
                       CAST(round(coalesce(teller, 0)) AS BIGINT), CAST(round(coalesce(noemer, 0)) AS BIGINT)
                FROM indicator_result
                WHERE {inGroup}
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!seriesOf.TryGetValue((reader.GetString(0), reader.GetString(1)), out var target)) continue;   // not in the catalogue
                var p = periodIndex[reader.GetString(2)];
                var a = index[reader.GetString(3)];
                target.Count.Values[p][a] = reader.GetInt64(4);
                if (target.Noemer is { } noemer) noemer.Values[p][a] = reader.GetInt64(5);
                foreach (var s in target.Present) s.Present[p][a] = true;
            }
        }
        return new PublishedCounts { Periods = periods, Areas = areas, Series = series, AreaIndex = index };
    }

    /// <summary>Where a stored row goes: its count (teller or category), its noemer or total, and the series it makes present.</summary>
    private sealed record RowTarget(CountSeries Count, CountSeries? Noemer, IReadOnlyList<CountSeries> Present);
}
