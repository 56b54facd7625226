using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Zicht.Indicators;

/// <summary>
/// The catalogue of indicators: read from the embedded catalogue.yaml, the single source of truth that the
/// engine, the exports, the web, the API and docs/indicators.md all use.
/// </summary>
public sealed partial class IndicatorCatalogue
{
    public static readonly string[] AllNiveaus = ["gemeente", "regio", "land", "aanbieder"];
    public static readonly string[] AllUitsplitsingen = ["zorgvorm", "leeftijdsgroep", "geslacht", "verwijzer", "aanbieder"];

    private static readonly Lazy<IndicatorCatalogue> Shipped = new(() => Parse(ReadEmbedded()));

    public IReadOnlyList<IndicatorDefinition> Indicators { get; }
    public IReadOnlyDictionary<string, string> Parameters { get; }
    private readonly Dictionary<string, IndicatorDefinition> _byId;

    private IndicatorCatalogue(IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyDictionary<string, string> parameters)
    {
        Indicators = indicators;
        Parameters = parameters;
        _byId = indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalogue shipped in this version of Zicht.</summary>
    public static IndicatorCatalogue Load() => Shipped.Value;

    public bool Contains(string id) => _byId.ContainsKey(id);

    public IndicatorDefinition Get(string id) =>
        _byId.TryGetValue(id, out var definition) ? definition
            : throw new KeyNotFoundException($"Unknown indicator '{id}'; `zicht indicators` lists the catalogue.");

    public bool TryGet(string id, out IndicatorDefinition definition) => _byId.TryGetValue(id, out definition!);

    /// <summary>The unit query with {{parameters}} filled in (overrides win over the catalogue defaults).</summary>
    public string UnitSql(IndicatorDefinition definition, IReadOnlyDictionary<string, string>? overrides = null) =>
        Fill(definition.EenhedenSql, overrides);

    /// <summary>A text (definition, teller) with {{parameters}} filled in.</summary>
    public string Fill(string text, IReadOnlyDictionary<string, string>? overrides = null) =>
        ParameterPattern().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (overrides is not null && overrides.TryGetValue(name, out var value)) return value;
            return Parameters.TryGetValue(name, out var shipped) ? shipped
                : throw new InvalidOperationException($"Catalogue parameter {{{{{name}}}}} is not defined.");
        });

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex ParameterPattern();

    private static string ReadEmbedded()
    {
        using var stream = typeof(IndicatorCatalogue).Assembly.GetManifestResourceStream("Zicht.Indicators.catalogue.yaml")
            ?? throw new InvalidOperationException("catalogue.yaml is not embedded; rebuild the project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses and validates a catalogue text; a broken entry is a bug, so it throws with the id.</summary>
    public static IndicatorCatalogue Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var file = deserializer.Deserialize<CatalogueFile>(yaml) ?? throw new InvalidOperationException("Empty catalogue.");
        var parameters = (file.Parameters ?? []).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var indicators = new List<IndicatorDefinition>();
        foreach (var entry in file.Indicatoren ?? [])
        {
            string Required(string? value, string field) => string.IsNullOrWhiteSpace(value)
                ? throw new InvalidOperationException($"Indicator '{entry.Id}': field '{field}' is missing.") : value.Trim();
            var id = Required(entry.Id, "id");
            var niveaus = entry.Niveaus ?? [];
            var uitsplitsingen = entry.Uitsplitsingen ?? [];
            if (niveaus.Count == 0 || niveaus.Except(AllNiveaus).Any())
                throw new InvalidOperationException($"Indicator '{id}': niveaus must be some of {string.Join(", ", AllNiveaus)}.");
            if (uitsplitsingen.Except(AllUitsplitsingen).Any())
                throw new InvalidOperationException($"Indicator '{id}': uitsplitsingen must be some of {string.Join(", ", AllUitsplitsingen)}.");
            indicators.Add(new IndicatorDefinition(
                id,
                Required(entry.Naam, "naam"),
                Required(entry.Thema, "thema"),
                Required(entry.Definitie, "definitie"),
                Required(entry.Teller, "teller"),
                Required(entry.Noemer, "noemer"),
                Required(entry.Berekening, "berekening") switch
                {
                    "per_1000" => Berekening.Per1000,
                    "aandeel" => Berekening.Aandeel,
                    "verdeling" => Berekening.Verdeling,
                    "aantal" => Berekening.Aantal,
                    "mediaan" => Berekening.Mediaan,
                    "p90" => Berekening.P90,
                    var other => throw new InvalidOperationException($"Indicator '{id}': unknown berekening '{other}'."),
                },
                Required(entry.Eenheid, "eenheid"),
                Required(entry.Richting, "richting") switch
                {
                    "hoger is beter" => Richting.HogerIsBeter,
                    "lager is beter" => Richting.LagerIsBeter,
                    "neutraal" => Richting.Neutraal,
                    var other => throw new InvalidOperationException($"Indicator '{id}': unknown richting '{other}'."),
                },
                niveaus,
                uitsplitsingen,
                entry.MinimaleGroep ?? throw new InvalidOperationException($"Indicator '{id}': minimale_groep is missing."),
                Required(entry.Duiding, "duiding"),
                Required(entry.Eenheden, "eenheden"),
                entry.OptelbaarOverKwartalen ?? false));
        }
        var duplicate = indicators.GroupBy(i => i.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Indicator '{duplicate.Key}' appears twice in the catalogue.");
        return new IndicatorCatalogue(indicators, parameters);
    }

    /// <summary>A catalogue parameter as a number (e.g. the waiting-time norm in days).</summary>
    public int IntParameter(string name) => int.Parse(Parameters[name], CultureInfo.InvariantCulture);

    // YamlDotNet needs settable classes; they stay private and are mapped onto the record above.
    private sealed class CatalogueFile
    {
        public Dictionary<string, string>? Parameters { get; set; }
        public List<CatalogueEntry>? Indicatoren { get; set; }
    }

    private sealed class CatalogueEntry
    {
        public string? Id { get; set; }
        public string? Naam { get; set; }
        public string? Thema { get; set; }
        public string? Definitie { get; set; }
        public string? Teller { get; set; }
        public string? Noemer { get; set; }
        public string? Berekening { get; set; }
        public string? Eenheid { get; set; }
        public string? Richting { get; set; }
        public List<string>? Niveaus { get; set; }
        public List<string>? Uitsplitsingen { get; set; }
        public int? MinimaleGroep { get; set; }
        public string? Duiding { get; set; }
        public string? Eenheden { get; set; }
        public bool? OptelbaarOverKwartalen { get; set; }
    }
}
