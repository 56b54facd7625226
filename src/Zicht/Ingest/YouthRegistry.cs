using System.Collections.Concurrent;
using System.Text;
using Zicht.Privacy;
using Zicht.Storage;

namespace Zicht.Ingest;

/// <summary>
/// Gives every youth one integer id, for the stored pseudonyms and the new ones of this ingest. The BSN
/// cache lives only in memory during one ingest call (raw identifiers never leave ingest) and makes the
/// HMAC run once per youth instead of once per row.
/// </summary>
public sealed class YouthRegistry
{
    private readonly Pseudonymiser _pseudonymiser;
    private readonly ConcurrentDictionary<int, int> _idByBsn = new();
    private readonly Dictionary<UInt128, int> _idByPseudonym;
    private readonly List<(int Id, string Pseudoniem)> _added = [];
    private readonly Lock _gate = new();
    private int _lastId;

    private YouthRegistry(Pseudonymiser pseudonymiser, Dictionary<UInt128, int> known, int lastId)
    {
        _pseudonymiser = pseudonymiser;
        _idByPseudonym = known;
        _lastId = lastId;
    }

    /// <summary>Reads the stored pseudonyms. The first 128 bits of the 256-bit HMAC are the key: a collision is not a practical risk.</summary>
    public static YouthRegistry Load(ZichtStore store, Pseudonymiser pseudonymiser)
    {
        var count = store.Scalar<long>("SELECT count(*) FROM youth");
        var known = new Dictionary<UInt128, int>((int)count);
        var lastId = 0;
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT youth_id, pseudoniem FROM youth";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            known[KeyOf(Encoding.ASCII.GetBytes(reader.GetString(1)))] = id;
            if (id > lastId) lastId = id;
        }
        return new YouthRegistry(pseudonymiser, known, lastId);
    }

    /// <summary>The youths added since the last <see cref="Commit"/>, to be stored with the delivery.</summary>
    public IReadOnlyList<(int Id, string Pseudoniem)> Added => _added;

    /// <summary>The id of the youth with this BSN (9 digits that passed the 11-proef).</summary>
    public int ForBsn(ReadOnlySpan<byte> bsnDigits)
    {
        var bsn = 0;
        foreach (var digit in bsnDigits) bsn = bsn * 10 + (digit - '0');
        if (_idByBsn.TryGetValue(bsn, out var id)) return id;
        Span<byte> pseudonym = stackalloc byte[64];
        _pseudonymiser.Pseudonymise(bsnDigits, pseudonym);
        id = ForPseudonym(pseudonym);
        _idByBsn.TryAdd(bsn, id);
        return id;
    }

    /// <summary>The id of the youth with this pseudonym (64 lower-case hex characters).</summary>
    public int ForPseudonym(ReadOnlySpan<byte> pseudonymHex)
    {
        var key = KeyOf(pseudonymHex);
        lock (_gate)
        {
            if (_idByPseudonym.TryGetValue(key, out var id)) return id;
            id = ++_lastId;
            _idByPseudonym[key] = id;
            _added.Add((id, Encoding.ASCII.GetString(pseudonymHex)));
            return id;
        }
    }

    /// <summary>The added youths are stored: keep them.</summary>
    public void Commit() => _added.Clear();

    /// <summary>The delivery was not stored: forget the youths it added.</summary>
    public void Rollback() => Forget(_added.Select(a => a.Id).ToList());

    /// <summary>
    /// Forgets added youths that will not be stored (a delivery rolled back, or youths only on rejected
    /// duplicate rows). Their ids are not reused: ids only need to be unique.
    /// </summary>
    public void Forget(IReadOnlyCollection<int> ids)
    {
        if (ids.Count == 0) return;
        var forgotten = ids.ToHashSet();
        lock (_gate)
        {
            foreach (var (id, pseudoniem) in _added.Where(a => forgotten.Contains(a.Id)))
                _idByPseudonym.Remove(KeyOf(Encoding.ASCII.GetBytes(pseudoniem)));
            foreach (var (bsn, id) in _idByBsn)
                if (forgotten.Contains(id)) _idByBsn.TryRemove(bsn, out _);
            _added.RemoveAll(a => forgotten.Contains(a.Id));
        }
    }

    private static UInt128 KeyOf(ReadOnlySpan<byte> hex)
    {
        UInt128 key = 0;
        for (var i = 0; i < 32; i++)
        {
            var c = hex[i] | 0x20;
            key = (key << 4) | (uint)(c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return key;
    }
}
