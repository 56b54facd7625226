namespace Zicht.Disclosure;

/// <summary>
/// A count cell of a linked table. KnownUpper / KnownLower: bounds an attacker knows beforehand (e.g. teller &lt;= a
/// published noemer; a provider listed in a publication has at least one unit).
/// </summary>
public sealed record TableCell(string Key, long Value, double? KnownUpper = null, double? KnownLower = null);

/// <summary>An additive relation between published cells: Total = sum of Parts.</summary>
public sealed record Relation(int Total, IReadOnlyList<int> Parts);

/// <summary>An order between two cells an attacker knows: Smaller &lt;= Larger (a teller never exceeds its noemer).</summary>
public sealed record AtMost(int Smaller, int Larger);

/// <summary>
/// Counts that are published together and hang together: the same count by municipality, region and country,
/// by category and in total, in a year and its quarters, and the same count in other indicators. The relations
/// are what an attacker uses to work back a hidden cell.
/// </summary>
public sealed class LinkedTable
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    public List<TableCell> Cells { get; } = [];
    public List<Relation> Relations { get; } = [];
    public List<AtMost> Orders { get; } = [];

    public int Add(string key, long value, double? knownUpper = null, double? knownLower = null)
    {
        if (_index.TryGetValue(key, out var existing)) return existing;
        Cells.Add(new TableCell(key, value, knownUpper, knownLower));
        _index[key] = Cells.Count - 1;
        return Cells.Count - 1;
    }

    public int? Find(string key) => _index.TryGetValue(key, out var i) ? i : null;

    private readonly HashSet<string> _relationKeys = new(StringComparer.Ordinal);
    private readonly HashSet<(int, int)> _orderKeys = [];

    /// <summary>Adds total = sum of parts (once: the same relation stated twice adds nothing).</summary>
    public void Relate(int total, IReadOnlyList<int> parts)
    {
        if (parts.Count == 0) return;
        if (!_relationKeys.Add(total + "=" + string.Join("+", parts.Order()))) return;
        Relations.Add(new Relation(total, parts));
    }

    /// <summary>Adds smaller &lt;= larger (once).</summary>
    public void RelateAtMost(int smaller, int larger)
    {
        if (smaller != larger && _orderKeys.Add((smaller, larger))) Orders.Add(new AtMost(smaller, larger));
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
        foreach (var order in Orders)
            if (Cells[order.Smaller].Value > Cells[order.Larger].Value)
                throw new InvalidOperationException(
                    $"Linked table is not ordered: {Cells[order.Smaller].Key} = {Cells[order.Smaller].Value} exceeds {Cells[order.Larger].Key} = {Cells[order.Larger].Value}.");
    }
}
