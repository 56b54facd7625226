using Zicht.Indicators;

namespace Zicht.Disclosure;

/// <summary>
/// A count that equals the sum of some categories of a distribution in every area (Providers false: municipality, region,
/// country) or every provider (true) of one period (uitval's teller: reasons 03 and 04).
/// </summary>
public sealed record CountSum(int Series, int Period, bool Providers, IReadOnlyList<int> Parts);

/// <summary>
/// How the counts of different indicators hang together, found in the figures themselves rather than in a hand-kept
/// list: two counts that are equal in every area (municipalities, regions and the country) of a period are one count
/// published twice, and so are two counts equal for every provider; a count equal to the sum of some categories of a
/// distribution in every area (or for every provider) is that sum.
/// An attacker who reads the definitions knows such links (the youths with jeugdhulp are the teller of
/// jeugdhulp_per_1000 and the noemer of aandeel_verblijf; the noemer of herhaald_beroep is all starts once the five
/// years before are in the data), so the indicators they connect are protected together, as one family. A link found
/// by coincidence only makes the protection stricter. A count that is 0 everywhere links nothing (it is hidden
/// everywhere anyway). Besides these, every teller is at most its noemer.
/// </summary>
public sealed class CountLinks
{
    private readonly int[][][] _canonical;   // [level: 0 areas, 1 providers][series][period] -> the series whose cells hold this count
    private readonly int[] _family;          // [series] -> family number

    public IReadOnlyList<CountSum> Sums { get; }
    /// <summary>(teller series, noemer series): the teller is at most the noemer in every cell.</summary>
    public IReadOnlyList<(int Teller, int Noemer)> Orders { get; }

    private CountLinks(int[][][] canonical, int[] family, IReadOnlyList<CountSum> sums, IReadOnlyList<(int, int)> orders)
    {
        _canonical = canonical;
        _family = family;
        Sums = sums;
        Orders = orders;
    }

    /// <summary>The series whose cells hold series <paramref name="series"/>'s count in a period, for areas or for providers (itself, or an equal one before it).</summary>
    public int Canonical(int series, int period, bool provider) => _canonical[provider ? 1 : 0][series][period];

    public int FamilyOf(int series) => _family[series];

    public static CountLinks Find(PublishedCounts counts, IndicatorCatalogue catalogue)
    {
        var series = counts.Series;
        var periods = counts.Periods.Count;
        var family = Enumerable.Range(0, series.Count).ToArray();
        int Root(int x)
        {
            while (family[x] != x) x = family[x] = family[family[x]];
            return x;
        }
        void Join(int a, int b) => family[Root(a)] = Root(b);

        // one indicator is one family: its teller, noemer and categories hang together
        foreach (var group in Enumerable.Range(0, series.Count).GroupBy(i => series[i].IndicatorId))
            foreach (var member in group.Skip(1)) Join(member, group.First());

        var canonical = new int[2][][];
        var sums = new List<CountSum>();
        var distributions = series.Select((s, i) => (s, i)).Where(x => x.s.Part.StartsWith("categorie:", StringComparison.Ordinal))
            .GroupBy(x => x.s.IndicatorId, x => x.i).ToList();
        foreach (var providers in new[] { false, true })
        {
            var cells = Enumerable.Range(0, counts.Areas.Count).Where(a => (counts.Areas[a].Niveau == "aanbieder") == providers).ToArray();
            long[] Vector(int s, int p) => cells.Select(a => series[s].Values[p][a]).ToArray();
            var vectors = Enumerable.Range(0, series.Count).Select(s => Enumerable.Range(0, periods).Select(p => Vector(s, p)).ToArray()).ToArray();
            var level = canonical[providers ? 1 : 0] = series.Select((_, i) => Enumerable.Repeat(i, periods).ToArray()).ToArray();

            // equal counts: the first in catalogue order holds the cells
            for (var p = 0; p < periods; p++)
            {
                var seen = new Dictionary<long, List<int>>();
                for (var i = 0; i < series.Count; i++)
                {
                    var values = vectors[i][p];
                    if (values.All(v => v == 0)) continue;
                    var hash = Hash(values);
                    if (!seen.TryGetValue(hash, out var earlier)) seen[hash] = earlier = [];
                    var equal = earlier.FirstOrDefault(e => vectors[e][p].AsSpan().SequenceEqual(values), -1);
                    if (equal >= 0)
                    {
                        level[i][p] = equal;
                        Join(i, equal);
                    }
                    else earlier.Add(i);
                }
            }

            // sums of categories: for each count and each distribution, the subsets of its (non-zero) categories
            for (var p = 0; p < periods; p++)
                foreach (var distribution in distributions)
                {
                    var categories = distribution.Where(c => vectors[c][p].Any(v => v != 0)).ToList();
                    if (categories.Count < 3 || categories.Count > 16) continue;   // of two categories, a subset of two is the total
                    for (var i = 0; i < series.Count; i++)
                    {
                        if (level[i][p] != i || series[i].IndicatorId == distribution.Key) continue;
                        var values = vectors[i][p];
                        if (values.All(v => v == 0)) continue;
                        foreach (var subset in EqualSubsets(values, categories.Select(c => vectors[c][p]).ToList()))
                        {
                            sums.Add(new CountSum(i, p, providers, subset.Select(k => categories[k]).ToList()));
                            Join(i, categories[0]);
                        }
                    }
                }
        }

        // a teller is at most its noemer (same indicator, so same family already)
        var orders = new List<(int, int)>();
        foreach (var indicator in catalogue.Indicators.Where(d => d.Berekening is Berekening.Aandeel or Berekening.Mediaan or Berekening.P90))
        {
            var teller = IndexOf(series, indicator.Id, PublishedCounts.Teller);
            var noemer = IndexOf(series, indicator.Id, PublishedCounts.Noemer);
            if (teller >= 0 && noemer >= 0) orders.Add((teller, noemer));
        }

        var familyOf = Enumerable.Range(0, series.Count).Select(Root).ToArray();
        return new CountLinks(canonical, familyOf, sums, orders);
    }

    private static int IndexOf(IReadOnlyList<CountSeries> series, string indicatorId, string part)
    {
        for (var i = 0; i < series.Count; i++)
            if (series[i].IndicatorId == indicatorId && series[i].Part == part) return i;
        return -1;
    }

    private static long Hash(long[] values)
    {
        var hash = new HashCode();
        foreach (var v in values) hash.Add(v);
        return hash.ToHashCode();
    }

    /// <summary>
    /// The subsets of two or more categories (fewer than all) whose sum equals the count in every area. Checked first on the
    /// largest area (the country: most subsets fail there), then everywhere.
    /// </summary>
    private static IEnumerable<int[]> EqualSubsets(long[] values, IReadOnlyList<long[]> categories)
    {
        var k = categories.Count;
        var largest = 0;
        for (var a = 1; a < values.Length; a++) if (values[a] > values[largest]) largest = a;
        for (var mask = 1; mask < (1 << k) - 1; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) < 2) continue;
            long atLargest = 0;
            for (var c = 0; c < k; c++) if ((mask & (1 << c)) != 0) atLargest += categories[c][largest];
            if (atLargest != values[largest]) continue;
            var equal = true;
            for (var a = 0; a < values.Length && equal; a++)
            {
                long sum = 0;
                for (var c = 0; c < k; c++) if ((mask & (1 << c)) != 0) sum += categories[c][a];
                equal = sum == values[a];
            }
            if (equal) yield return Enumerable.Range(0, k).Where(c => (mask & (1 << c)) != 0).ToArray();
        }
    }
}
