using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Zicht.Indicators;
using Zicht.Storage;

namespace Zicht.Disclosure;

/// <summary>
/// Family protections kept in the store, so that a new process (every `zicht export`) does not run suppression again
/// for a family and period group that was protected before with the same policy. An entry is found by a key over
/// everything the protection follows from: the method version, the period group, the family's indicators, every field
/// of the policy, the version of the computed figures (indicators_for, indicators_fingerprint), the catalogue, and the
/// family's counts and links themselves (as a hash). A compute deletes every entry in the transaction that replaces the
/// figures.
/// Stored per entry: the status of every cell that is not published as it is (no counts, no audit bounds), the
/// providers left out, and how many cells the audit checked. Only protections whose audit passed are stored; a failed
/// one is protected again each time (publication refuses it anyway).
/// </summary>
public sealed class StoredProtections(ZichtStore store, IndicatorCatalogue catalogue)
{
    /// <summary>One row per stored protection.</summary>
    public const string EntryTable = "publicatie_bescherming";
    /// <summary>One row per hidden cell of a stored protection.</summary>
    public const string CellTable = "publicatie_bescherming_cel";

    private readonly Lazy<string> _catalogueHash = new(() => Hash(JsonSerializer.Serialize(new { catalogue.Indicators, catalogue.Parameters })));

    /// <summary>Removes every stored protection; for the compute, in the transaction that replaces the figures.</summary>
    public static void DeleteAll(ZichtStore store)
    {
        if (store.TableExists(CellTable)) store.Execute($"DELETE FROM {CellTable}");
        if (store.TableExists(EntryTable)) store.Execute($"DELETE FROM {EntryTable}");
    }

    /// <summary>The key of a family's protection, or null when the store has no computed figures to tie it to.</summary>
    public string? KeyOf(string group, PublishedCounts counts, CountLinks links, int family, DisclosurePolicy policy)
    {
        var computedFor = store.GetMeta("indicators_for");
        var fingerprint = store.GetMeta("indicators_fingerprint");
        if (computedFor is null || fingerprint is null) return null;
        var members = Enumerable.Range(0, counts.Series.Count).Where(s => links.FamilyOf(s) == family).ToList();
        var text = new StringBuilder()
            .Append("methode=").Append(FamilyProtection.MethodVersion)
            .Append("\ngroep=").Append(group)
            .Append("\nindicatoren=").AppendJoin(',', members.Select(s => counts.Series[s].IndicatorId).Distinct().Order(StringComparer.Ordinal))
            .Append("\nbeleid=").Append(JsonSerializer.Serialize(policy))
            .Append("\nindicators_for=").Append(computedFor)
            .Append("\nindicators_fingerprint=").Append(fingerprint)
            .Append("\ncatalogus=").Append(_catalogueHash.Value)
            .Append("\ntellingen=").Append(InputHash(counts, links, family, members));
        return Hash(text.ToString());
    }

    /// <summary>
    /// What the protection of the family is computed from: the periods, the areas, the family's counts and where they are
    /// present, and its links. Equal inputs give equal protections, whatever the versions say.
    /// </summary>
    private static string InputHash(PublishedCounts counts, CountLinks links, int family, IReadOnlyList<int> members)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        void AddNumbers(IEnumerable<long> numbers) => Add(string.Join(',', numbers));
        Add(string.Join(',', counts.Periods));
        foreach (var area in counts.Areas) Add($"{area.Niveau}|{area.Code}|{area.RegioCode}");
        foreach (var s in members)
        {
            var series = counts.Series[s];
            Add($"{s}|{series.Name}|{series.Additive}");
            for (var p = 0; p < counts.Periods.Count; p++)
            {
                AddNumbers(series.Values[p]);
                AddNumbers(series.Present[p].Select(present => present ? 1L : 0L));
                Add($"{links.Canonical(s, p, provider: false)}|{links.Canonical(s, p, provider: true)}");
            }
        }
        foreach (var sum in links.Sums.Where(sum => links.FamilyOf(sum.Series) == family))
            Add($"som {sum.Series} {sum.Period} {sum.Providers} {string.Join(',', sum.Parts)}");
        foreach (var (teller, noemer) in links.Orders.Where(order => links.FamilyOf(order.Teller) == family))
            Add($"orde {teller} {noemer}");
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The protection stored under <paramref name="key"/>, rebuilt for these counts; null when there is none (or it cannot be read).</summary>
    public FamilyProtection? Find(string key, PublishedCounts counts, CountLinks links, int family)
    {
        try
        {
            if (!store.TableExists(EntryTable) || !store.TableExists(CellTable)) return null;
            int auditedCells, cellCount;
            var omitted = new HashSet<string>(StringComparer.Ordinal);
            using (var command = store.Connection.CreateCommand())
            {
                command.CommandText = $"SELECT gecontroleerde_cellen, cellen, weggelaten_aanbieders FROM {EntryTable} WHERE sleutel = $sleutel";
                command.Parameters.Add(new DuckDBParameter("sleutel", key));
                using var reader = command.ExecuteReader();
                if (!reader.Read()) return null;
                auditedCells = reader.GetInt32(0);
                cellCount = reader.GetInt32(1);
                foreach (var provider in JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? []) omitted.Add(provider);
            }
            var seriesIndex = counts.Series.Select((s, i) => (s.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
            var periodIndex = counts.Periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
            var hidden = new List<(int, int, int, CellStatus)>();
            using (var command = store.Connection.CreateCommand())
            {
                command.CommandText = $"SELECT reeks, periode, niveau, gebied_code, status FROM {CellTable} WHERE sleutel = $sleutel";
                command.Parameters.Add(new DuckDBParameter("sleutel", key));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    // the key covers the counts, so every cell fits them; one that does not makes the entry unusable
                    if (!seriesIndex.TryGetValue(reader.GetString(0), out var series)
                        || !periodIndex.TryGetValue(reader.GetString(1), out var period)
                        || !counts.AreaIndex.TryGetValue(PublishedCounts.AreaKey(reader.GetString(2), reader.GetString(3)), out var area)
                        || !Enum.TryParse<CellStatus>(reader.GetString(4), out var status))
                        return null;
                    hidden.Add((series, period, area, status));
                }
            }
            return FamilyProtection.Restore(counts, links, family, hidden, omitted, auditedCells, cellCount);
        }
        catch (DbException e)
        {
            Console.Error.WriteLine($"zicht: opgeslagen bescherming niet leesbaar ({e.GetType().Name}); de tabel wordt opnieuw beschermd.");
            return null;
        }
    }

    /// <summary>
    /// Stores a protection whose audit passed, all rows of the entry or none (one transaction). When the store cannot be
    /// written, publication goes on without: the protection is simply not kept. Returns whether it was stored.
    /// </summary>
    public bool Save(string key, string group, DisclosurePolicy policy, PublishedCounts counts, FamilyProtection protection)
    {
        if (!protection.Audit.Passed || protection.FromStore) return false;
        var began = false;
        try
        {
            store.Execute("BEGIN TRANSACTION");
            began = true;
            store.Execute($"""
                CREATE TABLE IF NOT EXISTS {EntryTable} (
                    sleutel               VARCHAR NOT NULL,   -- SHA-256 of everything the protection follows from (StoredProtections.KeyOf)
                    groep                 VARCHAR NOT NULL,   -- the period group: a year and its quarters
                    indicatoren           VARCHAR NOT NULL,   -- the family's indicators
                    beleid                VARCHAR NOT NULL,   -- the disclosure policy, as JSON
                    methode               INTEGER NOT NULL,   -- FamilyProtection.MethodVersion
                    berekend_voor         VARCHAR NOT NULL,   -- store_meta indicators_for when it was protected
                    gecontroleerde_cellen INTEGER NOT NULL,   -- cells the (passed) audit checked
                    cellen                INTEGER NOT NULL,   -- cells in all tables of the family
                    weggelaten_aanbieders VARCHAR NOT NULL,   -- providers (a JSON array of AGB codes) not published in this family and year
                    opgeslagen_op         TIMESTAMP NOT NULL
                );
                CREATE TABLE IF NOT EXISTS {CellTable} (
                    sleutel     VARCHAR NOT NULL,
                    reeks       VARCHAR NOT NULL,   -- the canonical count: indicator:part
                    periode     VARCHAR NOT NULL,
                    niveau      VARCHAR NOT NULL,
                    gebied_code VARCHAR NOT NULL,
                    status      VARCHAR NOT NULL    -- a CellStatus other than Gepubliceerd (every cell not listed is published)
                );
                """);
            using (var command = store.Connection.CreateCommand())
            {
                command.CommandText = $"DELETE FROM {CellTable} WHERE sleutel = $sleutel; DELETE FROM {EntryTable} WHERE sleutel = $sleutel;";
                command.Parameters.Add(new DuckDBParameter("sleutel", key));
                command.ExecuteNonQuery();
            }
            using (var appender = store.Connection.CreateAppender(CellTable))
                foreach (var (series, period, area, status) in protection.HiddenCells())
                    appender.CreateRow()
                        .AppendValue(key).AppendValue(counts.Series[series].Name).AppendValue(counts.Periods[period])
                        .AppendValue(counts.Areas[area].Niveau).AppendValue(counts.Areas[area].Code).AppendValue(status.ToString())
                        .EndRow();
            using (var command = store.Connection.CreateCommand())
            {
                command.CommandText = $"INSERT INTO {EntryTable} VALUES ($sleutel, $groep, $indicatoren, $beleid, $methode, $berekend_voor, $gecontroleerd, $cellen, $weggelaten, now())";
                command.Parameters.Add(new DuckDBParameter("sleutel", key));
                command.Parameters.Add(new DuckDBParameter("groep", group));
                command.Parameters.Add(new DuckDBParameter("indicatoren", string.Join(",", protection.Indicators.Order(StringComparer.Ordinal))));
                command.Parameters.Add(new DuckDBParameter("beleid", JsonSerializer.Serialize(policy)));
                command.Parameters.Add(new DuckDBParameter("methode", FamilyProtection.MethodVersion));
                command.Parameters.Add(new DuckDBParameter("berekend_voor", store.GetMeta("indicators_for") ?? ""));
                command.Parameters.Add(new DuckDBParameter("gecontroleerd", protection.Audit.CellCount));
                command.Parameters.Add(new DuckDBParameter("cellen", protection.CellCount));
                command.Parameters.Add(new DuckDBParameter("weggelaten", JsonSerializer.Serialize(protection.Omitted.Order(StringComparer.Ordinal))));
                command.ExecuteNonQuery();
            }
            store.Execute("COMMIT");
            return true;
        }
        catch (DbException e)
        {
            if (began)
                try { store.Execute("ROLLBACK"); } catch (DbException) { /* the connection is broken; nothing was committed */ }
            // no figures in the message: the entry holds statuses only, and the error says why the store refused it
            Console.Error.WriteLine($"zicht: bescherming niet opgeslagen in de opslag ({e.Message.Split('\n')[0]}); de publicatie gaat door zonder.");
            return false;
        }
    }
}
