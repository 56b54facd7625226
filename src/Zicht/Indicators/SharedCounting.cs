using System.Text;

namespace Zicht.Indicators;

/// <summary>
/// A unit query of the simple form <c>SELECT ... FROM source [WHERE condition]</c> that counts plain units of one
/// category: the engine can count it together with the other simple queries over the same source, in one pass
/// (one scan of a view over millions of rows instead of one per indicator).
/// </summary>
internal sealed record SimpleUnitQuery(string Source, string Condition, string InTeller, string InNoemer, bool PerProvider)
{
    private static readonly string[] Columns =
    [
        "periode", "unit_id", "gemeentecode", "jeugdregiocode", "aanbieder_agb", "in_teller", "in_noemer",
        "meetwaarde", "categorie", "zorgvorm", "leeftijdsgroep", "geslacht", "verwijzer",
    ];

    /// <summary>The simple form of an indicator's unit query, or null when it has another form (joins, CTEs, a category, a measure).</summary>
    public static SimpleUnitQuery? TryParse(IndicatorDefinition indicator, string unitSql)
    {
        if (indicator.Berekening is Berekening.Mediaan or Berekening.P90 or Berekening.Verdeling) return null;
        var sql = unitSql.Trim().TrimEnd(';').Trim();
        if (sql.Contains("--", StringComparison.Ordinal) || sql.Contains("/*", StringComparison.Ordinal)) return null;
        if (!sql.StartsWith("SELECT ", StringComparison.OrdinalIgnoreCase)) return null;
        var from = TopLevelKeyword(sql, "FROM");
        if (from < 0) return null;
        var selectList = sql[7..from];
        // SELECT DISTINCT / ALL would count other rows than the shared pass; window functions cannot be counted in it
        var firstWord = selectList.TrimStart().Split(' ', '\n', '\t', '\r')[0];
        if (firstWord.Equals("DISTINCT", StringComparison.OrdinalIgnoreCase) || firstWord.Equals("ALL", StringComparison.OrdinalIgnoreCase)) return null;
        if (ContainsWord(sql, "OVER") || ContainsWord(sql, "OFFSET") || ContainsWord(sql, "SELECT", from: 7)) return null;
        var rest = sql[(from + 4)..].Trim();
        var where = TopLevelKeyword(rest, "WHERE");
        var source = (where < 0 ? rest : rest[..where]).Trim();
        var condition = where < 0 ? "true" : rest[(where + 5)..].Trim();
        if (source.Length == 0 || !source.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return null;   // one table or view, no joins
        foreach (var keyword in new[] { "GROUP", "ORDER", "UNION", "LIMIT", "HAVING", "WINDOW", "QUALIFY", "JOIN", "SELECT" })
            if (TopLevelKeyword(condition, keyword) >= 0) return null;

        var items = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in SplitTopLevel(selectList))
        {
            var asAt = TopLevelKeyword(item, "AS", last: true);
            var expression = (asAt < 0 ? item : item[..asAt]).Trim();
            var alias = (asAt < 0 ? item : item[(asAt + 2)..]).Trim();
            items[alias] = expression;
        }
        if (items.Count != Columns.Length || !Columns.All(items.ContainsKey)) return null;
        bool Is(string column, string expected) => string.Equals(items[column], expected, StringComparison.OrdinalIgnoreCase);
        if (!Is("periode", "periode") || !Is("gemeentecode", "gemeentecode") || !Is("jeugdregiocode", "jeugdregiocode")
            || !Is("meetwaarde", "NULL") || !Is("categorie", "NULL")) return null;
        var perProvider = Is("aanbieder_agb", "aanbieder_agb");
        if (!perProvider && !Is("aanbieder_agb", "NULL")) return null;
        // the columns the shared pass does not read must still be plain: a column or NULL
        foreach (var column in new[] { "unit_id", "zorgvorm", "leeftijdsgroep", "geslacht", "verwijzer" })
            if (!items[column].Equals("NULL", StringComparison.OrdinalIgnoreCase) && !items[column].All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                return null;
        return new SimpleUnitQuery(source, condition, items["in_teller"], items["in_noemer"], perProvider && indicator.Niveaus.Contains("aanbieder"));
    }

    /// <summary>
    /// One counting pass for several simple queries over the same source: per period and municipality (and provider
    /// when one of them is published per provider), for each query i the columns teller_i, noemer_i and alle_i, counted
    /// exactly as the engine counts the rows of that query's units (a NULL flag does not count).
    /// </summary>
    public static string SharedCountsSql(string table, IReadOnlyList<SimpleUnitQuery> queries)
    {
        var perProvider = queries.Any(q => q.PerProvider);
        var text = new StringBuilder();
        text.Append($"CREATE OR REPLACE TEMP TABLE {table} AS\nSELECT periode, gemeentecode, jeugdregiocode, ");
        text.Append(perProvider ? "aanbieder_agb, grouping(aanbieder_agb) = 0 AS per_aanbieder" : "CAST(NULL AS VARCHAR) AS aanbieder_agb, false AS per_aanbieder");
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            text.Append($",\n    count(*) FILTER (WHERE ({q.Condition}) AND CAST({q.InTeller} AS BOOLEAN)) AS teller_{i}");
            text.Append($",\n    count(*) FILTER (WHERE ({q.Condition}) AND CAST({q.InNoemer} AS BOOLEAN)) AS noemer_{i}");
            text.Append($",\n    count(*) FILTER (WHERE ({q.Condition})) AS alle_{i}");
        }
        text.Append($"\nFROM {queries[0].Source}\nWHERE {string.Join(" OR ", queries.Select(q => $"({q.Condition})"))}\n");
        text.Append(perProvider
            ? "GROUP BY GROUPING SETS ((periode, gemeentecode, jeugdregiocode), (periode, aanbieder_agb))"
            : "GROUP BY periode, gemeentecode, jeugdregiocode");
        return text.ToString();
    }

    /// <summary>The counts of query <paramref name="index"/> from a shared table, shaped as the engine's unit counts.</summary>
    public string UnitCountsSql(string table, int index) => $"""
        SELECT periode, 'totaal' AS categorie, gemeentecode, jeugdregiocode, aanbieder_agb, per_aanbieder,
               teller_{index} AS teller_units, noemer_{index} AS noemer_units, alle_{index} AS alle_units
        FROM {table}
        WHERE alle_{index} > 0 AND (NOT per_aanbieder OR {(PerProvider ? "true" : "false")})
        """;

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }
        yield return text[start..].Trim();
    }

    /// <summary>Position of a keyword outside parentheses and quotes, as a whole word; -1 if absent.</summary>
    private static int TopLevelKeyword(string text, string keyword, bool last = false)
    {
        var depth = 0;
        var quoted = false;
        var found = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') { quoted = !quoted; continue; }
            if (quoted) continue;
            if (c == '(') { depth++; continue; }
            if (c == ')') { depth--; continue; }
            if (depth != 0 || i + keyword.Length > text.Length) continue;
            if (string.Compare(text, i, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
            var before = i == 0 || !IsWordChar(text[i - 1]);
            var after = i + keyword.Length == text.Length || !IsWordChar(text[i + keyword.Length]);
            if (!before || !after) continue;
            if (!last) return i;
            found = i;
        }
        return found;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>Whether a keyword occurs as a whole word anywhere (also inside parentheses) from a position on.</summary>
    private static bool ContainsWord(string text, string word, int from = 0)
    {
        for (var i = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = i == 0 || !IsWordChar(text[i - 1]);
            var after = i + word.Length == text.Length || !IsWordChar(text[i + word.Length]);
            if (before && after) return true;
        }
        return false;
    }
}
