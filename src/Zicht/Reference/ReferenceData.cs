using System.Globalization;
using System.Reflection;

namespace Zicht.Reference;

/// <summary>A municipality with its validity; codes are "GM" + 4 digits.</summary>
public sealed record Gemeente(
    string Gemeentecode,
    string Gemeentenaam,
    string Jeugdregiocode,
    DateOnly? GeldigVan,
    DateOnly? GeldigTot,
    string? OpgevolgdDoor)
{
    public bool ExistsOn(DateOnly date) =>
        (GeldigVan is null || date >= GeldigVan) && (GeldigTot is null || date <= GeldigTot);
}

public sealed record Jeugdregio(string Jeugdregiocode, string Jeugdregionaam);

public sealed record Zorgvorm(
    string Code, string Omschrijving, string Soort, bool MetVerblijf, bool Gezinsgericht,
    bool VerwijzerVerplicht, bool AanbiederVerplicht);

public sealed record Code(string Value, string Omschrijving);

public sealed record YouthPopulation(string Gemeentecode, int Jaar, int Jeugdigen0Tot17, string Bron);

/// <summary>
/// The reference data shipped with Zicht (data/reference, embedded in this assembly).
/// One source of truth for municipalities, regions, zorgvormen and code lists.
/// </summary>
public sealed class ReferenceData
{
    public IReadOnlyList<Gemeente> Gemeenten { get; }
    public IReadOnlyList<Jeugdregio> Jeugdregios { get; }
    public IReadOnlyList<Zorgvorm> Zorgvormen { get; }
    public IReadOnlyList<Code> RedenenEinde { get; }
    public IReadOnlyList<Code> Verwijzers { get; }
    public IReadOnlyList<Code> Geslachten { get; }
    public IReadOnlyList<Code> Productcategorieen { get; }
    public IReadOnlyList<YouthPopulation> Bevolking { get; }

    private readonly Dictionary<string, Gemeente> _gemeenteByCode;
    private readonly Dictionary<string, Zorgvorm> _zorgvormByCode;

    private ReferenceData()
    {
        Gemeenten = ReadCsv("gemeenten.csv").Select(r => new Gemeente(
            r[0], r[1], r[2], ParseOptionalDate(r[3]), ParseOptionalDate(r[4]), r[5].Length == 0 ? null : r[5])).ToList();
        Jeugdregios = ReadCsv("jeugdregios.csv").Select(r => new Jeugdregio(r[0], r[1])).ToList();
        Zorgvormen = ReadCsv("zorgvormen.csv").Select(r => new Zorgvorm(
            r[0], r[1], r[2], r[3] == "1", r[4] == "1", r[5] == "1", r[6] == "1")).ToList();
        RedenenEinde = ReadCsv("reden_einde.csv").Select(r => new Code(r[0], r[1])).ToList();
        Verwijzers = ReadCsv("verwijzers.csv").Select(r => new Code(r[0], r[1])).ToList();
        Geslachten = ReadCsv("geslacht.csv").Select(r => new Code(r[0], r[1])).ToList();
        Productcategorieen = ReadCsv("productcategorie.csv").Select(r => new Code(r[0], r[1])).ToList();
        Bevolking = ReadCsv("bevolking_0_17.csv").Select(r => new YouthPopulation(
            r[0], int.Parse(r[1], CultureInfo.InvariantCulture), int.Parse(r[2], CultureInfo.InvariantCulture), r[3])).ToList();
        _gemeenteByCode = Gemeenten.ToDictionary(g => g.Gemeentecode, StringComparer.Ordinal);
        _zorgvormByCode = Zorgvormen.ToDictionary(z => z.Code, StringComparer.Ordinal);
    }

    private static readonly Lazy<ReferenceData> _shipped = new(() => new ReferenceData());

    /// <summary>The reference data of this version of Zicht (immutable, loaded once).</summary>
    public static ReferenceData Shipped => _shipped.Value;

    public Gemeente? FindGemeente(string gemeentecode) => _gemeenteByCode.GetValueOrDefault(gemeentecode);

    public Zorgvorm? FindZorgvorm(string code) => _zorgvormByCode.GetValueOrDefault(code);

    /// <summary>The municipality a code is part of today, following mergers (Weesp → Amsterdam).</summary>
    public string CurrentGemeentecode(string gemeentecode)
    {
        var code = gemeentecode;
        for (var hops = 0; hops < 10 && _gemeenteByCode.TryGetValue(code, out var g) && g.OpgevolgdDoor is not null; hops++)
            code = g.OpgevolgdDoor;
        return code;
    }

    /// <summary>Municipalities of the current set (no end of validity).</summary>
    public IEnumerable<Gemeente> CurrentGemeenten => Gemeenten.Where(g => g.GeldigTot is null);

    private static DateOnly? ParseOptionalDate(string s) =>
        s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads one shipped reference CSV (comma separated, header, RFC 4180 quotes), skipping the header.</summary>
    internal static List<string[]> ReadCsv(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Zicht.ReferenceData." + fileName)
            ?? throw new InvalidOperationException($"Reference file {fileName} is not embedded in Zicht.dll; rebuild the project.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) rows.Add(SplitCsvLine(line));
        return rows;
    }

    private static string[] SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields.ToArray();
    }
}
