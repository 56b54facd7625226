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
        var rows = new List<(string Indicator, string Niveau, string Gebied, string Periode, string Categorie, long Teller, long Noemer)>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT indicator_id, niveau, gebied_code, periode, categorie,
                       CAST(round(coalesce(teller, 0)) AS BIGINT), CAST(round(coalesce(noemer, 0)) AS BIGINT)
                FROM indicator_result
                WHERE periode IN ({string.Join(", ", candidates.Select(p => $"'{p}'"))})
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6)));
        }
        var periods = candidates.Where(p => rows.Any(r => r.Periode == p)).ToList();

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
        foreach (var (niveau, gebied) in rows.Select(r => (r.Niveau, r.Gebied)).Distinct().OrderBy(a => a.Niveau, StringComparer.Ordinal).ThenBy(a => a.Gebied, StringComparer.Ordinal))
            if (index.TryAdd(AreaKey(niveau, gebied), index.Count)) areas.Add(new PublishedArea(niveau, gebied, null));
        var periodIndex = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);

        var series = new List<CountSeries>();
        var rowsOf = rows.ToLookup(r => r.Indicator);
        foreach (var indicator in catalogue.Indicators)
        {
            var mine = rowsOf[indicator.Id].ToList();
            var parts = new List<string>();
            if (indicator.Berekening == Berekening.Verdeling)
            {
                parts.AddRange(mine.Select(r => r.Categorie).Distinct().Order(StringComparer.Ordinal).Select(c => PartOf(indicator, c, noemer: false)));
                parts.Add(Totaal);
            }
            else
            {
                parts.Add(Teller);
                if (indicator.NoemerIsCount) parts.Add(Noemer);
            }
            foreach (var part in parts)
            {
                var values = periods.Select(_ => new long[areas.Count]).ToArray();
                // a row where the indicator had units (for a distribution: every category of such an area or provider)
                var present = periods.Select(_ => new bool[areas.Count]).ToArray();
                series.Add(new CountSeries(indicator.Id, part, indicator.OptelbaarOverKwartalen, values, present));
            }
            var byPart = series.Skip(series.Count - parts.Count).ToDictionary(s => s.Part);
            foreach (var row in mine)
            {
                var p = periodIndex[row.Periode];
                var a = index[AreaKey(row.Niveau, row.Gebied)];
                if (indicator.Berekening == Berekening.Verdeling)
                {
                    byPart[PartOf(indicator, row.Categorie, noemer: false)].Values[p][a] = row.Teller;
                    foreach (var s in byPart.Values) s.Present[p][a] = true;
                    byPart[Totaal].Values[p][a] = row.Noemer;
                }
                else
                {
                    byPart[Teller].Values[p][a] = row.Teller;
                    byPart[Teller].Present[p][a] = true;
                    if (byPart.TryGetValue(Noemer, out var noemer))
                    {
                        noemer.Values[p][a] = row.Noemer;
                        noemer.Present[p][a] = true;
                    }
                }
            }
        }
        return new PublishedCounts { Periods = periods, Areas = areas, Series = series, AreaIndex = index };
    }
}
