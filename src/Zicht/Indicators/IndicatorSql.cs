namespace Zicht.Indicators;

/// <summary>
/// The SQL the indicator engine runs per indicator: the unit query typed, the counts for every level (alone, or from a
/// pass shared with other indicators), and the values written to ind_raw. Text only; IndicatorEngine runs it.
/// </summary>
internal static class IndicatorSql
{
    internal sealed record SharedPlan(string Table, IReadOnlyList<SimpleUnitQuery> Queries, int Index);

    internal sealed record SharedQuantiles(string Table, IReadOnlyList<string> Quantiles, int Index);

    /// <summary>
    /// Medians and percentiles of the same units (the same unit query, e.g. wachttijd_mediaan and wachttijd_p90, with the
    /// same levels) are computed in one pass: sorting the units per area once for all of them.
    /// </summary>
    internal static Dictionary<string, SharedQuantiles> SharedQuantilePlan(IndicatorCatalogue catalogue, IEnumerable<IndicatorDefinition> indicators, ComputeOptions options)
    {
        var plan = new Dictionary<string, SharedQuantiles>();
        var groups = indicators
            .Where(indicator => indicator.Berekening is Berekening.Mediaan or Berekening.P90)
            .GroupBy(indicator => (catalogue.UnitSql(indicator, options.Parameters), indicator.Niveaus.Contains("aanbieder")))
            .Where(group => group.Count() > 1);
        var number = 0;
        foreach (var group in groups)
        {
            var table = $"ind_kwantielen_{number++}";
            var members = group.ToList();
            var quantiles = members.Select(Quantile).ToList();
            for (var i = 0; i < members.Count; i++) plan[members[i].Id] = new SharedQuantiles(table, quantiles, i);
        }
        return plan;
    }

    /// <summary>The quantile an indicator reports: 0.5 for a median, 0.9 for the 90th percentile.</summary>
    internal static string Quantile(IndicatorDefinition indicator) => indicator.Berekening == Berekening.Mediaan ? "0.5" : "0.9";

    /// <summary>Counts and the given quantiles of meetwaarde (over the units in the teller) at every level, from the view ind_units.</summary>
    private static string QuantileLevelsSelect(IReadOnlyList<string> quantiles, bool withProviders)
    {
        // grouping() may only name a grouping column
        var perProvider = withProviders ? "grouping(aanbieder_agb) = 0" : "false";
        var provider = withProviders ? "aanbieder_agb" : "CAST(NULL AS VARCHAR)";
        var providerSet = withProviders ? ", (periode, categorie, aanbieder_agb)" : "";
        return $"""
            SELECT
                CASE WHEN {perProvider} THEN 'aanbieder'
                     WHEN grouping(gemeentecode) = 0 THEN 'gemeente' WHEN grouping(jeugdregiocode) = 0 THEN 'regio' ELSE 'land' END AS niveau,
                CASE WHEN {perProvider} THEN {provider} ELSE coalesce(gemeentecode, jeugdregiocode, 'NL') END AS gebied_code,
                periode, categorie,
                count(*) FILTER (WHERE in_teller) AS teller_units,
                count(*) FILTER (WHERE in_noemer) AS noemer_units,
                count(*) AS alle_units,
                quantile_cont(meetwaarde, [{string.Join(", ", quantiles)}]) FILTER (WHERE in_teller) AS kwantielen
            FROM ind_units
            GROUP BY GROUPING SETS ((periode, categorie, gemeentecode, jeugdregiocode), (periode, categorie, jeugdregiocode), (periode, categorie){providerSet})
            """;
    }

    /// <summary>The shared pass of a group of medians and percentiles, as a working table.</summary>
    internal static string SharedQuantilesSql(string table, IReadOnlyList<string> quantiles, bool withProviders) =>
        $"CREATE OR REPLACE TEMP TABLE {table} AS\n" + QuantileLevelsSelect(quantiles, withProviders);

    /// <summary>The counts at every level with the <paramref name="index"/>-th quantile of a quantile pass (a table or a query).</summary>
    internal static string QuantileCountsSql(string levels, int index) => $"""
        SELECT niveau, gebied_code, periode, categorie, teller_units, noemer_units, alle_units,
               kwantielen[{index + 1}] AS kwantiel_waarde
        FROM {levels}
        """;

    /// <summary>
    /// Which indicators are counted together: those whose unit query has the simple form (see SimpleUnitQuery) over the
    /// same source and with the same periods listed (all, or quarters only) share one counting pass.
    /// </summary>
    internal static Dictionary<string, SharedPlan> SharedCountingPlan(IndicatorCatalogue catalogue, IEnumerable<IndicatorDefinition> indicators, ComputeOptions options)
    {
        var plan = new Dictionary<string, SharedPlan>();
        var groups = indicators
            .Select(indicator => (indicator, query: SimpleUnitQuery.TryParse(indicator, catalogue.UnitSql(indicator, options.Parameters))))
            .Where(x => x.query is not null)
            .GroupBy(x => (x.query!.Source, YearsFromQuarters(x.indicator)))
            .Where(group => group.Count() > 1);
        var number = 0;
        foreach (var group in groups)
        {
            var table = $"ind_samen_{number++}";
            var members = group.ToList();
            var queries = members.Select(m => m.query!).ToList();
            for (var i = 0; i < members.Count; i++) plan[members[i].indicator.Id] = new SharedPlan(table, queries, i);
        }
        return plan;
    }

    /// <summary>
    /// The catalogue's unit query, typed the same way for every indicator (NULL columns have no type of their own).
    /// A view, not a table: the aggregation reads it once, which is cheaper than writing it first.
    /// </summary>
    internal static string UnitsTableSql(string unitSql) => $"""
        CREATE OR REPLACE TEMP VIEW ind_units AS
        SELECT CAST(periode AS VARCHAR) AS periode, CAST(unit_id AS BIGINT) AS unit_id,
               CAST(gemeentecode AS VARCHAR) AS gemeentecode, CAST(jeugdregiocode AS VARCHAR) AS jeugdregiocode,
               CAST(aanbieder_agb AS VARCHAR) AS aanbieder_agb,
               coalesce(CAST(in_teller AS BOOLEAN), false) AS in_teller, coalesce(CAST(in_noemer AS BOOLEAN), false) AS in_noemer,
               CAST(meetwaarde AS DOUBLE) AS meetwaarde, coalesce(CAST(categorie AS VARCHAR), 'totaal') AS categorie,
               CAST(zorgvorm AS VARCHAR) AS zorgvorm, CAST(leeftijdsgroep AS VARCHAR) AS leeftijdsgroep,
               CAST(geslacht AS VARCHAR) AS geslacht, CAST(verwijzer AS VARCHAR) AS verwijzer
        FROM (
        {unitSql}
        ) AS units
        """;

    /// <summary>
    /// True when the engine lists the units of the indicator for quarters only and adds each year up from its
    /// quarters: the catalogue declares that every unit falls in one quarter of its year (optelbaar_over_kwartalen),
    /// and the value is built from plain counts (a median does not add up).
    /// </summary>
    internal static bool YearsFromQuarters(IndicatorDefinition indicator) =>
        indicator.OptelbaarOverKwartalen && indicator.Berekening is not (Berekening.Mediaan or Berekening.P90);

    /// <summary>The periods whose units the indicator lists (the views ind_start and ind_einde read this table).</summary>
    internal static string CountingPeriodsSql(IndicatorDefinition indicator) => YearsFromQuarters(indicator)
        ? "CREATE OR REPLACE TEMP TABLE ind_periode_telling AS SELECT * FROM ind_periode_alle WHERE periode IN (SELECT bron FROM ind_periode_optelling)"
        : "CREATE OR REPLACE TEMP TABLE ind_periode_telling AS SELECT * FROM ind_periode";

    /// <summary>
    /// The counts of one indicator per municipality, region, country and provider, as the CTEs area_counts and
    /// provider_counts. One pass over the units (GROUPING SETS): a unit query is a view over millions of rows, and
    /// reading it once per level cost more than the grouping itself.
    /// Plain counts add up (one unit, one municipality), so they are counted per municipality and per provider and
    /// rolled up to region and country from the municipalities; for an indicator whose units fall in one quarter of
    /// their year, the units are listed per quarter and each year is added up from its quarters (ind_periode_optelling).
    /// Medians and percentiles do not add up: they are computed over the units at every level.
    /// <paramref name="sharedCounts"/>: the counts from a pass shared with other indicators (unit counts for plain
    /// counts, counts at every level with the quantile for medians), instead of a pass of its own.
    /// </summary>
    private static string Counts(IndicatorDefinition indicator, string? sharedCounts)
    {
        var withProviders = indicator.Niveaus.Contains("aanbieder");
        var providerSet = withProviders ? ", (periode, categorie, aanbieder_agb)" : "";
        // grouping() may only name a grouping column
        var perProvider = withProviders ? "grouping(aanbieder_agb) = 0" : "false";
        var provider = withProviders ? "aanbieder_agb" : "CAST(NULL AS VARCHAR)";
        if (indicator.Berekening is Berekening.Mediaan or Berekening.P90)
            return $"""
                all_level_counts AS (
                {sharedCounts ?? QuantileCountsSql($"({QuantileLevelsSelect([Quantile(indicator)], withProviders)}) AS levels", 0)}
                ),
                area_counts AS (SELECT * FROM all_level_counts WHERE niveau <> 'aanbieder'),
                provider_counts AS (SELECT * FROM all_level_counts WHERE niveau = 'aanbieder' AND gebied_code IS NOT NULL)
                """;
        var unitCounts = sharedCounts ?? $"""
            SELECT periode, categorie, gemeentecode, jeugdregiocode, {provider} AS aanbieder_agb, {perProvider} AS per_aanbieder,
                   count(*) FILTER (WHERE in_teller) AS teller_units,
                   count(*) FILTER (WHERE in_noemer) AS noemer_units,
                   count(*) AS alle_units
            FROM ind_units
            GROUP BY GROUPING SETS ((periode, categorie, gemeentecode, jeugdregiocode){providerSet})
            """;
        var counts = YearsFromQuarters(indicator)
            ? $"""
              quarter_counts AS (
              {unitCounts}
              ),
              unit_counts AS (
                  SELECT optelling.periode, categorie, gemeentecode, jeugdregiocode, aanbieder_agb, per_aanbieder,
                         sum(teller_units) AS teller_units, sum(noemer_units) AS noemer_units, sum(alle_units) AS alle_units
                  FROM quarter_counts
                  JOIN ind_periode_optelling AS optelling ON optelling.bron = quarter_counts.periode
                  GROUP BY optelling.periode, categorie, gemeentecode, jeugdregiocode, aanbieder_agb, per_aanbieder
              )
              """
            : $"""
              unit_counts AS (
              {unitCounts}
              )
              """;
        return counts + """
            ,
            area_counts AS (
                SELECT
                    CASE WHEN grouping(gemeentecode) = 0 THEN 'gemeente' WHEN grouping(jeugdregiocode) = 0 THEN 'regio' ELSE 'land' END AS niveau,
                    coalesce(gemeentecode, jeugdregiocode, 'NL') AS gebied_code,
                    periode, categorie,
                    sum(teller_units) AS teller_units,
                    sum(noemer_units) AS noemer_units,
                    sum(alle_units) AS alle_units,
                    CAST(NULL AS DOUBLE) AS kwantiel_waarde
                FROM unit_counts
                WHERE NOT per_aanbieder
                GROUP BY GROUPING SETS ((periode, categorie, gemeentecode, jeugdregiocode), (periode, categorie, jeugdregiocode), (periode, categorie))
            ),
            provider_counts AS (
                SELECT 'aanbieder' AS niveau, aanbieder_agb AS gebied_code, periode, categorie, teller_units, noemer_units, alle_units,
                       CAST(NULL AS DOUBLE) AS kwantiel_waarde
                FROM unit_counts
                WHERE per_aanbieder AND aanbieder_agb IS NOT NULL
            )
            """;
    }

    internal static string FillAggregate(string template, IndicatorDefinition indicator, string? sharedCounts = null, int number = 0) => template
        .Replace("{{indicator_nr}}", number.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{{counts}}", Counts(indicator, sharedCounts))
        .Replace("{{noemer}}", indicator.Berekening switch
        {
            Berekening.Per1000 => "population.jeugdigen_0_17",
            Berekening.Verdeling => "categorieen.alle_categorieen",
            Berekening.Aantal => "CAST(NULL AS DOUBLE)",
            _ => "counts.noemer_units",
        })
        .Replace("{{categorieen}}", indicator.Berekening == Berekening.Verdeling ? """

                JOIN (SELECT niveau, gebied_code, periode, sum(teller_units) AS alle_categorieen FROM all_counts GROUP BY niveau, gebied_code, periode) AS categorieen
                  ON categorieen.niveau = counts.niveau AND categorieen.gebied_code = counts.gebied_code AND categorieen.periode = counts.periode
            """ : "")
        .Replace("{{indicator_id}}", indicator.Id)
        .Replace("{{berekening}}", BerekeningCode(indicator.Berekening))
        .Replace("{{richting}}", indicator.RichtingTekst)
        .Replace("{{eenheid}}", indicator.Eenheid.Replace("'", "''"))
        .Replace("{{tekst_eenheid}}", TextUnit(indicator).Replace("'", "''"))
        .Replace("{{decimalen}}", indicator.Berekening is Berekening.Aantal or Berekening.Mediaan or Berekening.P90 ? "0" : "1")
        .Replace("{{niveaus}}", string.Join(", ", indicator.Niveaus.Where(n => n != "aanbieder").Select(n => $"'{n}'")));

    /// <summary>The row of table indicator_definitie for an indicator, as SQL values.</summary>
    internal static string DefinitionRow(IndicatorDefinition indicator) =>
        FillAggregate("('{{indicator_id}}', '{{berekening}}', '{{eenheid}}', '{{tekst_eenheid}}', {{decimalen}})", indicator);

    public static string BerekeningCode(Berekening berekening) => berekening switch
    {
        Berekening.Per1000 => "per_1000",
        Berekening.Aandeel => "aandeel",
        Berekening.Verdeling => "verdeling",
        Berekening.Aantal => "aantal",
        Berekening.Mediaan => "mediaan",
        _ => "p90",
    };

    /// <summary>What follows the two numbers in a benchmark sentence: "(12,1 tegen 10,4 per 1.000)".</summary>
    private static string TextUnit(IndicatorDefinition indicator) => indicator.Eenheid switch
    {
        "procent" => "",
        "per 1.000 jeugdigen" => " per 1.000",
        var other => " " + other,
    };
}
