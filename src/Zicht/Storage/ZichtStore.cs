using System.Globalization;
using System.Reflection;
using System.Text;
using DuckDB.NET.Data;
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
    public string TrajectoryVersion() =>
        Scalar<string>("SELECT coalesce(max(delivery_id), 0) || ':' || count(*) || ':' || coalesce(sum(CASE WHEN status = 'actief' THEN 1 ELSE 0 END), 0) FROM delivery") ?? "0";

    public bool DerivedTablesAreCurrent() =>
        GetMeta("derived_for") == DerivedVersion() && TableExists("episode") && TableExists("placement") && TableExists("youth_period");

    /// <summary>What the derived tables are built from: the deliveries, and the derive SQL itself (a changed rule rebuilds them).</summary>
    private string DerivedVersion() => TrajectoryVersion() + ":" + DeriveSqlHash.Value;

    private static readonly Lazy<string> DeriveSqlHash = new(() => Convert.ToHexString(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Concat(SqlResources.ReadAll("Derive.")))))[..8]);

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

    /// <summary>Rebuilds episodes, youth facts and placements from the trajectories, all or nothing.</summary>
    public void RebuildDerivedTables()
    {
        using var bulk = UnorderedBulkWrites();
        Execute("BEGIN TRANSACTION");
        try
        {
            foreach (var sql in SqlResources.ReadAll("Derive."))
                Execute(sql);
            SetMeta("derived_for", DerivedVersion());
            Execute("COMMIT");
        }
        catch
        {
            Execute("ROLLBACK");
            throw;
        }
    }

    /// <summary>Derived tables are rebuilt when an earlier run was interrupted between ingest and derive.</summary>
    public bool EnsureDerivedTablesCurrent()
    {
        if (DerivedTablesAreCurrent()) return false;
        RebuildDerivedTables();
        return true;
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
