using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Zicht.Programmes;

/// <summary>
/// Reads the human-edited YAML programme file (docs/programmas.md). It walks the YAML node tree
/// itself rather than deserialising into classes, so every problem can name its line and field,
/// and it collects all problems instead of stopping at the first.
/// </summary>
public sealed class ProgrammeFileReader(IIndicatorCatalogue catalogue)
{
    public ProgrammeFileResult Read(string yaml)
    {
        var errors = new List<ProgrammeFileError>();
        var source = new SourceMap();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var reason = StripPosition(e.InnerException?.Message ?? e.Message);
            errors.Add(new ProgrammeFileError((int)e.Start.Line, "(bestand)", $"geen geldige YAML: {Explain(reason)} (technisch: {reason})"));
            return new ProgrammeFileResult(null, errors, source);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ProgrammeFileError(1, "(bestand)", "het bestand moet een programma beschrijven (velden id, naam, actielijnen, ...)"));
            return new ProgrammeFileResult(null, errors, source);
        }

        var walker = new Walker(errors, source);
        var programme = walker.ReadProgramme(root);
        if (errors.Count == 0)
            errors.AddRange(new ProgrammeValidator(catalogue).Validate(programme, source));
        return new ProgrammeFileResult(errors.Count == 0 ? programme : null, errors, source);
    }

    /// <summary>The parser's English message in the words of someone editing the file.</summary>
    private static string Explain(string reason) => reason switch
    {
        _ when reason.Contains("expected '-'") => "hier wordt een lijstregel ('- ...') verwacht; klopt de inspringing van deze regel ten opzichte van de regels erboven?",
        _ when reason.Contains("invalid mapping") || reason.Contains("Mapping values are not allowed") =>
            "een veld staat op een onverwachte inspringing; velden van hetzelfde blok moeten precies even ver inspringen",
        _ when reason.Contains("expected key") => "een veld is verder of minder ver ingesprongen dan de velden ernaast",
        _ when reason.Contains("\t") || reason.Contains("tab", StringComparison.OrdinalIgnoreCase) => "gebruik spaties om in te springen, geen tabs",
        _ when reason.Contains("quote", StringComparison.OrdinalIgnoreCase) || reason.Contains("quoted") => "een aanhalingsteken wordt niet afgesloten",
        _ => "controleer de inspringing en de aanhalingstekens op deze regel en de regel erboven",
    };

    private static string StripPosition(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 40) - (Line: ...): "; the line is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    private sealed class Walker(List<ProgrammeFileError> errors, SourceMap source)
    {
        public Programme ReadProgramme(YamlMappingNode root)
        {
            var fields = Fields(root, "", ["id", "naam", "gebied", "inleiding", "actielijnen", "voorstellen", "perioden", "mijlpalen", "vervolgstappen", "activiteiten"]);
            var gebiedNode = fields.GetValueOrDefault("gebied");
            var gebied = new Gebied("regio", "");
            if (gebiedNode is null) Error(root, "gebied", "ontbreekt (bijvoorbeeld: gebied: { niveau: regio, code: JZ13 })");
            else if (Mapping(gebiedNode, "gebied") is { } g)
            {
                var gf = Fields(g, "gebied", ["niveau", "code"]);
                gebied = new Gebied(RequiredText(gf, g, "gebied", "niveau"), RequiredText(gf, g, "gebied", "code"));
            }

            return new Programme(
                RequiredText(fields, root, "", "id"),
                RequiredText(fields, root, "", "naam"),
                gebied,
                OptionalText(fields, "", "inleiding"),
                Items(fields, "actielijnen", ReadActionLine),
                Items(fields, "voorstellen", ReadProposal),
                Items(fields, "perioden", ReadPeriod),
                Items(fields, "mijlpalen", ReadMilestone),
                Items(fields, "vervolgstappen", ReadNextStep),
                Items(fields, "activiteiten", ReadActivity));
        }

        private ActionLine ReadActionLine(YamlMappingNode node, string path)
        {
            var f = Fields(node, path, ["nummer", "titel", "inzet", "subdoelen"]);
            var nummer = RequiredInt(f, node, path, "nummer");
            var subdoelen = new List<SubGoal>();
            if (f.TryGetValue("subdoelen", out var list) && Sequence(list, $"{path}.subdoelen") is { } seq)
            {
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    var itemPath = $"{path}.subdoelen[{i + 1}]";
                    source.Record(itemPath, Line(seq.Children[i]));
                    if (Mapping(seq.Children[i], itemPath) is not { } m) continue;
                    var sf = Fields(m, itemPath, ["letter", "tekst", "indicatoren"]);
                    subdoelen.Add(new SubGoal(nummer, RequiredText(sf, m, itemPath, "letter"), RequiredText(sf, m, itemPath, "tekst"), TextList(sf, itemPath, "indicatoren")));
                }
            }
            return new ActionLine(nummer, RequiredText(f, node, path, "titel"), OptionalText(f, path, "inzet"), subdoelen);
        }

        private Proposal ReadProposal(YamlMappingNode node, string path)
        {
            var f = Fields(node, path, ["nummer", "actielijn", "titel", "doel", "aanpak", "betrokkenen", "monitoring", "verbinding", "kennisdeling", "eindproduct", "budget", "indicatoren"]);
            decimal? budget = null;
            if (OptionalText(f, path, "budget") is { } text)
            {
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)) budget = b;
                else Error(f["budget"], $"{path}.budget", $"'{text}' is geen bedrag in euro's (schrijf bijvoorbeeld 125000)");
            }
            return new Proposal(
                RequiredInt(f, node, path, "nummer"), RequiredInt(f, node, path, "actielijn"), RequiredText(f, node, path, "titel"),
                OptionalText(f, path, "doel"), OptionalText(f, path, "aanpak"), OptionalText(f, path, "betrokkenen"),
                OptionalText(f, path, "monitoring"), OptionalText(f, path, "verbinding"), OptionalText(f, path, "kennisdeling"),
                OptionalText(f, path, "eindproduct"), budget, TextList(f, path, "indicatoren"));
        }

        private ReportingPeriod ReadPeriod(YamlMappingNode node, string path)
        {
            var f = Fields(node, path, ["code", "naam", "van", "tot", "editie"]);
            var van = RequiredDate(f, node, path, "van");
            var tot = RequiredDate(f, node, path, "tot");
            // Default edition: a period ending in the first half of the year is reported in spring.
            var editie = tot.Month <= 6 ? Editie.Voorjaar : Editie.Najaar;
            if (OptionalText(f, path, "editie") is { } e)
            {
                if (e == "voorjaar") editie = Editie.Voorjaar;
                else if (e == "najaar") editie = Editie.Najaar;
                else Error(f["editie"], $"{path}.editie", $"'{e}' is onbekend; kies voorjaar of najaar");
            }
            return new ReportingPeriod(RequiredText(f, node, path, "code"), RequiredText(f, node, path, "naam"), van, tot, editie);
        }

        private Milestone ReadMilestone(YamlMappingNode node, string path)
        {
            var f = Fields(node, path, ["tekst", "actielijnen", "subdoel", "periode", "datum", "status", "link"]);
            var actielijnen = new List<int>();
            if (!f.TryGetValue("actielijnen", out var lines)) Error(node, $"{path}.actielijnen", "ontbreekt (bijvoorbeeld: actielijnen: [2])");
            else if (lines is YamlScalarNode single) actielijnen.Add(ParseInt(single, $"{path}.actielijnen"));
            else if (Sequence(lines, $"{path}.actielijnen") is { } seq)
                for (var i = 0; i < seq.Children.Count; i++)
                    if (Scalar(seq.Children[i], $"{path}.actielijnen[{i + 1}]") is { } s) actielijnen.Add(ParseInt(s, $"{path}.actielijnen[{i + 1}]"));

            DateOnly? datum = f.ContainsKey("datum") ? RequiredDate(f, node, path, "datum") : null;
            var status = MilestoneStatus.Bereikt;
            if (OptionalText(f, path, "status") is { } st && !TryParseEnum(st, out status))
                Error(f["status"], $"{path}.status", $"'{st}' is onbekend; kies bereikt, lopend, vertraagd of vervallen");
            return new Milestone(RequiredText(f, node, path, "tekst"), actielijnen, OptionalText(f, path, "subdoel"),
                OptionalText(f, path, "periode"), datum, status, OptionalText(f, path, "link"));
        }

        private NextStep ReadNextStep(YamlMappingNode node, string path)
        {
            var f = Fields(node, path, ["tekst", "subdoel", "kwartaal", "gereed"]);
            var gereed = false;
            if (OptionalText(f, path, "gereed") is { } g)
            {
                if (g is "ja" or "true") gereed = true;
                else if (g is "nee" or "false") gereed = false;
                else Error(f["gereed"], $"{path}.gereed", $"'{g}' is geen ja of nee");
            }
            return new NextStep(RequiredText(f, node, path, "tekst"), RequiredText(f, node, path, "subdoel"), OptionalText(f, path, "kwartaal"), gereed);
        }

        private ProgrammeActivity ReadActivity(YamlMappingNode node, string path)
        {
            var f = Fields(node, path, ["tekst", "actielijn", "jaar", "doel", "gerealiseerd", "eenheid"]);
            int? actielijn = f.ContainsKey("actielijn") ? RequiredInt(f, node, path, "actielijn") : null;
            double? gerealiseerd = f.ContainsKey("gerealiseerd") ? RequiredNumber(f, node, path, "gerealiseerd") : null;
            return new ProgrammeActivity(RequiredText(f, node, path, "tekst"), actielijn, RequiredInt(f, node, path, "jaar"),
                RequiredNumber(f, node, path, "doel"), gerealiseerd, OptionalText(f, path, "eenheid"));
        }

        // ---- generic helpers: each reports a problem with line and field, then carries on ----

        private Dictionary<string, YamlNode> Fields(YamlMappingNode node, string path, string[] known)
        {
            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in node.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                var fieldPath = Join(path, key);
                if (!known.Contains(key))
                {
                    Error(keyNode, fieldPath, $"onbekend veld '{key}' (verwacht: {string.Join(", ", known)}); klopt de inspringing?");
                    continue;
                }
                if (!fields.TryAdd(key, value)) Error(keyNode, fieldPath, "staat twee keer in hetzelfde blok");
                source.Record(fieldPath, Line(keyNode));
            }
            return fields;
        }

        private List<T> Items<T>(Dictionary<string, YamlNode> fields, string name, Func<YamlMappingNode, string, T> read)
        {
            var items = new List<T>();
            if (!fields.TryGetValue(name, out var node) || Sequence(node, name) is not { } seq) return items;
            for (var i = 0; i < seq.Children.Count; i++)
            {
                var path = $"{name}[{i + 1}]";
                source.Record(path, Line(seq.Children[i]));
                if (Mapping(seq.Children[i], path) is { } m) items.Add(read(m, path));
            }
            return items;
        }

        private string RequiredText(Dictionary<string, YamlNode> f, YamlNode parent, string path, string name)
        {
            if (!f.TryGetValue(name, out var node)) { Error(parent, Join(path, name), "ontbreekt"); return ""; }
            var text = Scalar(node, Join(path, name))?.Value?.Trim();
            if (string.IsNullOrEmpty(text)) { Error(node, Join(path, name), "is leeg"); return ""; }
            return text;
        }

        private string? OptionalText(Dictionary<string, YamlNode> f, string path, string name)
        {
            if (!f.TryGetValue(name, out var node)) return null;
            var text = Scalar(node, Join(path, name))?.Value?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        private IReadOnlyList<string> TextList(Dictionary<string, YamlNode> f, string path, string name)
        {
            var list = new List<string>();
            if (!f.TryGetValue(name, out var node)) return list;
            if (Sequence(node, Join(path, name)) is not { } seq) return list;
            for (var i = 0; i < seq.Children.Count; i++)
            {
                var itemPath = $"{Join(path, name)}[{i + 1}]";
                source.Record(itemPath, Line(seq.Children[i]));
                if (Scalar(seq.Children[i], itemPath)?.Value?.Trim() is { Length: > 0 } v) list.Add(v);
            }
            return list;
        }

        private int RequiredInt(Dictionary<string, YamlNode> f, YamlNode parent, string path, string name)
        {
            if (!f.TryGetValue(name, out var node)) { Error(parent, Join(path, name), "ontbreekt"); return 0; }
            return Scalar(node, Join(path, name)) is { } s ? ParseInt(s, Join(path, name)) : 0;
        }

        private int ParseInt(YamlScalarNode node, string path)
        {
            if (int.TryParse(node.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            Error(node, path, $"'{node.Value}' is geen geheel getal");
            return 0;
        }

        private double RequiredNumber(Dictionary<string, YamlNode> f, YamlNode parent, string path, string name)
        {
            if (!f.TryGetValue(name, out var node)) { Error(parent, Join(path, name), "ontbreekt"); return 0; }
            if (Scalar(node, Join(path, name)) is not { } s) return 0;
            if (double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
            Error(node, Join(path, name), $"'{s.Value}' is geen getal (gebruik een punt als decimaalteken)");
            return 0;
        }

        private DateOnly RequiredDate(Dictionary<string, YamlNode> f, YamlNode parent, string path, string name)
        {
            if (!f.TryGetValue(name, out var node)) { Error(parent, Join(path, name), "ontbreekt"); return default; }
            if (Scalar(node, Join(path, name)) is not { } s) return default;
            if (DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Error(node, Join(path, name), $"'{s.Value}' is geen datum (schrijf JJJJ-MM-DD, bijvoorbeeld 2020-06-01)");
            return default;
        }

        private YamlMappingNode? Mapping(YamlNode node, string path)
        {
            if (node is YamlMappingNode m) return m;
            Error(node, path, "verwacht een blok met velden (naam: waarde); klopt de inspringing?");
            return null;
        }

        private YamlSequenceNode? Sequence(YamlNode node, string path)
        {
            if (node is YamlSequenceNode s) return s;
            if (node is YamlScalarNode { Value: null or "" }) return new YamlSequenceNode();
            Error(node, path, "verwacht een lijst (regels die beginnen met '- '); klopt de inspringing?");
            return null;
        }

        private YamlScalarNode? Scalar(YamlNode node, string path)
        {
            if (node is YamlScalarNode s) return s;
            Error(node, path, "verwacht een enkele waarde, geen blok of lijst; klopt de inspringing?");
            return null;
        }

        private void Error(YamlNode node, string path, string message) => errors.Add(new ProgrammeFileError(Line(node), path, message));

        private static int Line(YamlNode node) => (int)node.Start.Line;

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        private static bool TryParseEnum(string text, out MilestoneStatus status) =>
            Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);
    }
}
