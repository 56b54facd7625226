using System.Text.RegularExpressions;

namespace Zicht.Programmes;

/// <summary>
/// Decides whether a programme hangs together: every reference (action line, sub-goal, period,
/// indicator) points at something that exists. Used for files (with a <see cref="SourceMap"/>) and,
/// later, for the editing forms (without one).
/// </summary>
public sealed partial class ProgrammeValidator(IIndicatorCatalogue catalogue)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z]{1,2}$")]
    private static partial Regex LetterPattern();

    [GeneratedRegex("^[0-9]{4}Q[1-4]$")]
    private static partial Regex QuarterPattern();

    public IReadOnlyList<ProgrammeFileError> Validate(Programme programme, SourceMap? source = null)
    {
        source ??= SourceMap.Empty;
        var errors = new List<ProgrammeFileError>();
        void Error(string field, string message) => errors.Add(new ProgrammeFileError(source.LineOf(field), field, message));

        if (!IdPattern().IsMatch(programme.Id))
            Error("id", $"'{programme.Id}' mag alleen kleine letters, cijfers en streepjes bevatten (bijvoorbeeld amsterdam-2018-2020)");
        if (!Gebied.Niveaus.Contains(programme.Gebied.Niveau))
            Error("gebied.niveau", $"'{programme.Gebied.Niveau}' is onbekend; kies {string.Join(", ", Gebied.Niveaus)}");

        var lineNumbers = new HashSet<int>();
        for (var i = 0; i < programme.Actielijnen.Count; i++)
        {
            var line = programme.Actielijnen[i];
            var path = $"actielijnen[{i + 1}]";
            if (line.Nummer <= 0) Error($"{path}.nummer", "moet een positief getal zijn");
            else if (!lineNumbers.Add(line.Nummer)) Error($"{path}.nummer", $"actielijn {line.Nummer} staat er twee keer in");
            var letters = new HashSet<string>();
            for (var j = 0; j < line.Subdoelen.Count; j++)
            {
                var sub = line.Subdoelen[j];
                var subPath = $"{path}.subdoelen[{j + 1}]";
                if (!LetterPattern().IsMatch(sub.Letter)) Error($"{subPath}.letter", $"'{sub.Letter}' moet een kleine letter zijn (a, b, c, ...)");
                else if (!letters.Add(sub.Letter)) Error($"{subPath}.letter", $"subdoel {sub.Code} staat er twee keer in");
                CheckIndicators(sub.Indicatoren, $"{subPath}.indicatoren", Error);
            }
        }
        if (programme.Actielijnen.Count == 0) Error("actielijnen", "een programma heeft minstens één actielijn");

        bool KnownLine(int nummer) => lineNumbers.Contains(nummer);
        string Known() => string.Join(", ", lineNumbers.Order());

        var proposalNumbers = new HashSet<int>();
        for (var i = 0; i < programme.Voorstellen.Count; i++)
        {
            var proposal = programme.Voorstellen[i];
            var path = $"voorstellen[{i + 1}]";
            if (!proposalNumbers.Add(proposal.Nummer)) Error($"{path}.nummer", $"voorstel {proposal.Nummer} staat er twee keer in");
            if (!KnownLine(proposal.Actielijn)) Error($"{path}.actielijn", $"actielijn {proposal.Actielijn} bestaat niet in dit programma (wel: {Known()})");
            if (proposal.BudgetEuro is < 0) Error($"{path}.budget", "een budget kan niet negatief zijn");
            CheckIndicators(proposal.Indicatoren, $"{path}.indicatoren", Error);
        }

        var periodCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < programme.Perioden.Count; i++)
        {
            var period = programme.Perioden[i];
            var path = $"perioden[{i + 1}]";
            if (!periodCodes.Add(period.Code)) Error($"{path}.code", $"periode {period.Code} staat er twee keer in");
            if (period.Tot < period.Van) Error($"{path}.tot", $"het einde ({period.Tot:yyyy-MM-dd}) ligt voor het begin ({period.Van:yyyy-MM-dd})");
        }
        string KnownPeriods() => periodCodes.Count == 0 ? "er zijn geen perioden" : "wel: " + string.Join(", ", programme.Perioden.Select(p => p.Code));

        for (var i = 0; i < programme.Mijlpalen.Count; i++)
        {
            var milestone = programme.Mijlpalen[i];
            var path = $"mijlpalen[{i + 1}]";
            if (milestone.Actielijnen.Count == 0) Error($"{path}.actielijnen", "noem minstens één actielijn");
            for (var j = 0; j < milestone.Actielijnen.Count; j++)
                if (!KnownLine(milestone.Actielijnen[j]))
                    Error($"{path}.actielijnen[{j + 1}]", $"actielijn {milestone.Actielijnen[j]} bestaat niet in dit programma (wel: {Known()})");
            if (milestone.Subdoel is { } code)
            {
                var sub = programme.FindSubGoal(code);
                if (sub is null) Error($"{path}.subdoel", $"subdoel {code} bestaat niet");
                else if (!milestone.Actielijnen.Contains(sub.Actielijn)) Error($"{path}.subdoel", $"subdoel {code} hoort bij actielijn {sub.Actielijn}, die niet bij deze mijlpaal staat");
            }
            if (milestone.Periode is null && milestone.Datum is null) Error(path, "noem de periode (periode: VGR5) of de datum (datum: 2020-06-15) waarin de mijlpaal is bereikt");
            if (milestone.Periode is not null && milestone.Datum is not null) Error($"{path}.datum", "noem een periode of een datum, niet allebei");
            if (milestone.Periode is { } p && !periodCodes.Contains(p)) Error($"{path}.periode", $"periode {p} bestaat niet ({KnownPeriods()})");
        }

        for (var i = 0; i < programme.Vervolgstappen.Count; i++)
        {
            var step = programme.Vervolgstappen[i];
            var path = $"vervolgstappen[{i + 1}]";
            if (programme.FindSubGoal(step.Subdoel) is null) Error($"{path}.subdoel", $"subdoel {step.Subdoel} bestaat niet");
            if (step.Kwartaal is { } q && !QuarterPattern().IsMatch(q)) Error($"{path}.kwartaal", $"'{q}' is geen kwartaal (schrijf bijvoorbeeld 2021Q1)");
        }

        for (var i = 0; i < programme.Activiteiten.Count; i++)
        {
            var activity = programme.Activiteiten[i];
            var path = $"activiteiten[{i + 1}]";
            if (activity.Actielijn is { } n && !KnownLine(n)) Error($"{path}.actielijn", $"actielijn {n} bestaat niet in dit programma (wel: {Known()})");
            if (activity.Jaar is < 2000 or > 2100) Error($"{path}.jaar", $"{activity.Jaar} is geen geldig jaar");
        }
        return errors;
    }

    private void CheckIndicators(IReadOnlyList<string> ids, string path, Action<string, string> error)
    {
        for (var k = 0; k < ids.Count; k++)
            if (!catalogue.Contains(ids[k]))
                error($"{path}[{k + 1}]", $"indicator '{ids[k]}' staat niet in de indicatorcatalogus");
    }
}
