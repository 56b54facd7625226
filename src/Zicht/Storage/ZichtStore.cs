using System.Globalization;
using System.Reflection;
using System.Text;
using DuckDB.NET.Data;
using Zicht.Derive;
using Zicht.Reference;

namespace Zicht.Storage;

/// <summary>
/// The embedded DuckDB store: opens (and creates) the file, keeps the schema and the reference tables
/// current, and rebuilds the derived tables. One process writes at a time (DuckDB's file lock).
/// </summary>
public sealed class ZichtStore : IDisposable
{
    public StoreLocation Location { get; }
    public DuckDBConnection Connection { get; }

    private ZichtStore(StoreLocation location, DuckDBConnection connection)
    {
        Location = location;
        Connection = connection;
    }

    public static ZichtStore Open(StoreLocation location)
    {
        Directory.CreateDirectory(location.Folder);
        DuckDBConnection connection;
        try
        {
            connection = new DuckDBConnection($"Data Source={location.DatabasePath}");
            connection.Open();
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The store {location.DatabasePath} is in use by another Zicht process; wait for it to finish or stop it.", e);
        }
        // Only now that this process holds the store's lock: another process's work files are not touched.
        RemoveLeftoverWorkFiles(location);
        var store = new ZichtStore(location, connection);
        // DuckDB takes 80% of RAM by default; Zicht stays well under 4 GB and spills to the store's folder.
        var memoryLimit = Environment.GetEnvironmentVariable("ZICHT_DUCKDB_MEMORY") ?? "2GB";
        store.Execute($"SET memory_limit = '{memoryLimit.Replace("'", "")}'; SET temp_directory = '{Path.Combine(location.Folder, "duckdb.tmp").Replace("'", "''")}';");
        store.Execute(CodeTypes(ReferenceData.Shipped));
        store.Execute(SqlResources.Read("Storage.schema.sql"));
        store.CheckSchemaVersion();
        store.LoadReferenceData(ReferenceData.Shipped);
        return store;
    }

    /// <summary>Bumped when the stored layout changes in a way an older store cannot follow.</summary>
    public const string SchemaVersion = "1";

    private void CheckSchemaVersion()
    {
        var stored = GetMeta("schema_version");
        if (stored is null) SetMeta("schema_version", SchemaVersion);
        else if (stored != SchemaVersion)
            throw new InvalidOperationException(
                $"The store {Location.DatabasePath} has layout version {stored}; this Zicht needs {SchemaVersion}. " +
                "Ingest the deliveries again into a new store (--store or ZICHT_HOME).");
    }

    /// <summary>ENUM types for the code columns, from the reference data (one source of truth for the codes).</summary>
    internal static string CodeTypes(ReferenceData reference)
    {
        static string Enum(string name, IEnumerable<string> values) =>
            $"CREATE TYPE IF NOT EXISTS {name} AS ENUM ({string.Join(", ", values.Select(v => "'" + v.Replace("'", "''") + "'"))});\n";
        return Enum("zorgvorm_code", reference.Zorgvormen.Select(z => z.Code))
            + Enum("geslacht_code", reference.Geslachten.Select(g => g.Value))
            + Enum("verwijzer_code", reference.Verwijzers.Select(v => v.Value))
            + Enum("reden_einde_code", reference.RedenenEinde.Select(r => r.Value))
            + Enum("jno_code", ["J", "N", "O"])
            + Enum("doelrealisatie_code", ["V", "G", "N", "O"]);
    }

    /// <summary>Work files of an interrupted ingest (clean rows without identifiers) are useless: remove them.</summary>
    private static void RemoveLeftoverWorkFiles(StoreLocation location)
    {
        if (!Directory.Exists(location.WorkFolder)) return;
        foreach (var file in Directory.EnumerateFiles(location.WorkFolder))
            File.Delete(file);
    }

    public int Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command.ExecuteNonQuery();
    }

    public T? Scalar<T>(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        if (value is null || value is DBNull) return default;
        if (value is T typed) return typed;
        if (value is System.Numerics.BigInteger big) value = (decimal)big;   // sum() of integers is a HUGEINT
        return (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    public bool TableExists(string table) =>
        Scalar<long>($"SELECT count(*) FROM information_schema.tables WHERE table_name = '{table}'") > 0;

    public string? GetMeta(string key) => Scalar<string>($"SELECT value FROM store_meta WHERE key = '{key}'");

    public void SetMeta(string key, string? value)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "DELETE FROM store_meta WHERE key = $key; INSERT INTO store_meta VALUES ($key, $value);";
        command.Parameters.Add(new DuckDBParameter("key", key));
        command.Parameters.Add(new DuckDBParameter("value", (object?)value ?? DBNull.Value));
        command.ExecuteNonQuery();
    }

    /// <summary>A marker that changes whenever the stored trajectories change.</summary>
    public string TrajectoryVersion() => TrajectoryVersionAsOf(Scalar<long?>("SELECT max(delivery_id) FROM delivery") ?? 0);

    /// <summary>What <see cref="TrajectoryVersion"/> was when <paramref name="deliveryId"/> was the latest delivery: the
    /// deliveries up to it, those replaced since by a later correction counted as active, as they were then. (For the
    /// latest delivery no correction came later: the marker of now; one formula, so the two can never differ.)</summary>
    private string TrajectoryVersionAsOf(long deliveryId) =>
        Scalar<string>($"""
            SELECT {deliveryId} || ':' || count(*) || ':' || coalesce(sum(CASE WHEN status = 'actief' OR replaced_by > {deliveryId} THEN 1 ELSE 0 END), 0)
            FROM delivery WHERE delivery_id <= {deliveryId}
            """) ?? "0";

    private static readonly string[] DerivedTables = ["episode", "youth_fact", "youth_gemeente", "placement", "youth_period"];

    public bool DerivedTablesAreCurrent() =>
        DerivedTables.All(TableExists)
        && GetMeta("derived_sql") == DeriveSqlHash.Value
        && GetMeta("derived_reference") == ReferenceHash()
        && GetMeta("derived_deliveries") == TrajectoryVersion();

    private static readonly Lazy<string> DeriveSqlHash = new(() => Convert.ToHexString(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Concat(SqlResources.ReadAll("Derive.")))))[..8]);

    /// <summary>The reference data the derive steps read (municipalities and zorgvormen), by content: the reference version changes with every build.</summary>
    private string ReferenceHash() =>
        Scalar<string>("""
            SELECT CAST((SELECT coalesce(sum(hash(gemeentecode, gemeentenaam, jeugdregiocode, geldig_van, geldig_tot, opgevolgd_door, gemeentecode_actueel)), 0) FROM ref_gemeente) AS VARCHAR)
                || ':' || CAST((SELECT coalesce(sum(hash(zorgvorm, soort, met_verblijf, gezinsgericht)), 0) FROM ref_zorgvorm) AS VARCHAR)
            """) ?? "0";

    /// <summary>
    /// For bulk inserts whose rows carry their own order (line numbers, ids): DuckDB may then write in
    /// parallel, about twice as fast on two cores. Restores the default on dispose.
    /// </summary>
    public IDisposable UnorderedBulkWrites()
    {
        Execute("SET preserve_insertion_order = false");
        return new Restore(() => Execute("SET preserve_insertion_order = true"));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>Rebuilds episodes, youth facts and placements from all trajectories, all or nothing.</summary>
    public DeriveResult RebuildDerivedTables() => Derive(fullRebuildReason: "volledig gevraagd");

    /// <summary>
    /// Brings the derived tables up to date after new deliveries: only the rows of the youths whose trajectories
    /// changed are rebuilt, when the store's record proves what the tables were built from; else all of them.
    /// All or nothing, and either way the same rows as a full rebuild.
    /// </summary>
    public DeriveResult UpdateDerivedTables() => Derive(fullRebuildReason: null);

    /// <summary>
    /// Rebuilds the derived tables in full when they do not reflect the stored deliveries (an earlier run interrupted
    /// between ingest and derive, an ingest without derive, other derive SQL or reference data).
    /// </summary>
    public bool EnsureDerivedTablesCurrent()
    {
        if (DerivedTablesAreCurrent()) return false;
        RebuildDerivedTables();
        return true;
    }

    private DeriveResult Derive(string? fullRebuildReason)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var bulk = UnorderedBulkWrites();
        Execute("BEGIN TRANSACTION");
        try
        {
            var latestDelivery = Scalar<long?>("SELECT max(delivery_id) FROM delivery") ?? 0;
            long derivedThrough = 0;
            fullRebuildReason ??= WhyNotIncremental(out derivedThrough);
            long youths;
            if (fullRebuildReason is null)
            {
                Execute($"""
                    CREATE OR REPLACE TEMP TABLE {DeriveSql.YouthTable} AS
                    SELECT youth_id FROM trajectory WHERE delivery_id > {derivedThrough}
                    UNION
                    SELECT youth_id FROM trajectory_superseded WHERE superseded_by > {derivedThrough}
                    UNION
                    SELECT youth_id FROM replaced_trajectory_youth WHERE delivery_id > {derivedThrough} AND youth_id IS NOT NULL
                    """);
                youths = Scalar<long>($"SELECT count(*) FROM {DeriveSql.YouthTable}");
                var previousDataEnd = Scalar<string>("SELECT strftime(max(startdatum), '%Y-%m-%d') FROM episode");
                foreach (var sql in DeriveSql.ForYouthsInScope(previousDataEnd is null ? null : DateOnly.ParseExact(previousDataEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture)))
                    Execute(sql);
            }
            else
            {
                foreach (var sql in DeriveSql.FullRebuild())
                    Execute(sql);
                youths = Scalar<long>("SELECT count(*) FROM youth_fact");
            }
            Execute($"DROP TABLE IF EXISTS {DeriveSql.YouthTable}");
            // what the tables now reflect, so that the next derive knows which deliveries are new
            SetMeta("derived_through_delivery", latestDelivery.ToString(CultureInfo.InvariantCulture));
            SetMeta("derived_deliveries", TrajectoryVersion());
            SetMeta("derived_sql", DeriveSqlHash.Value);
            SetMeta("derived_reference", ReferenceHash());
            Execute("DELETE FROM store_meta WHERE key = 'derived_for'");   // the marker earlier versions kept
            Execute($"DELETE FROM replaced_trajectory_youth WHERE delivery_id <= {latestDelivery}");
            Execute("COMMIT");
            return new DeriveResult(fullRebuildReason, youths, clock.Elapsed);
        }
        catch
        {
            Execute("ROLLBACK");
            throw;
        }
    }

    /// <summary>Why only some youths' rows cannot be rebuilt (null: they can, from the deliveries after <paramref name="derivedThrough"/>).</summary>
    private string? WhyNotIncremental(out long derivedThrough)
    {
        derivedThrough = 0;
        if (!DerivedTables.All(TableExists)) return "afgeleide tabellen ontbreken";
        if (!long.TryParse(GetMeta("derived_through_delivery"), NumberStyles.None, CultureInfo.InvariantCulture, out derivedThrough))
            return "onbekend waaruit de afgeleide tabellen zijn gemaakt";
        if (GetMeta("derived_sql") != DeriveSqlHash.Value) return "afleidregels gewijzigd";
        if (GetMeta("derived_reference") != ReferenceHash()) return "referentiegegevens gewijzigd";
        // the deliveries up to then must still be what they were: a correction of one of them since is counted below
        if (GetMeta("derived_deliveries") != TrajectoryVersionAsOf(derivedThrough))
            return "afgeleide tabellen passen niet bij de leveringen";
        // A correction removes the rows of the delivery it replaces: whose they were is only known if it was recorded.
        if (Scalar<long>($"""
                SELECT count(*)
                FROM (SELECT DISTINCT replaced_by AS delivery_id FROM delivery WHERE replaced_by > {derivedThrough}) AS correction
                ANTI JOIN replaced_trajectory_youth AS recorded ON recorded.delivery_id = correction.delivery_id AND recorded.youth_id IS NULL
                """) > 0)
            return "correctie zonder vastgelegde jeugdigen";
        return null;
    }

    private void LoadReferenceData(ReferenceData reference)
    {
        var version = typeof(ReferenceData).Assembly.ManifestModule.ModuleVersionId.ToString();
        if (TableExists("ref_gemeente") && GetMeta("reference_version") == version) return;

        var sql = new StringBuilder("BEGIN TRANSACTION;\n");
        sql.AppendLine("CREATE OR REPLACE TABLE ref_jeugdregio (jeugdregiocode VARCHAR, jeugdregionaam VARCHAR);");
        AppendInsert(sql, "ref_jeugdregio", reference.Jeugdregios.Select(r => new object?[] { r.Jeugdregiocode, r.Jeugdregionaam }));
        sql.AppendLine("CREATE OR REPLACE TABLE ref_gemeente (gemeentecode VARCHAR, gemeentenaam VARCHAR, jeugdregiocode VARCHAR, geldig_van DATE, geldig_tot DATE, opgevolgd_door VARCHAR, gemeentecode_actueel VARCHAR);");
        AppendInsert(sql, "ref_gemeente", reference.Gemeenten.Select(g => new object?[]
            { g.Gemeentecode, g.Gemeentenaam, g.Jeugdregiocode, g.GeldigVan, g.GeldigTot, g.OpgevolgdDoor, reference.CurrentGemeentecode(g.Gemeentecode) }));
        sql.AppendLine("CREATE OR REPLACE TABLE ref_zorgvorm (zorgvorm VARCHAR, omschrijving VARCHAR, soort VARCHAR, met_verblijf BOOLEAN, gezinsgericht BOOLEAN);");
        AppendInsert(sql, "ref_zorgvorm", reference.Zorgvormen.Select(z => new object?[] { z.Code, z.Omschrijving, z.Soort, z.MetVerblijf, z.Gezinsgericht }));
        sql.AppendLine("CREATE OR REPLACE TABLE ref_reden_einde (reden_einde VARCHAR, omschrijving VARCHAR);");
        AppendInsert(sql, "ref_reden_einde", reference.RedenenEinde.Select(c => new object?[] { c.Value, c.Omschrijving }));
        sql.AppendLine("CREATE OR REPLACE TABLE ref_verwijzer (verwijzer VARCHAR, omschrijving VARCHAR);");
        AppendInsert(sql, "ref_verwijzer", reference.Verwijzers.Select(c => new object?[] { c.Value, c.Omschrijving }));
        sql.AppendLine("CREATE OR REPLACE TABLE ref_bevolking (gemeentecode VARCHAR, jaar INTEGER, jeugdigen_0_17 INTEGER, bron VARCHAR);");
        AppendInsert(sql, "ref_bevolking", reference.Bevolking.Select(p => new object?[] { p.Gemeentecode, p.Jaar, p.Jeugdigen0Tot17, p.Bron }));
        sql.AppendLine("COMMIT;");
        Execute(sql.ToString());
        SetMeta("reference_version", version);
    }

    private static void AppendInsert(StringBuilder sql, string table, IEnumerable<object?[]> rows)
    {
        var first = true;
        foreach (var row in rows)
        {
            sql.Append(first ? $"INSERT INTO {table} VALUES\n(" : ",\n(");
            first = false;
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) sql.Append(", ");
                sql.Append(row[i] switch
                {
                    null => "NULL",
                    string s => "'" + s.Replace("'", "''") + "'",
                    bool b => b ? "true" : "false",
                    DateOnly d => "DATE '" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => throw new ArgumentException($"Unsupported reference value {other}"),
                });
            }
            sql.Append(')');
        }
        if (!first) sql.AppendLine(";");
    }

    public void Dispose() => Connection.Dispose();
}

/// <summary>What a derive did: a full rebuild (and why), or the rows of some youths only.</summary>
public sealed record DeriveResult(string? FullRebuildReason, long YouthsDerived, TimeSpan Duration)
{
    public bool Full => FullRebuildReason is not null;
}

/// <summary>SQL files embedded in this assembly (one query per file, as the architecture asks).</summary>
public static class SqlResources
{
    private static readonly Assembly Assembly = typeof(SqlResources).Assembly;

    public static string Read(string relativeName)
    {
        using var stream = Assembly.GetManifestResourceStream("Zicht." + relativeName)
            ?? throw new InvalidOperationException($"SQL resource {relativeName} is not embedded; rebuild the project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>All embedded SQL files under a folder prefix, in file-name order.</summary>
    public static IEnumerable<string> ReadAll(string folderPrefix) =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Zicht." + folderPrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(n["Zicht.".Length..]));
}
