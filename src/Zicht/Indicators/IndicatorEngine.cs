using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Zicht.Storage;

namespace Zicht.Indicators;

public sealed record ComputeOptions
{
    /// <summary>Recompute every period even when only some changed.</summary>
    public bool Full { get; init; }
    /// <summary>Catalogue parameters that override the shipped ones (e.g. wachttijd_norm_dagen).</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
    /// <summary>Count simple indicators over the same source in one pass (off only to check that it changes nothing).</summary>
    internal bool CountTogether { get; init; } = true;
    /// <summary>Add years up from quarters where the catalogue allows (off only to check that it changes nothing).</summary>
    internal bool YearsFromQuarters { get; init; } = true;
}

/// <summary>What a compute run did.</summary>
public sealed record ComputeResult(
    bool UpToDate,
    bool Full,
    DateOnly? RecomputedFrom,
    int PeriodsComputed,
    long RowsWritten,
    TimeSpan Duration,
    IReadOnlyList<(string IndicatorId, TimeSpan Duration)> PerIndicator)
{
    /// <summary>Where the time went: the shared preparation, the indicators, the comparisons, the writing.</summary>
    public IReadOnlyList<(string Step, TimeSpan Duration)> Steps { get; init; } = [];
}

public readonly record struct ComputeProgress(string Step, int Done, int Total);

/// <summary>One cell of a breakdown: Categorie is the value of the breakdown dimension (e.g. '4-11', 'JH_AMBULANT').</summary>
public sealed record BreakdownValue(string Niveau, string GebiedCode, string Periode, string Categorie, long Teller, double? Noemer, double? Waarde, string? RegioCode);

/// <summary>
/// Computes the whole catalogue for every level and period, set-based in DuckDB: one unit query per
/// indicator (from the catalogue), one aggregation over all levels at once (GROUPING SETS), one
/// benchmark pass. Recomputes only the periods a new delivery can have changed.
/// </summary>
public sealed class IndicatorEngine(ZichtStore store, IndicatorCatalogue? catalogue = null)
{
    private readonly IndicatorCatalogue _catalogue = catalogue ?? IndicatorCatalogue.Load();

    // Look-forward windows (geen nieuwe start: a start within N months after an end) reach back exactly the window
    // from a change: E + N months >= S implies E >= S - N months (both add months the same way and clamp the day to the
    // month's length), so an end before S - N months cannot see a start on or after S.
    // An indicator looks forward only through these parameters (CatalogueTests checks that a unit query that reads the
    // data end uses one of them).
    internal static readonly string[] LookForwardParameters = ["venster_geen_nieuwe_start_maanden", "venster_geen_nieuwe_start_kort_maanden"];

    /// <summary>The look-forward window of one indicator: the largest look-forward parameter its unit query uses (0: none).</summary>
    private int LookForwardMonths(IndicatorDefinition indicator, ComputeOptions options) => LookForwardParameters
        .Where(name => indicator.EenhedenSql.Contains("{{" + name + "}}", StringComparison.Ordinal))
        .Select(name => Parameter(name, options)).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The first day whose figures a change can have altered, for an indicator with the given look-forward window.
    /// A later data end (the latest start) makes more ends eligible for the look-forward windows and runs open care on:
    /// both count from the day after the earlier data end. A new trajectory can also join an episode that ended the day
    /// before it started, which takes that end away: the day before the first new start is always recomputed.
    /// </summary>
    private static DateOnly RecomputeFrom(DateOnly changedFrom, DateOnly dataTot, int lookForwardMonths)
    {
        if (changedFrom == DateOnly.MaxValue) return DateOnly.MaxValue.AddMonths(-lookForwardMonths);   // nothing new started
        var from = changedFrom < dataTot.AddDays(1) ? changedFrom : dataTot.AddDays(1);
        var vanaf = from.AddMonths(-lookForwardMonths);
        return changedFrom.AddDays(-1) < vanaf ? changedFrom.AddDays(-1) : vanaf;
    }

    private int Parameter(string name, ComputeOptions options) =>
        int.Parse(options.Parameters is not null && options.Parameters.TryGetValue(name, out var v) ? v : _catalogue.Parameters[name], CultureInfo.InvariantCulture);

    /// <summary>The catalogue as this compute counts it.</summary>
    private IReadOnlyList<IndicatorDefinition> Indicators(ComputeOptions options) => options.YearsFromQuarters
        ? _catalogue.Indicators
        : _catalogue.Indicators.Select(indicator => indicator with { OptelbaarOverKwartalen = false }).ToList();

    /// <summary>
    /// For readers: makes sure the view indicator_value exists (empty before the first compute). Never drops anything: a
    /// store of an earlier version keeps its table indicator_value, with the same columns, until a compute replaces it.
    /// </summary>
    public static void EnsureResultTable(ZichtStore store)
    {
        if (store.TableExists("indicator_value")) return;
        store.Execute(SqlResources.Read("Indicators.Engine.indicator_result.sql"));
        store.Execute(SqlResources.Read("Indicators.Engine.indicator_value.sql"));
    }

    /// <summary>
    /// Within the compute's write transaction: the stored tables and their view, created or brought up to date. A full
    /// compute starts from a new, empty table (dropping it is much cheaper than deleting 3.4 million rows); a store of an
    /// earlier layout always gets a full compute, because the engine's fingerprint changed with it.
    /// </summary>
    private void UpgradeResultTable(bool full)
    {
        // Stores of an earlier version kept indicator_value as a table (with the sentences written out).
        if (store.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'indicator_value' AND table_type = 'BASE TABLE'") > 0)
            store.Execute("DROP TABLE indicator_value");
        if (full) store.Execute("DROP TABLE IF EXISTS indicator_result");
        store.Execute(SqlResources.Read("Indicators.Engine.indicator_result.sql"));
        store.Execute(SqlResources.Read("Indicators.Engine.indicator_value.sql"));
    }

    /// <summary>True when indicator_result has the layout of an earlier version (which stored the derived columns too).</summary>
    private bool ResultTableOutdated() => store.Scalar<long>(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'indicator_result' AND column_name = 'periode_soort'") > 0;

    /// <summary>What the view indicator_value needs to know of each indicator: its calculation, unit and decimals.</summary>
    private void WriteDefinitions(IReadOnlyList<IndicatorDefinition> indicators)
    {
        store.Execute("DELETE FROM indicator_definitie");
        store.Execute("INSERT INTO indicator_definitie VALUES\n" + string.Join(",\n", indicators.Select(IndicatorSql.DefinitionRow)));
    }

    public ComputeResult Compute(ComputeOptions? options = null, IProgress<ComputeProgress>? progress = null)
    {
        options ??= new ComputeOptions();
        var clock = Stopwatch.StartNew();
        store.EnsureDerivedTablesCurrent();
        // the comparisons read earlier stored figures; the tables and view are (re)made in the write transaction
        var outdated = ResultTableOutdated();
        if (!outdated) store.Execute(SqlResources.Read("Indicators.Engine.indicator_result.sql"));

        // what this compute is computed from, read once before it starts
        var version = store.TrajectoryVersion();
        var maxDelivery = store.Scalar<long?>("SELECT max(delivery_id) FROM trajectory") ?? 0;
        var youthMax = store.Scalar<long?>("SELECT max(youth_id) FROM youth_fact") ?? 0;
        var youthChecksum = YouthChecksum(youthMax);
        var fingerprint = Fingerprint(options);
        var full = options.Full || outdated
                   || store.GetMeta("indicators_fingerprint") != fingerprint
                   || store.GetMeta("indicators_for") is null
                   || !long.TryParse(store.GetMeta("indicators_max_delivery"), out var lastDelivery);
        lastDelivery = full ? 0 : long.Parse(store.GetMeta("indicators_max_delivery")!, CultureInfo.InvariantCulture);
        if (!full && store.GetMeta("indicators_for") == version)
            return new ComputeResult(true, false, null, 0, 0, clock.Elapsed, []);

        // A recompute covers, per indicator, the periods from the first day its figures can have changed; the working
        // tables are built for the earliest of those (the indicator with the longest look-forward window).
        var indicators = Indicators(options);
        var vanafPerIndicator = indicators.ToDictionary(indicator => indicator.Id, _ => DateOnly.MinValue);
        if (!full)
        {
            var changedFrom = FirstAffectedDate(lastDelivery);
            if (changedFrom is null) full = true;   // rows replaced or removed: the safe answer is to recompute all
            else if (!DateOnly.TryParseExact(store.GetMeta("indicators_data_tot"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dataTot))
                full = true;
            else
                foreach (var indicator in indicators)
                    vanafPerIndicator[indicator.Id] = RecomputeFrom(changedFrom.Value, dataTot, LookForwardMonths(indicator, options));
        }
        var vanaf = vanafPerIndicator.Count == 0 ? DateOnly.MinValue : vanafPerIndicator.Values.Min();
        // the indicators with the longest window first: before each of the others the working tables are narrowed
        indicators = indicators.OrderBy(indicator => vanafPerIndicator[indicator.Id]).ToList();

        var timing = Environment.GetEnvironmentVariable("ZICHT_TIMING") is not null;
        var perIndicator = new List<(string, TimeSpan)>();
        var steps = new List<(string, TimeSpan)>();
        // The working tables are TEMP (this connection only) and built outside a transaction: DuckDB scans
        // tables created within an open transaction about three times slower (transaction-local storage).
        // Only the replacement of the stored figures and their metadata is one transaction.
        var inTransaction = false;
        try
        {
            // Working tables need not keep row order; DuckDB writes them faster (and in parallel) without it.
            store.Execute("SET preserve_insertion_order = false");
            // The stored figures' text columns (ids, codes, periods) compress as well without FSST, whose analysis cost
            // about 0.4 s of writing 3.4 million values (the file stays the same size).
            store.Execute("SET disabled_compression_methods = 'fsst'");
            progress?.Report(new ComputeProgress("voorbereiden", 0, _catalogue.Indicators.Count));
            steps.Add(("nagaan wat er veranderde", clock.Elapsed));
            if (timing) Console.Error.WriteLine($"checks before the prelude: {clock.Elapsed.TotalSeconds:F2} s");
            var preludeNames = new[] { "periodes", "episodes", "actief", "jeugdigen", "start en einde" };
            var preludeIndex = 0;
            store.Execute(SqlResources.Read("Derive.00_keys.sql"));   // the age rules, shared with the derived tables
            foreach (var sql in SqlResources.ReadAll("Indicators.Prelude."))
            {
                var preludeClock = Stopwatch.StartNew();
                var preludeCpu = timing ? Process.GetCurrentProcess().TotalProcessorTime : TimeSpan.Zero;
                store.Execute(sql.Replace("{{vanaf}}", vanaf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                                 .Replace("{{alleen_nodig}}", full ? "true" : NeededCareSql));
                var name = preludeIndex < preludeNames.Length ? preludeNames[preludeIndex] : $"voorbereiding {preludeIndex + 1}";
                preludeIndex++;
                steps.Add(("voorbereiding: " + name, preludeClock.Elapsed));
                if (timing)
                    Console.Error.WriteLine($"prelude {name}: {preludeClock.Elapsed.TotalSeconds:F2} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - preludeCpu).TotalSeconds:F2} s");
            }
            store.Execute(SqlResources.Read("Indicators.Engine.population_per_gebied.sql") + SqlResources.Read("Indicators.Engine.population.sql"));
            if (!full && store.Scalar<string>("SELECT CAST(data_van AS VARCHAR) FROM ind_meta") != store.GetMeta("indicators_data_van"))
            {
                // Earlier data arrived: look-back completeness (herhaald beroep) shifts for every period.
                return Compute(options with { Full = true }, progress);
            }

            var aggregate = SqlResources.Read("Indicators.Engine.aggregate.sql");
            var shared = options.CountTogether ? IndicatorSql.SharedCountingPlan(_catalogue, indicators, options) : [];
            var sharedQuantiles = options.CountTogether ? IndicatorSql.SharedQuantilePlan(_catalogue, indicators, options) : [];
            var sharedBuilt = new HashSet<string>();
            var done = 0;
            // which periods each indicator computed (the write replaces exactly those), and the periods of the run
            store.Execute("CREATE OR REPLACE TEMP TABLE ind_berekend (indicator_id VARCHAR NOT NULL, periode VARCHAR NOT NULL)");
            store.Execute("CREATE OR REPLACE TEMP TABLE ind_periode_run AS SELECT * FROM ind_periode");
            // each indicator's number in this compute: the comparisons join on numbers, not on names (benchmark.sql)
            var numbers = indicators.Select((indicator, i) => (indicator.Id, Number: i + 1)).ToDictionary(x => x.Id, x => x.Number);
            store.Execute("CREATE OR REPLACE TEMP TABLE ind_indicator (indicator_id VARCHAR NOT NULL, indicator_nr SMALLINT NOT NULL)");
            store.Execute("INSERT INTO ind_indicator VALUES " + string.Join(", ", numbers.Select(n => $"('{n.Key}', {n.Value})")));
            var narrowedTo = vanaf;
            foreach (var indicator in indicators)
            {
                if (vanafPerIndicator[indicator.Id] > narrowedTo)
                {
                    narrowedTo = vanafPerIndicator[indicator.Id];
                    NarrowWorkingTables(narrowedTo);
                }
                var indicatorClock = Stopwatch.StartNew();
                var indicatorCpu = timing ? Process.GetCurrentProcess().TotalProcessorTime : TimeSpan.Zero;
                progress?.Report(new ComputeProgress(indicator.Id, done, _catalogue.Indicators.Count));
                var unitsSql = IndicatorSql.UnitsTableSql(_catalogue.UnitSql(indicator, options.Parameters));
                string? sharedCounts = null;
                if (sharedQuantiles.TryGetValue(indicator.Id, out var quantilePlan))
                {
                    if (sharedBuilt.Add(quantilePlan.Table))
                    {
                        store.Execute(IndicatorSql.CountingPeriodsSql(indicator));
                        store.Execute(unitsSql);
                        Profile(quantilePlan.Table);
                        store.Execute(IndicatorSql.SharedQuantilesSql(quantilePlan.Table, quantilePlan.Quantiles, indicator.Niveaus.Contains("aanbieder")));
                        Profile(null);
                    }
                    sharedCounts = IndicatorSql.QuantileCountsSql(quantilePlan.Table, quantilePlan.Index);
                }
                else if (shared.TryGetValue(indicator.Id, out var plan))
                {
                    if (sharedBuilt.Add(plan.Table))
                    {
                        store.Execute(IndicatorSql.CountingPeriodsSql(indicator));
                        Profile(plan.Table);
                        store.Execute(SimpleUnitQuery.SharedCountsSql(plan.Table, plan.Queries));
                        Profile(null);
                    }
                    sharedCounts = plan.Queries[plan.Index].UnitCountsSql(plan.Table, plan.Index);
                }
                var aggregateSql = IndicatorSql.FillAggregate(aggregate, indicator, sharedCounts, numbers[indicator.Id]);
                if (Environment.GetEnvironmentVariable("ZICHT_SQL_DUMP") is { Length: > 0 } dump)
                    File.WriteAllText(Path.Combine(dump, indicator.Id + ".sql"), unitsSql + ";\n" + aggregateSql);
                if (sharedCounts is null)
                {
                    store.Execute(IndicatorSql.CountingPeriodsSql(indicator));
                    store.Execute(unitsSql);
                }
                var unitsTime = indicatorClock.Elapsed;
                Profile(indicator.Id);
                store.Execute(aggregateSql);
                Profile(null);
                store.Execute($"INSERT INTO ind_berekend SELECT '{indicator.Id}', periode FROM ind_periode");
                if (timing)
                    Console.Error.WriteLine($"{indicator.Id}: units {unitsTime.TotalSeconds:F2} s, aggregate {(indicatorClock.Elapsed - unitsTime).TotalSeconds:F2} s, "
                                            + $"cpu {(Process.GetCurrentProcess().TotalProcessorTime - indicatorCpu).TotalSeconds:F2} s");
                perIndicator.Add((indicator.Id, indicatorClock.Elapsed));
                done++;
            }
            Profile("zero_rows");
            store.Execute(SqlResources.Read("Indicators.Engine.zero_rows.sql"));
            Profile(null);
            progress?.Report(new ComputeProgress("vergelijken", done, _catalogue.Indicators.Count));
            steps.Add(("indicatoren", perIndicator.Aggregate(TimeSpan.Zero, (total, p) => total + p.Item2)));
            // Straight into the stored table (a working table of 3.4 million wide rows first cost seconds more); the
            // working tables it reads were committed before, so the transaction does not slow the query down.
            var writeClock = Stopwatch.StartNew();
            var writeCpu = timing ? Process.GetCurrentProcess().TotalProcessorTime : TimeSpan.Zero;
            if (narrowedTo > vanaf) store.Execute("CREATE OR REPLACE TEMP TABLE ind_periode AS SELECT * FROM ind_periode_run");
            store.Execute("BEGIN TRANSACTION");
            inTransaction = true;
            UpgradeResultTable(full);
            // protections stored for the figures being replaced no longer apply (their key would not match either)
            Disclosure.StoredProtections.DeleteAll(store);
            if (!full)
                store.Execute("""
                    DELETE FROM indicator_result USING ind_berekend
                    WHERE indicator_result.indicator_id = ind_berekend.indicator_id AND indicator_result.periode = ind_berekend.periode
                    """);
            if (timing) Console.Error.WriteLine($"  write: upgrade and delete {writeClock.Elapsed.TotalSeconds:F2} s");
            WriteDefinitions(indicators);
            Profile("benchmark");
            store.Execute("INSERT INTO indicator_result\n" + SqlResources.Read("Indicators.Engine.benchmark.sql"));
            Profile(null);
            if (timing) Console.Error.WriteLine($"  write: + insert {writeClock.Elapsed.TotalSeconds:F2} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - writeCpu).TotalSeconds:F2} s");
            var periods = (int)store.Scalar<long>("SELECT count(*) FROM ind_periode");
            var rows = store.Scalar<long>("SELECT count(*) FROM ind_raw");
            // What youth-level facts the figures were computed with: a later change of them forces a full recompute.
            // A checksum over the youths known now (ids only grow); writing the 1.7 million facts out cost a second.
            store.SetMeta("indicators_youth_max", youthMax.ToString(CultureInfo.InvariantCulture));
            store.SetMeta("indicators_youth_sum", youthChecksum);
            store.Execute("DROP TABLE IF EXISTS indicator_youth_basis");
            store.SetMeta("indicators_for", version);
            store.SetMeta("indicators_fingerprint", fingerprint);
            store.SetMeta("indicators_max_delivery", maxDelivery.ToString(CultureInfo.InvariantCulture));
            store.SetMeta("indicators_data_van", store.Scalar<string>("SELECT CAST(data_van AS VARCHAR) FROM ind_meta"));
            store.SetMeta("indicators_data_tot", store.Scalar<string>("SELECT CAST(data_tot AS VARCHAR) FROM ind_meta"));
            if (timing) Console.Error.WriteLine($"  write: + meta {writeClock.Elapsed.TotalSeconds:F2} s");
            store.Execute("COMMIT");
            inTransaction = false;
            steps.Add(("vergelijken en opslaan", writeClock.Elapsed));
            if (timing)
                Console.Error.WriteLine($"compare and write: {writeClock.Elapsed.TotalSeconds:F2} s");
            return new ComputeResult(false, full, full ? null : vanaf, periods, rows, clock.Elapsed, perIndicator) { Steps = steps };
        }
        catch
        {
            try
            {
                if (inTransaction) store.Execute("ROLLBACK");
            } catch (Exception) { /* the original error matters more */ }
            throw;
        }
        finally
        {
            try { DropWorkingTables(); } catch (Exception) { /* never hide the outcome of the compute */ }
            try { store.Execute("RESET preserve_insertion_order"); } catch (Exception) { /* idem */ }
            try { store.Execute("RESET disabled_compression_methods"); } catch (Exception) { /* idem */ }
        }
    }

    /// <summary>
    /// For whoever tunes the engine: with ZICHT_PROFILE=DIR, DuckDB's profile of the statement that follows (an
    /// indicator's aggregation, the benchmark insert) goes to DIR/NAME.txt; null switches profiling off again.
    /// </summary>
    private void Profile(string? name)
    {
        if (Environment.GetEnvironmentVariable("ZICHT_PROFILE") is not { Length: > 0 } dir) return;
        if (name is null)
        {
            store.Execute("PRAGMA disable_profiling");
            return;
        }
        store.Execute("SET enable_profiling = 'json'");
        store.Execute($"SET profiling_output = '{Path.Combine(dir, name + ".json").Replace("'", "''")}'");
    }

    /// <summary>
    /// Within a recompute, before the indicators whose figures can have changed from a later day only: the periods ending
    /// before that day leave the periods to compute (ind_jeugdige, ind_actief, ind_start and ind_einde are views over them).
    /// </summary>
    private void NarrowWorkingTables(DateOnly vanaf)
    {
        var day = vanaf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        store.Execute($"DELETE FROM ind_periode WHERE tot < DATE '{day}'");
        // the tables of periods made from ind_periode (the quarters that add up to each year) follow it
        store.Execute(SqlResources.Read("Indicators.Prelude.05_start_einde.sql"));
    }

    /// <summary>The engine's working tables and views (ind_*, TEMP: this connection only), millions of rows held in memory.</summary>
    private void DropWorkingTables()
    {
        var names = new List<(string Name, bool IsView)>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = """
                SELECT table_name, table_type = 'VIEW' FROM information_schema.tables
                WHERE table_catalog = 'temp' AND table_name LIKE 'ind\_%' ESCAPE '\'
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read()) names.Add((reader.GetString(0), reader.GetBoolean(1)));
        }
        foreach (var (name, isView) in names)
            store.Execute($"DROP {(isView ? "VIEW" : "TABLE")} IF EXISTS temp.main.\"{name}\"");
    }

    /// <summary>
    /// One indicator broken down by one of its allowed uitsplitsingen (zorgvorm, leeftijdsgroep, geslacht, verwijzer),
    /// for municipalities, regions and the country, for the given periods (e.g. a year and its quarters). Computed on
    /// demand from the same unit query as the stored figures; the stored values are the totals of these breakdowns.
    /// </summary>
    public IReadOnlyList<BreakdownValue> ComputeBreakdown(string indicatorId, IReadOnlyList<string> periodes, string uitsplitsing, ComputeOptions? options = null)
    {
        options ??= new ComputeOptions();
        var indicator = _catalogue.Get(indicatorId);
        if (!indicator.Uitsplitsingen.Contains(uitsplitsing) || uitsplitsing == "aanbieder")
            throw new ArgumentException($"Indicator '{indicatorId}' allows the breakdowns {string.Join(", ", indicator.Uitsplitsingen)}; not '{uitsplitsing}'.");
        store.EnsureDerivedTablesCurrent();
        var prelude = SqlResources.ReadAll("Indicators.Prelude.").ToList();
        store.Execute(SqlResources.Read("Derive.00_keys.sql"));
        store.Execute(prelude[0].Replace("{{vanaf}}", "0001-01-01"));   // (the other steps have no {{vanaf}})
        store.Execute($"DELETE FROM ind_periode WHERE periode NOT IN ({string.Join(", ", periodes.Select(p => "'" + p.Replace("'", "''") + "'"))})");
        foreach (var sql in prelude.Skip(1)) store.Execute(sql.Replace("{{alleen_nodig}}", "true"));
        store.Execute(SqlResources.Read("Indicators.Engine.population_per_gebied.sql") + SqlResources.Read("Indicators.Engine.population.sql"));
        store.Execute(IndicatorSql.CountingPeriodsSql(indicator));
        store.Execute(IndicatorSql.UnitsTableSql(_catalogue.UnitSql(indicator, options.Parameters)).Replace("TEMP VIEW ind_units AS", "TEMP VIEW ind_units_totaal AS"));
        // the breakdown's category takes the place of the (absent) category of the indicator
        store.Execute($"CREATE OR REPLACE TEMP VIEW ind_units AS SELECT * REPLACE (coalesce({uitsplitsing}, 'onbekend') AS categorie) FROM ind_units_totaal");
        var aggregate = IndicatorSql.FillAggregate(SqlResources.Read("Indicators.Engine.aggregate.sql"), indicator with { Niveaus = indicator.Niveaus.Where(n => n != "aanbieder").ToList() });
        store.Execute(aggregate);
        var result = new List<BreakdownValue>();
        using var command = store.Connection.CreateCommand();
        command.CommandText = """
            SELECT raw.niveau, raw.gebied_code, raw.periode, raw.categorie, raw.teller, raw.noemer, raw.waarde, gemeente.jeugdregiocode
            FROM ind_raw AS raw
            LEFT JOIN ind_gemeente AS gemeente ON raw.niveau = 'gemeente' AND gemeente.gemeentecode = raw.gebied_code
            ORDER BY raw.periode, raw.niveau, raw.gebied_code, raw.categorie
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            result.Add(new BreakdownValue(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                (long)reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetDouble(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        DropWorkingTables();
        return result;
    }

    /// <summary>
    /// A recompute of recent periods needs only the care that reaches them: the unit queries read episodes through the
    /// period views (ind_actief, ind_start, ind_einde: care active, started or ended in a period), and the care before or
    /// after an episode through its columns from the derived table episode (vorige_jeugdhulp_eind, volgende_jeugdhulpstart,
    /// jeugdhulpstart_twee_eerder, vorige_crisisstart), not through other rows (CatalogueTests checks that no unit query
    /// reads the working table ind_episode itself). A condition on the derived table episode.
    /// </summary>
    private const string NeededCareSql = "coalesce(episode.einddatum, DATE '9999-12-31') >= (SELECT min(van) FROM ind_periode)";

    /// <summary>
    /// The earliest date whose figures the deliveries after <paramref name="lastDelivery"/> can change: the earliest
    /// start among their trajectories, or the start of an episode their crisis care made a crisis episode. An episode
    /// they merge into keeps its days and attributes before that date (attributes of an episode come from its first
    /// trajectory, outcomes from its last; only the crisis flag comes from any of them), attribution to a municipality
    /// changes only from a new start on, and look-back windows only reach forward from it.
    /// Null when the change can reach every period: older rows were replaced, or a youth's birth month or gender
    /// (as most recently delivered) changed.
    /// </summary>
    private DateOnly? FirstAffectedDate(long lastDelivery)
    {
        var superseded = store.Scalar<long>($"SELECT CAST(coalesce(sum(rows_superseded), 0) + count(*) FILTER (WHERE status <> 'actief' AND delivery_id <= {lastDelivery}) AS BIGINT) FROM delivery WHERE delivery_id > {lastDelivery} OR status <> 'actief'");
        if (superseded > 0) return null;
        if (!long.TryParse(store.GetMeta("indicators_youth_max"), CultureInfo.InvariantCulture, out var youthMax)
            || YouthChecksum(youthMax) != store.GetMeta("indicators_youth_sum")) return null;
        var first = store.Scalar<string>($"SELECT strftime(min(startdatum), '%Y-%m-%d') FROM trajectory WHERE delivery_id > {lastDelivery}");
        // One attribute is not the first trajectory's: an episode is a crisis episode when any of its trajectories is.
        // New crisis care that joined an episode without crisis care before makes its start (earlier than the new
        // start) a crisis start. Found by youth and zorgvorm (a different provider's episode in the same span only
        // recomputes more than needed).
        var crisis = store.Scalar<string>($"""
            SELECT strftime(min(episode.startdatum), '%Y-%m-%d')
            FROM episode
            SEMI JOIN trajectory AS late
              ON late.youth_id = episode.youth_id AND late.zorgvorm = episode.zorgvorm AND late.delivery_id > {lastDelivery} AND late.crisis
             AND late.startdatum > episode.startdatum AND late.startdatum <= coalesce(episode.einddatum, DATE '9999-12-31')
            ANTI JOIN (SELECT * FROM trajectory WHERE delivery_id <= {lastDelivery} AND crisis) AS earlier
              ON earlier.youth_id = episode.youth_id AND earlier.zorgvorm = episode.zorgvorm
             AND earlier.startdatum >= episode.startdatum AND earlier.startdatum <= coalesce(episode.einddatum, DATE '9999-12-31')
            WHERE episode.crisis
            """);
        var dates = new[] { first, crisis }.OfType<string>().Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        return dates.Count == 0 ? DateOnly.MaxValue : dates.Min();
    }

    /// <summary>A checksum of the birth month and gender of the youths up to an id (a 64-bit hash per youth, summed).</summary>
    private string YouthChecksum(long youthMax) => store.Scalar<string>(
        $"SELECT CAST(coalesce(sum(hash(youth_id, geboortemaand, geslacht)), 0) AS VARCHAR) FROM youth_fact WHERE youth_id <= {youthMax}") ?? "0";

    private string Fingerprint(ComputeOptions options)
    {
        var text = new StringBuilder();
        // per indicator its unit query and the SQL that counts it (which follows its calculation, levels and period rule)
        var aggregate = SqlResources.Read("Indicators.Engine.aggregate.sql");
        foreach (var indicator in Indicators(options))
            text.Append(indicator.Id).Append(_catalogue.UnitSql(indicator, options.Parameters))
                .Append(IndicatorSql.CountingPeriodsSql(indicator)).Append(IndicatorSql.FillAggregate(aggregate, indicator));
        foreach (var name in new[] { "Indicators.Engine.aggregate.sql", "Indicators.Engine.benchmark.sql", "Indicators.Engine.population_per_gebied.sql", "Indicators.Engine.population.sql", "Indicators.Engine.zero_rows.sql" })
            text.Append(SqlResources.Read(name));
        foreach (var sql in SqlResources.ReadAll("Indicators.Prelude.")) text.Append(sql);
        // the derived tables the figures are counted from (youth_period, the age rules): a changed rule rebuilds them,
        // and must recompute every figure, also without a new delivery
        foreach (var sql in SqlResources.ReadAll("Derive.")) text.Append(sql);
        // the reference data the figures depend on (by content: the store's reference version changes with every build)
        text.Append(store.Scalar<string>("""
            SELECT CAST((SELECT sum(hash(gemeentecode, jaar, jeugdigen_0_17)) FROM ref_bevolking) AS VARCHAR) || ':' ||
                   CAST((SELECT sum(hash(gemeentecode, gemeentecode_actueel, jeugdregiocode)) FROM ref_gemeente) AS VARCHAR) || ':' ||
                   CAST((SELECT sum(hash(zorgvorm, soort, met_verblijf, gezinsgericht)) FROM ref_zorgvorm) AS VARCHAR)
            """));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

}
