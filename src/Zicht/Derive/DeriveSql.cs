using System.Text.RegularExpressions;
using Zicht.Storage;

namespace Zicht.Derive;

/// <summary>
/// The derive steps (Derive/*.sql) for a full rebuild, or for the youths listed in the temporary table
/// <see cref="YouthTable"/> only. One copy of each rule: the files name the youths in scope with
/// <c>in_derive_scope(youth_id)</c> (00_youths_in_scope.sql) and start each derived table with <c>{{derive into TABLE}}</c>.
/// youth_period also depends on the data end of all care: an incremental derive gives it the data end before it.
/// </summary>
public static partial class DeriveSql
{
    /// <summary>The temporary table (one column youth_id) of the youths an incremental derive rebuilds.</summary>
    public const string YouthTable = "derive_youth";

    public static IEnumerable<string> FullRebuild() =>
        SqlResources.ReadAll("Derive.").Select(sql => Fill(sql, incremental: false, previousDataEnd: null));

    /// <summary>One derive file (e.g. "05_youth_period.sql") as a full rebuild runs it.</summary>
    public static string FullRebuildStep(string fileName) => Fill(SqlResources.Read("Derive." + fileName), incremental: false, previousDataEnd: null);

    /// <param name="previousDataEnd">The latest start of all episodes before this derive (null: there were none).</param>
    public static IEnumerable<string> ForYouthsInScope(DateOnly? previousDataEnd) =>
        SqlResources.ReadAll("Derive.").Select(sql => Fill(sql, incremental: true, previousDataEnd));

    internal static string Fill(string sql, bool incremental, DateOnly? previousDataEnd)
    {
        var dataEnd = !incremental ? "(SELECT max(startdatum) FROM episode)"
            : previousDataEnd is { } end ? $"DATE '{end:yyyy-MM-dd}'" : "CAST(NULL AS DATE)";
        var filled = DeriveInto().Replace(
            sql.Replace("{{youths}}", incremental ? $"scoped_youth_id IN (SELECT {YouthTable}.youth_id FROM {YouthTable})" : "true")
               .Replace("{{previous_data_end}}", dataEnd),
            match => incremental
                // the rows of the youths in scope leave, and come back as the same query builds them
                ? $"DELETE FROM {match.Groups[1].Value} WHERE in_derive_scope(youth_id);\nINSERT INTO {match.Groups[1].Value}"
                : $"CREATE OR REPLACE TABLE {match.Groups[1].Value} AS");
        if (filled.Contains("{{", StringComparison.Ordinal))
            throw new InvalidOperationException($"A derive step has a placeholder DeriveSql does not know: {filled[filled.IndexOf("{{", StringComparison.Ordinal)..].Split('\n')[0]}");
        return filled;
    }

    [GeneratedRegex(@"\{\{derive into (\w+)\}\}")]
    private static partial Regex DeriveInto();
}
