using Zicht.Disclosure;
using Zicht.Indicators;
using Zicht.Storage;

namespace Zicht.Tests.Disclosure;

/// <summary>
/// An attacker who reads several published tables side by side, built independently of the publication code: every
/// count shown (a number, "&lt; 5" or "x") becomes a cell, and the relations come from what the attacker knows of the
/// definitions, declared by the test: municipalities add up to their region and regions to the country, categories to
/// their total, quarters to their year (counts of events; other counts: a quarter is at most its year), a teller is at
/// most its noemer, and the links between
/// indicators the test names (the same count, or a count that is a sum of categories). The true values come from the
/// store. The audit then says whether any hidden count of one or more children can be worked back from all the tables
/// together. Unlike the publication's own protection, a 0 shown as "&lt; 5" is unknown to this attacker (0..4), as it is
/// to a real one.
/// </summary>
internal sealed class AttackerView
{
    private readonly Dictionary<string, string> _sameAs = new(StringComparer.Ordinal);
    private readonly List<(string Total, string[] Parts)> _sums = [];

    /// <summary>The attacker knows that <paramref name="series"/> (e.g. "aandeel_verblijf:noemer") is the same count as <paramref name="canonical"/>.</summary>
    public AttackerView Same(string series, string canonical)
    {
        _sameAs[series] = canonical;
        return this;
    }

    /// <summary>The attacker knows that <paramref name="total"/> is the sum of <paramref name="parts"/> in every area and period.</summary>
    public AttackerView Sum(string total, params string[] parts)
    {
        _sums.Add((total, parts));
        return this;
    }

    public AuditReport Audit(ZichtStore store, IEnumerable<Publication> publications)
    {
        var catalogue = IndicatorCatalogue.Load();
        var list = publications.ToList();
        var policy = list[0].Policy;
        var truth = TrueCounts(store);
        var regionOf = new Dictionary<string, string>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "SELECT gemeentecode, jeugdregiocode FROM ref_gemeente WHERE gemeentecode = gemeentecode_actueel";
            using var reader = command.ExecuteReader();
            while (reader.Read()) regionOf[reader.GetString(0)] = reader.GetString(1);
        }

        var table = new LinkedTable();
        var status = new List<CellStatus>();
        string Series(string indicator, string part)
        {
            var name = indicator + ":" + part;
            return _sameAs.GetValueOrDefault(name, name);
        }
        int Cell(string series, string niveau, string gebied, string periode, string? shown)
        {
            var key = $"{series}|{niveau}|{gebied}|{periode}";
            var known = shown switch { null => (CellStatus?)null, "< 5" => CellStatus.Primair, "x" => CellStatus.Secundair, _ => CellStatus.Gepubliceerd };
            var existing = table.Find(key);
            if (existing is { } cell)
            {
                // seen in two tables: the attacker keeps whatever tells most
                if (known is { } k && (status[cell] == CellStatus.Secundair && k != CellStatus.Secundair || k == CellStatus.Gepubliceerd)) status[cell] = k;
                return cell;
            }
            var value = truth.GetValueOrDefault(key);
            var added = table.Add(key, value);
            // a row the tables do not show (a provider without units in a quarter) is known to be 0
            status.Add(known ?? CellStatus.Gepubliceerd);
            if (known is null && value != 0) throw new InvalidOperationException($"{key} is not shown but is {value}");
            return added;
        }

        var seriesOf = new Dictionary<string, (bool Additive, HashSet<(string Niveau, string Gebied, string Periode)> Rows)>();
        foreach (var publication in list)
        {
            var definition = catalogue.Get(publication.IndicatorId);
            foreach (var row in publication.Rows)
            {
                var verdeling = definition.Berekening == Berekening.Verdeling;
                var tellerSeries = Series(definition.Id, verdeling ? "categorie:" + row.Categorie : "teller");
                var teller = Cell(tellerSeries, row.Niveau, row.GebiedCode, row.Periode, row.Teller);
                Remember(tellerSeries, definition, row);
                if (!definition.NoemerIsCount) continue;
                var noemerSeries = Series(definition.Id, verdeling ? "totaal" : "noemer");
                var noemer = Cell(noemerSeries, row.Niveau, row.GebiedCode, row.Periode, row.Noemer);
                Remember(noemerSeries, definition, row);
                if (noemerSeries != tellerSeries) table.RelateAtMost(teller, noemer);
            }
        }
        void Remember(string series, IndicatorDefinition definition, PublishedRow row)
        {
            if (!seriesOf.TryGetValue(series, out var entry)) seriesOf[series] = entry = (definition.OptelbaarOverKwartalen, []);
            entry.Rows.Add((row.Niveau, row.GebiedCode, row.Periode));
        }

        foreach (var (series, (additive, rows)) in seriesOf)
        {
            foreach (var periode in rows.Select(r => r.Periode).Distinct())
            {
                var here = rows.Where(r => r.Periode == periode).ToList();
                foreach (var region in here.Where(r => r.Niveau == "regio"))
                {
                    var parts = here.Where(r => r.Niveau == "gemeente" && regionOf.GetValueOrDefault(r.Gebied) == region.Gebied).ToList();
                    if (parts.Count > 0) table.Relate(table.Find($"{series}|regio|{region.Gebied}|{periode}")!.Value, parts.Select(p => table.Find($"{series}|gemeente|{p.Gebied}|{periode}")!.Value).ToList());
                }
                if (here.Any(r => r.Niveau == "land"))
                    table.Relate(table.Find($"{series}|land|NL|{periode}")!.Value, here.Where(r => r.Niveau == "regio").Select(r => table.Find($"{series}|regio|{r.Gebied}|{periode}")!.Value).ToList());
            }
            if (!additive)
            {
                // a youth counted in a quarter counts in its year: quarter <= year (not always for a municipality: a
                // youth who moved can count elsewhere in the year; the attacker assumes it wherever it holds)
                foreach (var year in rows.Where(r => !r.Periode.Contains('Q')))
                    foreach (var quarter in rows.Where(r => r.Niveau == year.Niveau && r.Gebied == year.Gebied && r.Periode.StartsWith(year.Periode + "Q", StringComparison.Ordinal)))
                    {
                        var (q, y) = (table.Find($"{series}|{quarter.Niveau}|{quarter.Gebied}|{quarter.Periode}")!.Value, table.Find($"{series}|{year.Niveau}|{year.Gebied}|{year.Periode}")!.Value);
                        if (table.Cells[q].Value <= table.Cells[y].Value) table.RelateAtMost(q, y);
                    }
                continue;
            }
            foreach (var year in rows.Where(r => !r.Periode.Contains('Q')))
            {
                var quarters = rows.Select(r => r.Periode).Where(p => p.StartsWith(year.Periode + "Q", StringComparison.Ordinal)).Distinct().ToList();
                if (quarters.Count == 0) continue;
                table.Relate(table.Find($"{series}|{year.Niveau}|{year.Gebied}|{year.Periode}")!.Value,
                    quarters.Select(q => table.Find($"{series}|{year.Niveau}|{year.Gebied}|{q}") ?? Cell(series, year.Niveau, year.Gebied, q, null)).ToList());
            }
        }
        // categories add up to their total
        foreach (var publication in list.Where(p => catalogue.Get(p.IndicatorId).Berekening == Berekening.Verdeling))
            foreach (var area in publication.Rows.GroupBy(r => (r.Niveau, r.GebiedCode, r.Periode)))
                table.Relate(table.Find($"{Series(publication.IndicatorId, "totaal")}|{area.Key.Niveau}|{area.Key.GebiedCode}|{area.Key.Periode}")!.Value,
                    area.Select(r => table.Find($"{Series(publication.IndicatorId, "categorie:" + r.Categorie)}|{r.Niveau}|{r.GebiedCode}|{r.Periode}")!.Value).ToList());
        foreach (var (total, parts) in _sums)
            foreach (var cell in table.Cells.Where(c => c.Key.StartsWith(total + "|", StringComparison.Ordinal)).ToList())
            {
                var where = cell.Key[(total.Length + 1)..].Split('|');
                if (parts.Any(p => table.Find($"{p}|{string.Join("|", where)}") is null)) continue;
                table.Relate(table.Find(cell.Key)!.Value, parts.Select(p => table.Find($"{p}|{string.Join("|", where)}")!.Value).ToList());
            }
        table.Validate();
        // Only counts of at least one child need protection: a hidden 0 (an area without units) reveals nobody, and the
        // publication treats it as known, so the attacker may well pin it.
        var children = Enumerable.Range(0, table.Cells.Count).Where(c => status[c] != CellStatus.Gepubliceerd && table.Cells[c].Value > 0).ToHashSet();
        return new AttackAuditor().Audit(table, status, policy, children, AuditGoal.Verdict);
    }

    /// <summary>The stored counts by the cell keys above (absent: 0).</summary>
    private Dictionary<string, long> TrueCounts(ZichtStore store)
    {
        var catalogue = IndicatorCatalogue.Load();
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT indicator_id, niveau, gebied_code, periode, categorie, CAST(round(coalesce(teller, 0)) AS BIGINT), CAST(round(coalesce(noemer, 0)) AS BIGINT) FROM indicator_result";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var definition = catalogue.Get(reader.GetString(0));
            var where = $"{reader.GetString(1)}|{reader.GetString(2)}|{reader.GetString(3)}";
            var verdeling = definition.Berekening == Berekening.Verdeling;
            string Name(string part) => _sameAs.GetValueOrDefault(definition.Id + ":" + part, definition.Id + ":" + part);
            result[$"{Name(verdeling ? "categorie:" + reader.GetString(4) : "teller")}|{where}"] = reader.GetInt64(5);
            if (definition.NoemerIsCount) result[$"{Name(verdeling ? "totaal" : "noemer")}|{where}"] = reader.GetInt64(6);
        }
        return result;
    }
}
