using System.Globalization;
using DuckDB.NET.Data;
using Zicht.Indicators;
using Zicht.Storage;

namespace Zicht.Disclosure;

/// <summary>
/// Turns stored indicator values into publishable figures. Every public output (exports, API answers) goes
/// through <see cref="Publish"/>: it protects the whole linked table of one indicator and period (all
/// municipalities, regions and the country, every category and its total), proves it with the audit, and
/// refuses to return anything when the audit fails. <see cref="Internal"/> gives the unprotected figures of
/// one's own area, marked as such.
/// A family's protection is kept in the store (<see cref="StoredProtections"/>) and read back by later services, also in
/// other processes; <paramref name="storedProtections"/> false always protects afresh and stores nothing (benchmarks of
/// the protection itself, and whoever needs the audit's bounds, which a stored protection does not keep).
/// </summary>
public sealed class PublicationService(ZichtStore store, IndicatorCatalogue? catalogue = null, AttackAuditor? auditor = null, bool storedProtections = true)
{
    private readonly IndicatorCatalogue _catalogue = catalogue ?? IndicatorCatalogue.Load();
    private readonly AttackAuditor _auditor = auditor ?? new AttackAuditor();
    private readonly StoredProtections? _stored = storedProtections ? new StoredProtections(store, catalogue ?? IndicatorCatalogue.Load()) : null;

    public Publication Publish(string indicatorId, string periode, DisclosurePolicy? policy = null)
    {
        policy ??= DisclosurePolicy.Default;
        var definition = _catalogue.Get(indicatorId);
        var previousPeriode = store.Scalar<string>($"SELECT any_value(vorige_periode) FROM indicator_value WHERE indicator_id = '{Sql(indicatorId)}' AND periode = '{Sql(periode)}'");
        PrepareFamilies(definition, previousPeriode is null ? [periode] : [periode, previousPeriode], policy);
        var current = FromFamily(definition, periode, policy);
        var previous = previousPeriode is null ? null : FromFamily(definition, previousPeriode, policy);
        foreach (var audit in current.Audits.Concat(previous?.Audits ?? []))
            if (!audit.Passed) throw new DisclosureAuditFailedException(audit);

        var rows = new List<PublishedRow>();
        foreach (var value in current.Values.Where(v => v.Periode == periode))
        {
            var waarde = current.PublishedWaarde.GetValueOrDefault(value.Key);
            double? Lookup(string niveau, string? gebied) => gebied is null ? null : current.PublishedWaarde.GetValueOrDefault(StoredValue.KeyOf(niveau, gebied, periode, value.Categorie));
            var regio = value.Niveau == "gemeente" ? Lookup("regio", value.RegioCode) : null;
            var land = Lookup("land", "NL");
            var vorige = previous?.PublishedWaarde.GetValueOrDefault(StoredValue.KeyOf(value.Niveau, value.GebiedCode, previousPeriode!, value.Categorie));
            // The stored sentence names the value and its reference; it may go out only when both are published
            // unchanged (rounding changes the numbers).
            var reference = definition.Berekening == Berekening.Aantal || value.Niveau == "land" ? vorige
                : value.Niveau == "gemeente" ? regio : land;
            var text = waarde is not null && reference is not null && policy.RoundingBase <= 1 ? value.BenchmarkTekst : null;
            rows.Add(new PublishedRow(
                indicatorId, value.Niveau, value.GebiedCode, value.GebiedNaam, value.Periode, value.Categorie,
                current.TellerText[value.Key], current.NoemerText[value.Key], waarde, definition.Eenheid,
                PublicCoverage(definition, value, waarde, policy), regio, land, vorige, waarde - vorige,
                null, null, text, current.Status[value.Key], current.Reason.GetValueOrDefault(value.Key)));
        }
        return new Publication(indicatorId, periode, true, rows, current.Audits, policy);
    }

    /// <summary>
    /// The indicator's figures of one period group (the periode, and for counts of events its year and quarters), every
    /// municipality, region and the country included (a count of 0 too), with the status each count has in the protection
    /// of the indicator's family: the same table whichever member of the family is asked for.
    /// </summary>
    private ProtectedFigures FromFamily(IndicatorDefinition definition, string periode, DisclosurePolicy policy)
    {
        var group = PublishedCounts.GroupOf(periode);
        var (counts, _) = Universe(group);
        var seriesIndex = counts.Series.Select((s, i) => (s, i)).ToDictionary(x => (x.s.IndicatorId, x.s.Part), x => x.i);
        PrepareFamilies(definition, [periode], policy);
        var protection = _families[(group, FamilyIndex(definition, periode), policy)];

        var periods = definition.OptelbaarOverKwartalen ? counts.Periods : counts.Periods.Where(p => p == periode).ToList();
        // a provider whose figures cannot be protected in this family and year is not published at all
        var values = WithZeroRows(definition, LoadLinkedPeriods(definition, periode), counts, periods)
            .Where(v => v.Niveau != "aanbieder" || !protection.Omitted.Contains(v.GebiedCode)).ToList();
        var periodIndex = counts.Periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var tellerStatus = new Dictionary<string, CellStatus>();
        var noemerStatus = new Dictionary<string, CellStatus>();
        foreach (var value in values)
        {
            var p = periodIndex[value.Periode];
            var a = counts.AreaIndex[PublishedCounts.AreaKey(value.Niveau, value.GebiedCode)];
            CellStatus Status(string part) => seriesIndex.TryGetValue((definition.Id, part), out var s) ? protection.StatusOf(s, p, a) : CellStatus.Gepubliceerd;
            tellerStatus[value.Key] = Status(PublishedCounts.PartOf(definition, value.Categorie, noemer: false));
            if (definition.NoemerIsCount) noemerStatus[value.Key] = Status(PublishedCounts.PartOf(definition, value.Categorie, noemer: true));
            if (definition.Berekening == Berekening.Verdeling) tellerStatus[TotalKey(value)] = noemerStatus[value.Key];
        }
        return Present(definition, values, policy, [protection.Audit], tellerStatus, noemerStatus);
    }

    /// <summary>The family (in <see cref="CountLinks"/>) of the indicator in the group of this period.</summary>
    private int FamilyIndex(IndicatorDefinition definition, string periode)
    {
        var (counts, links) = Universe(PublishedCounts.GroupOf(periode));
        var part = definition.Berekening == Berekening.Verdeling ? PublishedCounts.Totaal : PublishedCounts.Teller;
        for (var i = 0; i < counts.Series.Count; i++)
            if (counts.Series[i].IndicatorId == definition.Id && counts.Series[i].Part == part) return links.FamilyOf(i);
        throw new InvalidOperationException($"{definition.Id} has no {part} among the counts of {PublishedCounts.GroupOf(periode)}.");
    }

    /// <summary>
    /// Makes sure the protections of the indicator's families in the groups of these periods are at hand: from this
    /// service, from the store, or protected now. Protections still to be made are made in parallel (an export needs
    /// the year and the year before, for the change): once the counts are read, each is plain computation with an
    /// auditor of its own.
    /// </summary>
    private void PrepareFamilies(IndicatorDefinition definition, IEnumerable<string> periodes, DisclosurePolicy policy)
    {
        var jobs = new List<(string Group, int Family, string? StoredKey)>();
        foreach (var periode in periodes)
        {
            var group = PublishedCounts.GroupOf(periode);
            var family = FamilyIndex(definition, periode);
            if (_families.ContainsKey((group, family, policy)) || jobs.Any(j => j.Group == group && j.Family == family)) continue;
            var (counts, links) = Universe(group);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var storedKey = _stored?.KeyOf(group, counts, links, family, policy);
            var found = storedKey is null ? null : _stored!.Find(storedKey, counts, links, family);
            if (found is null)
            {
                jobs.Add((group, family, storedKey));
                continue;
            }
            _families[(group, family, policy)] = found;
            Log(definition, group, found, clock.Elapsed);
        }
        var made = new FamilyProtection[jobs.Count];
        var took = new TimeSpan[jobs.Count];
        Parallel.For(0, jobs.Count, i =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (counts, links) = _universes[jobs[i].Group];
            made[i] = FamilyProtection.Protect(counts, links, jobs[i].Family, policy, i == 0 ? _auditor : new AttackAuditor());
            took[i] = clock.Elapsed;
        });
        for (var i = 0; i < jobs.Count; i++)
        {
            if (jobs[i].StoredKey is { } key) _stored!.Save(key, jobs[i].Group, policy, _universes[jobs[i].Group].Counts, made[i]);
            _families[(jobs[i].Group, jobs[i].Family, policy)] = made[i];
            Log(definition, jobs[i].Group, made[i], took[i]);
        }
    }

    private static void Log(IndicatorDefinition definition, string group, FamilyProtection protection, TimeSpan took)
    {
        if (Environment.GetEnvironmentVariable("ZICHT_TIMING") is not null)
            Console.Error.WriteLine($"family of {definition.Id} in {group}: {string.Join(", ", protection.Indicators)}; {protection.CellCount} cells, {protection.Omitted.Count} providers left out, "
                                    + $"{(protection.FromStore ? "read from the store" : "protected")} in {took.TotalSeconds:F2} s");
    }

    private readonly Dictionary<string, (PublishedCounts Counts, CountLinks Links)> _universes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Group, int Family, DisclosurePolicy Policy), FamilyProtection> _families = [];

    /// <summary>All counts of a period group and how they hang together (read once per service).</summary>
    private (PublishedCounts Counts, CountLinks Links) Universe(string group)
    {
        if (_universes.TryGetValue(group, out var universe)) return universe;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var counts = PublishedCounts.Load(store, _catalogue, group);
        var loaded = clock.Elapsed;
        var links = CountLinks.Find(counts, _catalogue);
        if (Environment.GetEnvironmentVariable("ZICHT_TIMING") is not null)
            Console.Error.WriteLine($"counts of {group}: {counts.Series.Count} series, {counts.Areas.Count} areas, loaded in {loaded.TotalSeconds:F2} s, links in {(clock.Elapsed - loaded).TotalSeconds:F2} s");
        return _universes[group] = (counts, links);
    }

    /// <summary>The family of indicators protected together with this one in the group of this period (itself included).</summary>
    public IReadOnlySet<string> FamilyOf(string indicatorId, string periode)
    {
        var (counts, links) = Universe(PublishedCounts.GroupOf(periode));
        var family = FamilyIndex(_catalogue.Get(indicatorId), periode);
        return Enumerable.Range(0, counts.Series.Count).Where(i => links.FamilyOf(i) == family).Select(i => counts.Series[i].IndicatorId).ToHashSet();
    }

    /// <summary>
    /// One indicator broken down (zorgvorm, leeftijdsgroep, geslacht, verwijzer) for one period, protected as a table with
    /// margins: every area's total = the sum of its categories, region = sum of its municipalities, and for counts of
    /// events also year = sum of its quarters. The totals keep the status they have in the publication without breakdown
    /// (<see cref="Publish"/>): a total shown there is known to the attacker here, a total hidden there stays hidden, so
    /// the two publications together reveal no more than each alone.
    /// </summary>
    public Publication PublishBreakdown(string indicatorId, string periode, string uitsplitsing, DisclosurePolicy? policy = null)
    {
        policy ??= DisclosurePolicy.Default;
        var definition = _catalogue.Get(indicatorId);
        var protectedFigures = ProtectBreakdown(definition, periode, uitsplitsing, policy);
        foreach (var audit in protectedFigures.Audits)
            if (!audit.Passed) throw new DisclosureAuditFailedException(audit);
        var rows = protectedFigures.Values.Where(v => v.Periode == periode).Select(v => new PublishedRow(
                indicatorId, v.Niveau, v.GebiedCode, v.GebiedNaam, v.Periode, v.Categorie == "totaal" ? "totaal" : uitsplitsing + ": " + v.Categorie,
                protectedFigures.TellerText[v.Key], protectedFigures.NoemerText[v.Key], protectedFigures.PublishedWaarde.GetValueOrDefault(v.Key),
                definition.Eenheid, null, null, null, null, null, null, null, null,
                protectedFigures.Status[v.Key], protectedFigures.Reason.GetValueOrDefault(v.Key)))
            .ToList();
        return new Publication(indicatorId, periode, true, rows, protectedFigures.Audits, policy);
    }

    private readonly Dictionary<(string Indicator, string Periode, string Uitsplitsing, DisclosurePolicy Policy), ProtectedFigures> _breakdowns = [];

    /// <summary>
    /// The protected breakdown of one indicator. Breakdowns of different indicators of a family can hold the same counts
    /// (aandeel_verblijf's noemer by geslacht is jeugdhulp_per_1000's teller by geslacht): such a count keeps the status it
    /// has in the breakdown of the indicator protected before it (<see cref="EarlierBreakdownsSharingCounts"/>,
    /// recursively), so no breakdown shows what another hides. Counts are taken as the same only where they are equal in every area and period both show.
    /// </summary>
    private ProtectedFigures ProtectBreakdown(IndicatorDefinition definition, string periode, string uitsplitsing, DisclosurePolicy policy)
    {
        var cacheKey = (definition.Id, periode, uitsplitsing, policy);
        if (_breakdowns.TryGetValue(cacheKey, out var cached)) return cached;
        var totalsProtection = FromFamily(definition, periode, policy);
        var totals = totalsProtection.Values.Where(v => v.Niveau != "aanbieder").ToList();
        var names = totals.GroupBy(v => (v.Niveau, v.GebiedCode)).ToDictionary(g => g.Key, g => g.First().GebiedNaam);
        var periodes = totals.Select(v => v.Periode).Distinct().ToList();
        var parts = new IndicatorEngine(store, _catalogue).ComputeBreakdown(definition.Id, periodes, uitsplitsing)
            .Select(b => new StoredValue(b.Niveau, b.GebiedCode, names.GetValueOrDefault((b.Niveau, b.GebiedCode), b.GebiedCode), b.Periode,
                b.Categorie, b.Teller, b.Noemer, b.Waarde, null, b.RegioCode, null, null, null))
            .ToList();
        // Every area gets every category, a 0 too, shown like any small count (as without breakdown); the protection
        // counts such a 0 as known.
        var fixedTeller = new Dictionary<string, CellStatus>(totalsProtection.TellerStatus);
        var fixedNoemer = new Dictionary<string, CellStatus>(totalsProtection.NoemerStatus);
        var categories = parts.Select(v => v.Categorie).Distinct().Order(StringComparer.Ordinal).ToList();
        var have = parts.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var total in totals)
            foreach (var categorie in categories.Where(c => !have.Contains(StoredValue.KeyOf(total.Niveau, total.GebiedCode, total.Periode, c))))
            {
                fixedTeller[StoredValue.KeyOf(total.Niveau, total.GebiedCode, total.Periode, categorie)] = CellStatus.Gepubliceerd;
                fixedNoemer[StoredValue.KeyOf(total.Niveau, total.GebiedCode, total.Periode, categorie)] = CellStatus.Gepubliceerd;
                parts.Add(total with
                {
                    Categorie = categorie, Teller = 0, Noemer = definition.Berekening == Berekening.Per1000 ? total.Noemer : definition.NoemerIsCount ? 0 : null,
                    Waarde = definition.Berekening == Berekening.Aantal ? 0 : null, DekkingProcent = null, Rang = null, Percentiel = null, BenchmarkTekst = null,
                });
            }
        var values = totals.Concat(parts).ToList();
        foreach (var earlier in EarlierBreakdownsSharingCounts(definition, periode, uitsplitsing))
        {
            var other = ProtectBreakdown(_catalogue.Get(earlier), periode, uitsplitsing, policy);
            ShareStatuses(definition, values, _catalogue.Get(earlier), other, fixedTeller, fixedNoemer);
        }
        return _breakdowns[cacheKey] = Protect(definition, values, policy, totalsInRows: true, fixedTeller, fixedNoemer);
    }

    /// <summary>
    /// The indicators before this one (those with a count as noemer first, then catalogue order), in its family, that allow
    /// the same breakdown and publish a count equal to one of this indicator's (teller or noemer) in some period of the group.
    /// </summary>
    private IEnumerable<string> EarlierBreakdownsSharingCounts(IndicatorDefinition definition, string periode, string uitsplitsing)
    {
        var (counts, links) = Universe(PublishedCounts.GroupOf(periode));
        // Indicators with a count as noemer first: their breakdown is protected knowing that a teller is at most its
        // noemer (aandeel_verblijf: youths with verblijf <= youths with jeugdhulp), which the per-1.000 breakdowns of the
        // same counts do not know; taking their statuses over keeps that knowledge in every breakdown of the family.
        var order = _catalogue.Indicators.OrderBy(d => d.NoemerIsCount ? 0 : 1).Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var family = FamilyOf(definition.Id, periode);
        IEnumerable<int> CountSeries(string indicator) => Enumerable.Range(0, counts.Series.Count)
            .Where(i => counts.Series[i].IndicatorId == indicator && counts.Series[i].Part is PublishedCounts.Teller or PublishedCounts.Noemer);
        var mine = Enumerable.Range(0, counts.Periods.Count).SelectMany(p => CountSeries(definition.Id).Select(s => links.Canonical(s, p, false) * 1000 + p)).ToHashSet();
        return _catalogue.Indicators
            .Where(d => family.Contains(d.Id) && order[d.Id] < order[definition.Id] && d.Uitsplitsingen.Contains(uitsplitsing) && d.Berekening != Berekening.Verdeling)
            .Where(d => Enumerable.Range(0, counts.Periods.Count).Any(p => CountSeries(d.Id).Any(s => mine.Contains(links.Canonical(s, p, false) * 1000 + p))))
            .Select(d => d.Id)
            .ToList();
    }

    /// <summary>
    /// Gives this breakdown's counts the statuses an earlier breakdown gave the same counts: a category's teller or noemer
    /// (not the totals, fixed by the family already) that is equal, cell for cell, to a category's teller or noemer there.
    /// </summary>
    private static void ShareStatuses(IndicatorDefinition definition, IReadOnlyList<StoredValue> values, IndicatorDefinition earlier, ProtectedFigures other,
        Dictionary<string, CellStatus> fixedTeller, Dictionary<string, CellStatus> fixedNoemer)
    {
        var categories = values.Where(v => v.Categorie != "totaal").Select(v => v.Categorie).Distinct().ToList();
        var otherByKey = other.Values.ToDictionary(v => v.Key, StringComparer.Ordinal);
        var parts = new List<(bool Noemer, Func<StoredValue, long> Count)> { (false, v => v.Teller) };
        if (definition.NoemerIsCount) parts.Add((true, v => (long)Math.Round(v.Noemer ?? 0)));
        var otherParts = new List<(bool Noemer, Func<StoredValue, long> Count)> { (false, v => v.Teller) };
        if (earlier.NoemerIsCount) otherParts.Add((true, v => (long)Math.Round(v.Noemer ?? 0)));
        foreach (var categorie in categories)
        {
            var cells = values.Where(v => v.Categorie == categorie && otherByKey.ContainsKey(v.Key)).ToList();
            if (cells.Count == 0) continue;
            foreach (var (noemer, count) in parts)
                foreach (var (otherNoemer, otherCount) in otherParts)
                {
                    if (!cells.All(v => count(v) == otherCount(otherByKey[v.Key])) || cells.All(v => count(v) == 0)) continue;
                    var target = noemer ? fixedNoemer : fixedTeller;
                    var source = otherNoemer ? other.NoemerStatus : other.TellerStatus;
                    foreach (var v in cells)
                        if (source.TryGetValue(v.Key, out var status)) target[v.Key] = status;
                    break;
                }
        }
    }

    /// <summary>The unprotected figures of one area (a municipality, or a region with its municipalities): for the analyst's own use only.</summary>
    public Publication Internal(string indicatorId, string periode, string gebiedCode)
    {
        var definition = _catalogue.Get(indicatorId);
        var rows = Load(indicatorId, periode)
            .Where(v => v.GebiedCode == gebiedCode || (v.Niveau == "gemeente" && v.RegioCode == gebiedCode))
            .Select(v => new PublishedRow(indicatorId, v.Niveau, v.GebiedCode, v.GebiedNaam, v.Periode, v.Categorie,
                v.Teller.ToString(CultureInfo.InvariantCulture), FormatNoemer(v.Noemer, definition), v.Waarde, definition.Eenheid,
                v.DekkingProcent, null, null, null, null, v.Rang, v.Percentiel, v.BenchmarkTekst, "intern, niet publiceren", null))
            .ToList();
        return new Publication(indicatorId, periode, false, rows, [], DisclosurePolicy.Default);
    }

    /// <summary>
    /// The periods published together with <paramref name="periode"/>: for counts of events (a start, an end), a year
    /// is the sum of its quarters, so a year and its four quarters form one linked table; otherwise the period alone.
    /// </summary>
    private IReadOnlyList<StoredValue> LoadLinkedPeriods(IndicatorDefinition definition, string periode)
    {
        if (!definition.OptelbaarOverKwartalen) return Load(definition.Id, periode);
        var year = periode.Length >= 4 ? periode[..4] : periode;
        return Load(definition.Id, year, year + "Q1", year + "Q2", year + "Q3", year + "Q4");
    }

    /// <summary>
    /// The stored values with a row of 0 for every municipality, region (and the country) without units, and for a
    /// distribution every category an area or a listed provider lacks: a publication shows all of them, so that a hidden
    /// 0 looks like any other small count (an attacker who could tell zeros apart would know every "&lt; 5" is 1..4).
    /// </summary>
    private IReadOnlyList<StoredValue> WithZeroRows(IndicatorDefinition definition, IReadOnlyList<StoredValue> values, PublishedCounts counts,
        IReadOnlyList<string> periods)
    {
        var result = values.ToList();
        var have = values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var verdeling = definition.Berekening == Berekening.Verdeling;
        var categories = verdeling ? counts.Of(definition.Id).Where(s => s.Part != PublishedCounts.Totaal).Select(s => s.Part["categorie:".Length..]).ToList() : ["totaal"];
        var names = AreaNames();
        var population = definition.Berekening == Berekening.Per1000 ? Population(periods) : null;
        foreach (var periode in periods)
        {
            var totals = values.Where(v => v.Periode == periode).GroupBy(v => (v.Niveau, v.GebiedCode)).ToDictionary(g => g.Key, g => g.First().Noemer);
            var listed = counts.Areas.Where(a => a.Niveau != "aanbieder" || (verdeling && totals.ContainsKey((a.Niveau, a.Code))));
            foreach (var area in listed)
                foreach (var categorie in categories)
                {
                    var key = StoredValue.KeyOf(area.Niveau, area.Code, periode, categorie);
                    if (!have.Add(key)) continue;
                    double? noemer = definition.Berekening switch
                    {
                        Berekening.Per1000 => population!.GetValueOrDefault((area.Niveau, area.Code, int.Parse(periode[..4], CultureInfo.InvariantCulture))),
                        Berekening.Verdeling => totals.GetValueOrDefault((area.Niveau, area.Code)) ?? 0,
                        Berekening.Aantal => null,
                        _ => 0,
                    };
                    double? waarde = definition.Berekening switch
                    {
                        Berekening.Aantal => 0,
                        Berekening.Per1000 or Berekening.Aandeel or Berekening.Verdeling when noemer > 0 => 0,
                        _ => null,
                    };
                    result.Add(new StoredValue(area.Niveau, area.Code, names.GetValueOrDefault((area.Niveau, area.Code), area.Code), periode, categorie,
                        0, noemer, waarde, null, area.RegioCode, null, null, null));
                }
        }
        var periodOrder = periods.Concat(values.Select(v => v.Periode)).Distinct().Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        return result.OrderBy(v => periodOrder[v.Periode]).ThenBy(v => NiveauOrder(v.Niveau)).ThenBy(v => v.GebiedCode, StringComparer.Ordinal)
            .ThenBy(v => v.Categorie, StringComparer.Ordinal).ToList();
    }

    private static int NiveauOrder(string niveau) => niveau switch { "land" => 0, "regio" => 1, "gemeente" => 2, _ => 3 };

    private Dictionary<(string Niveau, string Code), string>? _names;

    /// <summary>The name of every area and provider (niveau, code, naam), for stored rows and for the zero rows added beside them.</summary>
    private const string AreaNamesSql = """
        SELECT 'gemeente' AS niveau, gemeentecode AS code, gemeentenaam AS naam FROM ref_gemeente
        UNION ALL SELECT 'regio', jeugdregiocode, jeugdregionaam FROM ref_jeugdregio
        UNION ALL SELECT 'aanbieder', aanbieder_agb, any_value(aanbieder_naam) FROM aanbieder GROUP BY aanbieder_agb
        UNION ALL SELECT 'land', 'NL', 'Nederland'
        """;

    private Dictionary<(string Niveau, string Code), string> AreaNames()
    {
        if (_names is not null) return _names;
        _names = [];
        using var command = store.Connection.CreateCommand();
        command.CommandText = AreaNamesSql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) _names[(reader.GetString(0), reader.GetString(1))] = reader.IsDBNull(2) ? reader.GetString(1) : reader.GetString(2);
        return _names;
    }

    /// <summary>Jeugdigen 0-17 per area and year, as the engine takes them for per-1.000 figures.</summary>
    private Dictionary<(string Niveau, string Code, int Jaar), double> Population(IEnumerable<string> periodes)
    {
        var years = periodes.Select(p => p[..4]).Distinct().ToList();
        store.Execute(SqlResources.Read("Indicators.Engine.population_per_gebied.sql"));
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"SELECT niveau, gebied_code, jaar, CAST(jeugdigen_0_17 AS DOUBLE) FROM jeugdigen_0_17_per_gebied([{string.Join(", ", years)}])";
        using var reader = command.ExecuteReader();
        var result = new Dictionary<(string, string, int), double>();
        while (reader.Read()) result[(reader.GetString(0), reader.GetString(1), reader.GetInt32(2))] = reader.GetDouble(3);
        return result;
    }

    private sealed record ProtectedFigures(
        IReadOnlyList<StoredValue> Values,
        Dictionary<string, string> TellerText,
        Dictionary<string, string> NoemerText,
        Dictionary<string, double?> PublishedWaarde,
        Dictionary<string, string> Status,
        Dictionary<string, string> Reason,
        List<AuditReport> Audits,
        Dictionary<string, CellStatus> TellerStatus,
        Dictionary<string, CellStatus> NoemerStatus);

    private ProtectedFigures Protect(IndicatorDefinition definition, IReadOnlyList<StoredValue> values, DisclosurePolicy policy,
        bool totalsInRows = false, IReadOnlyDictionary<string, CellStatus>? fixedTeller = null, IReadOnlyDictionary<string, CellStatus>? fixedNoemer = null)
    {
        var suppression = new CellSuppression(policy, _auditor);
        var audits = new List<AuditReport>();
        var areas = values.Where(v => v.Niveau != "aanbieder").ToList();
        var providers = values.Where(v => v.Niveau == "aanbieder").ToList();
        var verdeling = definition.Berekening == Berekening.Verdeling;
        var separateNoemer = definition.NoemerIsCount && !verdeling;

        var noemerStatus = new Dictionary<string, CellStatus>();
        var tellerStatus = new Dictionary<string, CellStatus>();
        var tellerTable = Hierarchy(areas, v => v.Teller, withTotals: verdeling, totalsInRows);
        if (separateNoemer)
        {
            // Teller and noemer counts in one table, with teller <= noemer in every cell, so the audit knows the order
            // also where both are hidden (and a published noemer bounds its hidden teller).
            var noemerTable = Hierarchy(areas, v => (long)Math.Round(v.Noemer ?? 0), withTotals: false, totalsInRows);
            var joint = new LinkedTable();
            foreach (var cell in noemerTable.Cells) joint.Add("noemer|" + cell.Key, cell.Value, cell.KnownUpper, cell.KnownLower);
            var offset = joint.Cells.Count;
            foreach (var cell in tellerTable.Cells) joint.Add("teller|" + cell.Key, cell.Value, cell.KnownUpper, cell.KnownLower);
            foreach (var relation in noemerTable.Relations) joint.Relate(relation.Total, relation.Parts);
            foreach (var relation in tellerTable.Relations) joint.Relate(relation.Total + offset, relation.Parts.Select(p => p + offset).ToList());
            for (var i = 0; i < tellerTable.Cells.Count; i++)
                if (noemerTable.Find(tellerTable.Cells[i].Key) is { } noemer) joint.RelateAtMost(i + offset, noemer);
            var fixedJoint = Fixed(noemerTable, fixedNoemer);
            foreach (var (cell, status) in Fixed(tellerTable, fixedTeller)) fixedJoint[cell + offset] = status;
            var result = suppression.Protect(joint, fixedJoint);
            audits.Add(result.Audit);
            for (var i = 0; i < offset; i++) noemerStatus[noemerTable.Cells[i].Key] = result.Status[i];
            for (var i = 0; i < tellerTable.Cells.Count; i++) tellerStatus[tellerTable.Cells[i].Key] = result.Status[i + offset];
        }
        else
        {
            var result = suppression.Protect(tellerTable, Fixed(tellerTable, fixedTeller));
            audits.Add(result.Audit);
            for (var i = 0; i < tellerTable.Cells.Count; i++) tellerStatus[tellerTable.Cells[i].Key] = result.Status[i];
        }
        // Providers do not add up to any published total (a youth can be at several providers; care without a provider
        // is not published by provider), so here they get primary suppression only (breakdowns have no provider level).
        foreach (var provider in providers)
        {
            tellerStatus[provider.Key] = suppression.PrimaryStatus(new TableCell(provider.Key, provider.Teller));
            if (separateNoemer) noemerStatus[provider.Key] = suppression.PrimaryStatus(new TableCell(provider.Key, (long)Math.Round(provider.Noemer ?? 0)));
            if (verdeling)
                tellerStatus[TotalKey(provider)] = suppression.PrimaryStatus(new TableCell(TotalKey(provider), (long)Math.Round(provider.Noemer ?? 0)));
        }

        return Present(definition, values, policy, audits, tellerStatus, noemerStatus);
    }

    /// <summary>
    /// The coverage (dekking_procent) a publication may show. For a median or percentile it is measurements / units, two
    /// counts the row shows anyway (from the rounded counts when rounding). For a share it is the share's units / all units
    /// (e.g. the ended trajectories with a satisfaction score of all ended trajectories), and "all units" is a count
    /// another publication may hide (reden_einde_verdeling's total): noemer and coverage would give it back, so a share
    /// shows no coverage in public output.
    /// </summary>
    private static double? PublicCoverage(IndicatorDefinition definition, StoredValue value, double? waarde, DisclosurePolicy policy)
    {
        if (waarde is null || definition.Berekening is not (Berekening.Mediaan or Berekening.P90) || value.DekkingProcent is null) return null;
        if (policy.RoundingBase <= 1) return value.DekkingProcent;
        var measurements = DisclosureRounding.Round(value.Teller, policy.RoundingBase);
        var units = DisclosureRounding.Round((long)Math.Round(value.Noemer ?? 0), policy.RoundingBase);
        return units > 0 ? 100.0 * measurements / units : null;
    }

    /// <summary>What the publication shows of each value, given how its counts are published: the counts as text, the value only when every count it is computed from is shown and the denominator rule holds.</summary>
    private static ProtectedFigures Present(IndicatorDefinition definition, IReadOnlyList<StoredValue> values, DisclosurePolicy policy, List<AuditReport> audits,
        Dictionary<string, CellStatus> tellerStatus, Dictionary<string, CellStatus> noemerStatus)
    {
        var verdeling = definition.Berekening == Berekening.Verdeling;
        var separateNoemer = definition.NoemerIsCount && !verdeling;
        var tellerText = new Dictionary<string, string>();
        var noemerText = new Dictionary<string, string>();
        var waardes = new Dictionary<string, double?>();
        var status = new Dictionary<string, string>();
        var reasons = new Dictionary<string, string>();
        var minimumDenominator = Math.Max(policy.MinDenominator, definition.MinimaleGroep);
        foreach (var value in values)
        {
            // A 0 the protection counted as known (an area without units) is still shown as a small count when zeros are
            // hidden: the attacker then knows less than the audit assumed.
            CellStatus Shown(CellStatus status, double? count) =>
                status == CellStatus.Gepubliceerd && policy.SuppressZeros && (count ?? 0) == 0 ? CellStatus.Primair : status;
            var teller = Shown(tellerStatus[value.Key], value.Teller);
            var noemer = verdeling ? Shown(tellerStatus[TotalKey(value)], value.Noemer) : separateNoemer ? Shown(noemerStatus[value.Key], value.Noemer) : CellStatus.Gepubliceerd;
            tellerText[value.Key] = CountText(value.Teller, teller, policy);
            noemerText[value.Key] = definition.NoemerIsCount ? CountText((long)Math.Round(value.Noemer ?? 0), noemer, policy) : FormatNoemer(value.Noemer, definition);
            var roundedTeller = (double)DisclosureRounding.Round(value.Teller, policy.RoundingBase);
            var roundedNoemer = definition.NoemerIsCount ? DisclosureRounding.Round((long)Math.Round(value.Noemer ?? 0), policy.RoundingBase) : value.Noemer;
            string? reason = null;
            if (teller != CellStatus.Gepubliceerd && policy.SameMarkerForAllHidden) reason = "verborgen (kleine aantallen of ter bescherming daarvan)";
            else if (teller == CellStatus.Primair) reason = $"kleine aantallen (minder dan {policy.MinCount})";
            else if (teller == CellStatus.Secundair) reason = "verborgen om een klein aantal elders te beschermen (secundaire onderdrukking)";
            else if (noemer != CellStatus.Gepubliceerd) reason = "noemer verborgen (kleine aantallen)";
            // With rounding the thresholds apply to the published (rounded) counts: whether a value is shown may not tell
            // more about a count than its rounded figure does.
            else if (definition.Berekening is Berekening.Aandeel or Berekening.Verdeling
                     && (policy.RoundingBase > 1 ? roundedNoemer ?? 0 : value.Noemer ?? 0) < minimumDenominator)
                reason = $"noemer kleiner dan {minimumDenominator}";
            else if (definition.Berekening is Berekening.Mediaan or Berekening.P90
                     && (policy.RoundingBase > 1 ? roundedTeller : value.Teller) < minimumDenominator)
                reason = $"minder dan {minimumDenominator} metingen";
            double? waarde = null;
            if (reason is null && value.Waarde is not null)
            {
                waarde = policy.RoundingBase <= 1 ? value.Waarde : definition.Berekening switch
                {
                    Berekening.Per1000 => 1000.0 * roundedTeller / value.Noemer,
                    Berekening.Aandeel or Berekening.Verdeling => roundedNoemer > 0 ? 100.0 * roundedTeller / roundedNoemer : null,
                    Berekening.Aantal => roundedTeller,
                    _ => value.Waarde,
                };
            }
            waardes[value.Key] = waarde;
            status[value.Key] = reason is null ? "gepubliceerd" : teller == CellStatus.Gepubliceerd && noemer == CellStatus.Gepubliceerd ? "waarde verborgen" : "onderdrukt";
            if (reason is not null) reasons[value.Key] = reason;
        }
        return new ProtectedFigures(values, tellerText, noemerText, waardes, status, reasons, audits, tellerStatus, noemerStatus);
    }

    /// <summary>Key suffix of the count of a year's events after the data end (see Hierarchy).</summary>
    private const string AfterDataEnd = "|na de gegevens";

    private static Dictionary<int, CellStatus> Fixed(LinkedTable table, IReadOnlyDictionary<string, CellStatus>? given)
    {
        var result = new Dictionary<int, CellStatus>();
        for (var i = 0; i < table.Cells.Count; i++)
            if (table.Cells[i].Key.EndsWith(AfterDataEnd, StringComparison.Ordinal)) result[i] = CellStatus.Onbekend;
        if (given is null) return result;
        foreach (var (key, status) in given)
            if (table.Find(key) is { } cell) result[cell] = status;
        return result;
    }

    private static string TotalKey(StoredValue value) => StoredValue.KeyOf(value.Niveau, value.GebiedCode, value.Periode, "totaal");

    /// <summary>
    /// The linked table of one count: per period, region = sum of its municipalities and country = sum of the regions,
    /// for every category; with totals, also every area's total = sum of its categories; and when several periods
    /// are loaded (a year and its quarters), every year cell = sum of the same cell in its quarters.
    /// </summary>
    private static LinkedTable Hierarchy(IReadOnlyList<StoredValue> values, Func<StoredValue, long> count, bool withTotals, bool totalsInRows = false)
    {
        var table = new LinkedTable();
        foreach (var value in values) table.Add(value.Key, count(value));
        var categories = values.Select(v => v.Categorie).Distinct().ToList();
        if (totalsInRows)
        {
            // a breakdown: the 'totaal' rows are the stored figures, the other categories add up to them
            foreach (var area in values.Where(v => v.Categorie != "totaal").GroupBy(v => (v.Niveau, v.GebiedCode, v.Periode)))
            {
                var total = table.Find(StoredValue.KeyOf(area.Key.Niveau, area.Key.GebiedCode, area.Key.Periode, "totaal"));
                if (total is not null) table.Relate(total.Value, area.Select(v => table.Find(v.Key)!.Value).ToList());
            }
        }
        if (withTotals)
        {
            foreach (var area in values.GroupBy(v => (v.Niveau, v.GebiedCode, v.Periode)))
            {
                var total = table.Add(StoredValue.KeyOf(area.Key.Niveau, area.Key.GebiedCode, area.Key.Periode, "totaal"), (long)Math.Round(area.First().Noemer ?? 0));
                table.Relate(total, area.Select(v => table.Find(v.Key)!.Value).ToList());
            }
            categories.Add("totaal");
        }
        var regionOf = values.Where(v => v.Niveau == "gemeente").GroupBy(v => v.GebiedCode).ToDictionary(g => g.Key, g => g.First().RegioCode);
        var regions = values.Where(v => v.Niveau == "regio").Select(v => v.GebiedCode).Distinct().ToList();
        var periods = values.Select(v => v.Periode).Distinct().ToList();
        foreach (var periode in periods)
        foreach (var categorie in categories.Distinct())
        {
            foreach (var region in regions)
            {
                var total = table.Find(StoredValue.KeyOf("regio", region, periode, categorie));
                if (total is null) continue;
                var parts = regionOf.Where(r => r.Value == region).Select(r => table.Find(StoredValue.KeyOf("gemeente", r.Key, periode, categorie))).OfType<int>().ToList();
                if (parts.Count > 0) table.Relate(total.Value, parts);
            }
            var country = table.Find(StoredValue.KeyOf("land", "NL", periode, categorie));
            if (country is null) continue;
            var regionCells = regions.Select(r => table.Find(StoredValue.KeyOf("regio", r, periode, categorie))).OfType<int>().ToList();
            if (regionCells.Count > 0) table.Relate(country.Value, regionCells);
        }
        // A year of a count of events is the sum of its quarters, plus, when the data end cuts the year short, the events
        // after the data end that no quarter shows (a cell of status Onbekend: the attacker only knows it is not negative).
        var years = periods.Where(p => !p.Contains('Q')).ToList();
        foreach (var year in years)
        {
            var quarters = periods.Where(p => p.StartsWith(year + "Q", StringComparison.Ordinal)).ToList();
            if (quarters.Count == 0) continue;
            var sums = table.Cells.Where(c => c.Key.Split('|')[2] == year).Select(cell =>
            {
                var parts = cell.Key.Split('|');
                var quarterCells = quarters.Select(q => table.Find(StoredValue.KeyOf(parts[0], parts[1], q, parts[3]))).OfType<int>().ToList();
                return (Cell: cell, Parts: quarterCells, Remainder: cell.Value - quarterCells.Sum(q => table.Cells[q].Value));
            }).ToList();
            var complete = quarters.Count == 4 || sums.All(s => s.Remainder == 0);
            foreach (var (cell, quarterCells, rest) in sums)
            {
                var parts = quarterCells.ToList();
                if (!complete && rest >= 0) parts.Add(table.Add(cell.Key + AfterDataEnd, rest));
                else if (rest != 0) continue;
                table.Relate(table.Find(cell.Key)!.Value, parts);
            }
        }
        return table;
    }

    private static string CountText(long value, CellStatus status, DisclosurePolicy policy) => status switch
    {
        CellStatus.Primair or CellStatus.Secundair when policy.SameMarkerForAllHidden => "x",
        CellStatus.Primair => $"< {policy.MinCount}",
        CellStatus.Secundair => "x",
        _ => DisclosureRounding.Round(value, policy.RoundingBase).ToString(CultureInfo.InvariantCulture),
    };

    private static string FormatNoemer(double? noemer, IndicatorDefinition definition) =>
        definition.Berekening == Berekening.Aantal || noemer is null ? "" : noemer.Value.ToString("0", CultureInfo.InvariantCulture);

    private static string Sql(string text) => text.Replace("'", "''");

    /// <summary>The stored values of one indicator in some periods (one query: the view costs about as much for one period as for five).</summary>
    internal IReadOnlyList<StoredValue> Load(string indicatorId, params IReadOnlyList<string> periodes)
    {
        IndicatorEngine.EnsureResultTable(store);
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"""
            WITH names AS ({AreaNamesSql})
            SELECT value.niveau, value.gebied_code, coalesce(names.naam, value.gebied_code), value.periode, value.categorie,
                   CAST(coalesce(value.teller, 0) AS BIGINT), value.noemer, value.waarde, value.dekking_procent,
                   value.regio_code, value.rang, value.percentiel, value.benchmark_tekst
            FROM indicator_value AS value
            LEFT JOIN names ON names.niveau = value.niveau AND names.code = value.gebied_code
            WHERE value.indicator_id = $indicator AND value.periode IN ({string.Join(", ", periodes.Select(p => $"'{Sql(p)}'"))})
            ORDER BY value.periode, CASE value.niveau WHEN 'land' THEN 0 WHEN 'regio' THEN 1 WHEN 'gemeente' THEN 2 ELSE 3 END, value.gebied_code, value.categorie
            """;
        command.Parameters.Add(new DuckDBParameter("indicator", indicatorId));
        using var reader = command.ExecuteReader();
        var result = new List<StoredValue>();
        double? D(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
        while (reader.Read())
        {
            result.Add(new StoredValue(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5), D(6), D(7), D(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetInt32(10), D(11), reader.IsDBNull(12) ? null : reader.GetString(12)));
        }
        return result;
    }
}
