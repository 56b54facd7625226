using System.Text.RegularExpressions;
using Zicht.Storage;

namespace Zicht.Derive;

/// <summary>
/// The derive steps (Derive/*.sql) for a full rebuild, or for the youths listed in the temporary table
/// <see cref="YouthTable"/> only. One copy of each rule: the files name the youths in scope with
/// <c>in_derive_scope(youth_id)</c> (00_youths_in_scope.sql) and start each derived table with <c>{{derive into TABLE}}</c>.
/// A step without that placeholder (youth_period, which depends on the data end of all care) runs whole either way.
/// </summary>
public static partial class DeriveSql
{
    /// <summary>The temporary table (one column youth_id) of the youths an incremental derive rebuilds.</summary>
    public const string YouthTable = "derive_youth";

    public static IEnumerable<string> FullRebuild() => SqlResources.ReadAll("Derive.").Select(sql => Fill(sql, incremental: false));

    public static IEnumerable<string> ForYouthsInScope() => SqlResources.ReadAll("Derive.").Select(sql => Fill(sql, incremental: true));

    internal static string Fill(string sql, bool incremental)
    {
        var filled = DeriveInto().Replace(
            sql.Replace("{{youths}}", incremental ? $"scoped_youth_id IN (SELECT {YouthTable}.youth_id FROM {YouthTable})" : "true"),
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
