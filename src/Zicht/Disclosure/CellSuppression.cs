namespace Zicht.Disclosure;

/// <summary>The outcome of protecting one linked table: how each cell is published, and the audit that proves it.</summary>
public sealed record ProtectedTable(LinkedTable Table, IReadOnlyList<CellStatus> Status, AuditReport Audit, int Rounds);

/// <summary>
/// Primary and secondary suppression of a linked table.
/// Secondary suppression is a modular heuristic in two steps. (1) Singleton elimination: while a relation
/// (total = sum of parts) holds exactly one hidden cell, that cell could be computed by subtraction, so the
/// smallest publishable cell of the same relation (value at least MinCount, preferring parts over totals) is
/// hidden as well; this alone stops the "total minus all-but-one" attack. (2) Audit and repair: the exact
/// LP audit (AttackAuditor) finds what singleton elimination misses, such as a cell pinned by combining a row
/// and a column, or an interval narrowed by a too small complement; for every failing cell one more
/// complement is hidden in a relation of that cell, and the audit runs again until it passes.
/// Why this and not the hypercube method: the hypercube (GHMITER) needs a full cross-classified table, while
/// Zicht's linked tables are hierarchies (municipality in region in country) crossed with categories; the
/// heuristic works on any set of additive relations, and the audit, not the heuristic, carries the proof.
/// The price is that it can hide more cells than an optimal (integer-programming) method would.
/// </summary>
public sealed class CellSuppression(DisclosurePolicy policy, AttackAuditor? auditor = null)
{
    private readonly AttackAuditor _auditor = auditor ?? new AttackAuditor();
    private const int MaxRounds = 200;
    private HashSet<int> _locked = [];

    /// <summary>
    /// What each repair round's audit establishes. Verdict (the default) is enough to choose complements, and the
    /// pattern is the same as with exact bounds, because both give the same set of unprotected cells.
    /// </summary>
    internal AuditGoal Goal { get; init; } = AuditGoal.Verdict;

    public ProtectedTable Protect(LinkedTable table) => Protect(table, new Dictionary<int, CellStatus>());

    /// <summary>
    /// Protects a table some of whose cells were already published elsewhere with a fixed status (e.g. the totals of a
    /// breakdown, published in the table without breakdown). Such cells keep that status: a total shown elsewhere may not
    /// be hidden here (the attacker has it anyway), and a total hidden elsewhere stays hidden.
    /// </summary>
    public ProtectedTable Protect(LinkedTable table, IReadOnlyDictionary<int, CellStatus> fixedStatus)
    {
        table.Validate();
        var status = table.Cells.Select(PrimaryStatus).ToArray();
        foreach (var (cell, given) in fixedStatus) status[cell] = given;
        _locked = fixedStatus.Keys.ToHashSet();
        var relationsOfCell = RelationsPerCell(table);
        var ordersOfCell = OrdersPerCell(table);
        var timing = Environment.GetEnvironmentVariable("ZICHT_TIMING") is not null;
        var phase = System.Diagnostics.Stopwatch.StartNew();
        EliminateSingletons(table, status);
        if (timing) Console.Error.WriteLine($"singletons: {table.Cells.Count} cells, {table.Relations.Count} relations, {status.Count(x => x != CellStatus.Gepubliceerd)} hidden, {phase.Elapsed.TotalSeconds:F2} s");
        // Hiding one more cell only relaxes the attacker's constraints, so a cell found safe stays safe: each round
        // audits only the cells that failed last time and the cells hidden since. The final report keeps, for the
        // others, the bounds of their last audit (which can only have widened since).
        var verified = new Dictionary<int, CellBounds>();
        var roundsFailed = new Dictionary<int, int>();
        for (var round = 1; round <= MaxRounds; round++)
        {
            var toCheck = MustBeProtected(table, status).Where(i => !verified.ContainsKey(i)).ToHashSet();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var audit = _auditor.Audit(table, status, policy, toCheck, Goal);
            if (Environment.GetEnvironmentVariable("ZICHT_TIMING") is not null)
                Console.Error.WriteLine($"round {round}: {table.Cells.Count} cells, {toCheck.Count} audited, {audit.Failures.Count()} failing, {clock.Elapsed.TotalSeconds:F2} s");
            foreach (var cell in audit.Cells.Where(c => c.Protected)) verified[cell.Cell] = cell;
            if (audit.Passed) return new ProtectedTable(table, status, new AuditReport(verified.Values.OrderBy(c => c.Cell).ToList()), round);
            // One complement per relation and round: failing cells that share a relation (the municipalities of a region
            // whose other parts are all published) are usually all freed by the first complement, and hiding one for
            // each of them would hide the region's total too. The next round audits them again.
            var changed = false;
            var touched = new HashSet<Relation>(ReferenceEqualityComparer.Instance);
            // First the cells pinned by an order (a published noemer that bounds a hidden teller): no complement in their
            // relations would help them, and lifting the bound often frees the cells around them too.
            foreach (var failure in audit.Failures)
            {
                if (!HideBindingOrderPartner(table, status, failure, ordersOfCell[failure.Cell])) continue;
                changed = true;
                touched.UnionWith(relationsOfCell[failure.Cell]);
            }
            // A cell still failing after three rounds of one complement at a time gets one in each of its relations at
            // once: otherwise a cell pinned through several relations costs a round (an audit of the whole table) per complement.
            foreach (var failure in audit.Failures)
            {
                roundsFailed[failure.Cell] = roundsFailed.GetValueOrDefault(failure.Cell) + 1;
                if (roundsFailed[failure.Cell] < 3) continue;
                foreach (var relation in relationsOfCell[failure.Cell])
                {
                    var complement = BestComplement(table, status, relation, failure.Cell);
                    if (complement is null) continue;
                    status[complement.Value] = CellStatus.Secundair;
                    changed = true;
                    touched.Add(relation);
                }
            }
            foreach (var failure in audit.Failures)
            {
                if (relationsOfCell[failure.Cell].Any(touched.Contains)) continue;
                var used = HideOneMoreComplement(table, status, relationsOfCell[failure.Cell], failure.Cell, relationsOfCell, ordersOfCell, touched);
                if (used is null) continue;
                changed = true;
                touched.UnionWith(relationsOfCell[failure.Cell]);
                touched.Add(used);
            }
            if (!changed)
            {
                // No publishable complement left in the failing relations: hide every non-zero cell of them.
                foreach (var failure in audit.Failures)
                    foreach (var member in relationsOfCell[failure.Cell].SelectMany(r => r.Parts.Append(r.Total))
                                 .Concat(ordersOfCell[failure.Cell].Select(o => Partner(o, failure.Cell))))
                        if (Hideable(table, status, member))
                        { status[member] = CellStatus.Secundair; changed = true; }
                if (!changed) return new ProtectedTable(table, status, new AuditReport(verified.Values.Concat(audit.Failures).OrderBy(c => c.Cell).ToList()), round);
            }
            phase.Restart();
            EliminateSingletons(table, status);
            if (timing) Console.Error.WriteLine($"repair + singletons: {status.Count(x => x != CellStatus.Gepubliceerd)} hidden, {phase.Elapsed.TotalSeconds:F2} s");
        }
        return new ProtectedTable(table, status, _auditor.Audit(table, status, policy, MustBeProtected(table, status).ToHashSet(), Goal), MaxRounds);
    }

    /// <summary>
    /// The hidden cells whose interval the audit must keep wide: those that count at least one child (and a small count no
    /// table shows, Onbekend, that the year minus its published quarters would give away). A hidden 0 (an area
    /// without units, shown as "&lt; 5" so that "&lt; 5" does not mean 1..4) reveals nobody when an attacker pins it, and
    /// whatever pinning it tells about the cells around it is part of their own audit, which holds every relation. Leaving
    /// zeros out of the check matters on sparse tables, where most hidden cells are zeros.
    /// </summary>
    private IEnumerable<int> MustBeProtected(LinkedTable table, IReadOnlyList<CellStatus> status) =>
        Enumerable.Range(0, table.Cells.Count).Where(i => table.Cells[i].Value > 0 && AttackAuditor.NeedsAudit(table, status, i, policy));

    /// <summary>Primary suppression only (no totals to protect against).</summary>
    public CellStatus PrimaryStatus(TableCell cell) =>
        (cell.Value > 0 && cell.Value < policy.MinCount) || (cell.Value == 0 && policy.SuppressZeros)
            ? CellStatus.Primair : CellStatus.Gepubliceerd;

    private void EliminateSingletons(LinkedTable table, CellStatus[] status)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var relation in table.Relations)
            {
                var members = relation.Parts.Append(relation.Total).ToList();
                // a count no table shows (Onbekend) keeps the relation from giving anything away by subtraction
                if (members.Any(m => status[m] == CellStatus.Onbekend)) continue;
                var hiddenCount = members.Count(m => status[m] != CellStatus.Gepubliceerd);
                if (hiddenCount != 1) continue;
                var complement = BestComplement(table, status, relation, exclude: -1);
                if (complement is null) continue;   // the audit will report the cell
                status[complement.Value] = CellStatus.Secundair;
                changed = true;
            }
        } while (changed);
    }

    /// <summary>
    /// A published cell on the other side of an order that bounds the failing cell where the audit found it bounded (a
    /// hidden teller whose published noemer equals its lowest possible value is pinned by it): hiding that cell is the
    /// only way to lift the bound; more complements in the cell's relations would not.
    /// </summary>
    private bool HideBindingOrderPartner(LinkedTable table, CellStatus[] status, CellBounds failure, List<AtMost> orders)
    {
        foreach (var order in orders)
        {
            var partner = Partner(order, failure.Cell);
            if (!Hideable(table, status, partner)) continue;
            var binding = order.Smaller == failure.Cell ? table.Cells[partner].Value <= failure.Upper + 0.5 : table.Cells[partner].Value >= failure.Lower - 0.5;
            if (!binding) continue;
            status[partner] = CellStatus.Secundair;
            return true;
        }
        return false;
    }

    /// <summary>Hides one more complement for a failing cell; returns the relation it was hidden in (null: none found). Relations in <paramref name="touched"/> got one this round already.</summary>
    private Relation? HideOneMoreComplement(LinkedTable table, CellStatus[] status, List<Relation> relations, int failing, List<Relation>[] relationsOfCell,
        List<AtMost>[] ordersOfCell, HashSet<Relation> touched)
    {
        // Prefer the relation with the fewest hidden cells: that is where the attacker's equation is tightest.
        foreach (var relation in relations.OrderBy(r => r.Parts.Append(r.Total).Count(m => status[m] != CellStatus.Gepubliceerd)))
        {
            var complement = BestComplement(table, status, relation, failing);
            if (complement is null) continue;
            status[complement.Value] = CellStatus.Secundair;
            return relation;
        }
        // Nothing left to hide beside the cell itself: the leak runs through the other relations of the hidden
        // cells next to it (their published parts pin them), so hide a complement there.
        var neighbours = relations.SelectMany(r => r.Parts.Append(r.Total)).Where(m => m != failing && status[m] != CellStatus.Gepubliceerd).Distinct().ToList();
        foreach (var relation in neighbours.SelectMany(n => relationsOfCell[n]).Distinct().Where(r => !touched.Contains(r))
                     .OrderBy(r => r.Parts.Append(r.Total).Count(m => status[m] != CellStatus.Gepubliceerd)))
        {
            var complement = BestComplement(table, status, relation, failing);
            if (complement is null) continue;
            status[complement.Value] = CellStatus.Secundair;
            return relation;
        }
        // Or through an order of a hidden neighbour: a published quarter under a hidden year, a published noemer over a
        // hidden teller, bounds that neighbour and through it the failing cell. (The failing cell's first relation is
        // returned as the one used: the neighbour sits in it.)
        foreach (var neighbour in neighbours)
            foreach (var partner in ordersOfCell[neighbour].Select(o => Partner(o, neighbour)))
            {
                if (partner == failing || !Hideable(table, status, partner)) continue;
                status[partner] = CellStatus.Secundair;
                return relations[0];
            }
        return null;
    }

    /// <summary>
    /// The cell that costs least to hide: a published part of at least MinCount, smallest value first (little
    /// information lost, and a small complement is as uncertain as the cell it protects); the total only when
    /// no part qualifies. Zero and small cells never qualify: an "x" must not be mistaken for a small count.
    /// </summary>
    private int? BestComplement(LinkedTable table, CellStatus[] status, Relation relation, int exclude)
    {
        var candidates = relation.Parts
            .Where(p => p != exclude && Hideable(table, status, p))
            .OrderBy(p => table.Cells[p].Value).ThenBy(p => p).ToList();
        if (candidates.Count > 0) return candidates[0];
        if (relation.Total != exclude && Hideable(table, status, relation.Total)) return relation.Total;
        return null;
    }

    /// <summary>A cell that may become a complement: published now, not fixed from elsewhere, and never a zero or small count (an "x" must not be mistaken for one).</summary>
    private bool Hideable(LinkedTable table, CellStatus[] status, int cell) =>
        status[cell] == CellStatus.Gepubliceerd && table.Cells[cell].Value >= policy.MinCount && !_locked.Contains(cell);

    /// <summary>The other cell of an order.</summary>
    private static int Partner(AtMost order, int cell) => order.Smaller == cell ? order.Larger : order.Smaller;

    private static List<AtMost>[] OrdersPerCell(LinkedTable table)
    {
        var result = Enumerable.Range(0, table.Cells.Count).Select(_ => new List<AtMost>()).ToArray();
        foreach (var order in table.Orders)
        {
            result[order.Smaller].Add(order);
            result[order.Larger].Add(order);
        }
        return result;
    }

    private static List<Relation>[] RelationsPerCell(LinkedTable table)
    {
        var result = Enumerable.Range(0, table.Cells.Count).Select(_ => new List<Relation>()).ToArray();
        foreach (var relation in table.Relations)
            foreach (var member in relation.Parts.Append(relation.Total))
                result[member].Add(relation);
        return result;
    }
}
