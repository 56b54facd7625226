using System.Text;
using Zicht.Reference;

namespace Zicht.Generate;

/// <summary>
/// Where youths live: the current municipalities weighted by their 0–17 population, the predecessors
/// that were responsible before a merger, a postcode4 range per municipality and the name of its local team.
/// </summary>
internal sealed class Geography
{
    /// <summary>Every municipality of the reference set (current and dissolved), index = position.</summary>
    public Gemeente[] Gemeenten { get; }
    public byte[][] CodeUtf8 { get; }
    public byte[][] LocalTeamNameUtf8 { get; }
    public string[] LocalTeamName { get; }
    /// <summary>Index into <see cref="Regions"/> per municipality.</summary>
    public int[] RegionOf { get; }
    public string[] Regions { get; }
    /// <summary>Indices of the current municipalities, with cumulative 0–17 population for drawing.</summary>
    public int[] Current { get; }
    private readonly double[] _currentCumulative;
    /// <summary>Per municipality: predecessors (dissolved municipalities merged into it) with their GeldigTot as day number.</summary>
    public int[][] Predecessors { get; }
    public int[] ValidFromDay { get; }
    public int[] ValidToDay { get; }
    public int[] PostcodeLow { get; }
    public int[] PostcodeHigh { get; }
    public double TotalYouthPopulation { get; }

    public Geography(ReferenceData reference, int firstYear, int endYear)
    {
        Gemeenten = reference.Gemeenten.ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Gemeenten.Length; i++) index[Gemeenten[i].Gemeentecode] = i;
        Regions = reference.Jeugdregios.Select(r => r.Jeugdregiocode).ToArray();
        var regionIndex = Regions.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, StringComparer.Ordinal);

        CodeUtf8 = Gemeenten.Select(g => Encoding.UTF8.GetBytes(g.Gemeentecode)).ToArray();
        RegionOf = Gemeenten.Select(g => regionIndex[g.Jeugdregiocode]).ToArray();
        ValidFromDay = Gemeenten.Select(g => g.GeldigVan?.DayNumber ?? int.MinValue).ToArray();
        ValidToDay = Gemeenten.Select(g => g.GeldigTot?.DayNumber ?? int.MaxValue).ToArray();
        string[] teamWords = ["Jeugdteam", "Wijkteam", "Sociaal team", "CJG", "Buurtteam", "Gebiedsteam"];
        LocalTeamName = Gemeenten.Select(g => teamWords[StableHash(g.Gemeentecode) % teamWords.Length] + " " + g.Gemeentenaam).ToArray();
        LocalTeamNameUtf8 = LocalTeamName.Select(Encoding.UTF8.GetBytes).ToArray();

        Predecessors = new int[Gemeenten.Length][];
        for (var i = 0; i < Gemeenten.Length; i++)
            Predecessors[i] = Enumerable.Range(0, Gemeenten.Length).Where(j => Gemeenten[j].OpgevolgdDoor == Gemeenten[i].Gemeentecode).ToArray();

        // Youths are spread over the municipalities by their mean 0–17 population over the generated years.
        var population = new double[Gemeenten.Length];
        foreach (var row in reference.Bevolking)
            if (row.Jaar >= firstYear && row.Jaar <= endYear && index.TryGetValue(row.Gemeentecode, out var gi))
                population[gi] += row.Jeugdigen0Tot17;
        if (population.All(p => p == 0))
            foreach (var row in reference.Bevolking)
                if (index.TryGetValue(row.Gemeentecode, out var gi)) population[gi] += row.Jeugdigen0Tot17;
        Current = Enumerable.Range(0, Gemeenten.Length).Where(i => Gemeenten[i].GeldigTot is null && population[i] > 0).ToArray();
        _currentCumulative = new double[Current.Length];
        double sum = 0;
        for (var k = 0; k < Current.Length; k++) { sum += population[Current[k]]; _currentCumulative[k] = sum; }
        var yearsCounted = Math.Max(1, reference.Bevolking.Where(r => r.Jaar >= firstYear && r.Jaar <= endYear).Select(r => r.Jaar).Distinct().Count());
        TotalYouthPopulation = sum / yearsCounted;

        (PostcodeLow, PostcodeHigh) = PostcodeRanges(population);
    }

    public int DrawCurrent(ref Rng rng) => Current[rng.Pick(_currentCumulative)];

    public bool ExistsOn(int gemeente, int day) => day >= ValidFromDay[gemeente] && day <= ValidToDay[gemeente];

    /// <summary>
    /// Postcode4 ranges that follow the real geography roughly: the first digit by region (1 Noord-Holland,
    /// 2–3 Zuid-Holland/Utrecht, 4 Zeeland/West-Brabant, 5 Brabant/Noord-Limburg, 6 Gelderland/Limburg,
    /// 7 Oost, 8 Overijssel/Flevoland/Friesland, 9 Groningen/Drenthe), then consecutive blocks by population.
    /// Dissolved municipalities share the range of their successor.
    /// </summary>
    private (int[] Low, int[] High) PostcodeRanges(double[] population)
    {
        var firstDigit = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["JZ01"] = 9, ["JZ02"] = 8, ["JZ03"] = 1, ["JZ04"] = 9, ["JZ05"] = 1, ["JZ06"] = 1, ["JZ07"] = 8, ["JZ08"] = 8,
            ["JZ09"] = 1, ["JZ10"] = 1, ["JZ11"] = 2, ["JZ12"] = 3, ["JZ13"] = 1, ["JZ14"] = 7, ["JZ15"] = 2, ["JZ16"] = 1,
            ["JZ17"] = 7, ["JZ18"] = 2, ["JZ19"] = 3, ["JZ20"] = 3, ["JZ21"] = 6, ["JZ22"] = 3, ["JZ23"] = 3, ["JZ24"] = 2,
            ["JZ25"] = 7, ["JZ26"] = 3, ["JZ27"] = 2, ["JZ28"] = 6, ["JZ29"] = 3, ["JZ30"] = 4, ["JZ31"] = 3, ["JZ32"] = 6,
            ["JZ33"] = 5, ["JZ34"] = 4, ["JZ35"] = 5, ["JZ36"] = 4, ["JZ37"] = 5, ["JZ38"] = 4, ["JZ39"] = 5, ["JZ41"] = 6,
            ["JZ42"] = 6, ["JZ43"] = 6,
        };
        var low = new int[Gemeenten.Length];
        var high = new int[Gemeenten.Length];
        for (var digit = 1; digit <= 9; digit++)
        {
            var members = Current.Where(i => firstDigit.GetValueOrDefault(Gemeenten[i].Jeugdregiocode, 5) == digit).ToArray();
            var total = members.Sum(i => population[i]);
            var start = digit * 1000.0;
            foreach (var i in members)
            {
                var width = Math.Max(1.0, 1000.0 * population[i] / total);
                low[i] = (int)start;
                high[i] = Math.Max(low[i], Math.Min(digit * 1000 + 999, (int)(start + width) - 1));
                start += width;
            }
        }
        for (var i = 0; i < Gemeenten.Length; i++)
        {
            if (low[i] != 0) continue;
            var successor = Gemeenten[i].OpgevolgdDoor is { } s ? Array.FindIndex(Gemeenten, g => g.Gemeentecode == s) : -1;
            (low[i], high[i]) = successor >= 0 ? (low[successor], high[successor]) : (1000, 9999);
        }
        return (low, high);
    }

    internal static int StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) { h ^= c; h *= 16777619u; }
        return (int)(h & 0x7FFFFFFF);
    }
}
