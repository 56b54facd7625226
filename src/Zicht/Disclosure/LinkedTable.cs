namespace Zicht.Disclosure;

/// <summary>A count cell of a linked table. KnownUpper: a bound published elsewhere (e.g. teller &lt;= a published noemer).</summary>
public sealed record TableCell(string Key, long Value, double? KnownUpper = null);

/// <summary>An additive relation between published cells: Total = sum of Parts.</summary>
public sealed record Relation(int Total, IReadOnlyList<int> Parts);

/// <summary>
/// Counts that are published together and hang together: the same count by municipality, region and country,
/// by category and in total. The relations are what an attacker uses to work back a hidden cell.
/// </summary>
public sealed class LinkedTable
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    public List<TableCell> Cells { get; } = [];
    public List<Relation> Relations { get; } = [];

    public int Add(string key, long value, double? knownUpper = null)
    {
        if (_index.TryGetValue(key, out var existing)) return existing;
        Cells.Add(new TableCell(key, value, knownUpper));
        _index[key] = Cells.Count - 1;
        return Cells.Count - 1;
    }

    public int? Find(string key) => _index.TryGetValue(key, out var i) ? i : null;

    public void Relate(int total, IReadOnlyList<int> parts)
    {
        if (parts.Count == 0) return;
        Relations.Add(new Relation(total, parts));
    }

    /// <summary>Relations that hold: a broken one (sum of parts differs from the total) is a bug upstream.</summary>
    public void Validate()
    {
        foreach (var relation in Relations)
        {
            var sum = relation.Parts.Sum(p => Cells[p].Value);
            if (sum != Cells[relation.Total].Value)
                throw new InvalidOperationException(
                    $"Linked table is not additive: {Cells[relation.Total].Key} = {Cells[relation.Total].Value}, parts sum to {sum}.");
        }
    }
}
