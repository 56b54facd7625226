using System.Text;
using Zicht.Privacy;

namespace Zicht.Ingest;

/// <summary>The header line of a delivery: its separator and where each known column stands.</summary>
public sealed class DeliveryHeader
{
    public byte Separator { get; }
    public int FieldCount { get; }
    /// <summary>Index of each column of <see cref="TrajectoryColumns.All"/> in the file, or -1 when absent.</summary>
    public int[] ColumnIndex { get; }
    public IReadOnlyList<string> Names { get; }

    private DeliveryHeader(byte separator, List<string> names)
    {
        Separator = separator;
        Names = names;
        FieldCount = names.Count;
        ColumnIndex = TrajectoryColumns.All.Select(c => names.IndexOf(c)).ToArray();
    }

    public int IndexOf(string column) => ColumnIndex[TrajectoryColumnIndex(column)];

    public static int TrajectoryColumnIndex(string column)
    {
        for (var i = 0; i < TrajectoryColumns.All.Count; i++)
            if (TrajectoryColumns.All[i] == column) return i;
        throw new ArgumentException($"Unknown column {column}");
    }

    /// <summary>Reads the header; file-level problems are thrown, unknown columns are returned as warnings.</summary>
    public static DeliveryHeader Parse(ReadOnlySpan<byte> line, string fileName, List<Finding> warnings)
    {
        if (line.StartsWith("\uFEFF"u8)) line = line[3..];
        if (line.EndsWith("\r"u8)) line = line[..^1];
        var text = Encoding.UTF8.GetString(line);
        var separator = DetectSeparator(text)
            ?? throw new DeliveryRejectedException(new Finding(fileName, 1, null, null, ValidationRules.F09), "");  // line 1 may be data: never shown
        var names = text.Split((char)separator).Select(n => n.Trim().Trim('"').Trim().ToLowerInvariant()).ToList();

        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1 && g.Key.Length > 0);
        if (duplicate is not null)
            throw new DeliveryRejectedException(new Finding(fileName, 1, duplicate.Key, duplicate.Key, ValidationRules.F08), "");

        var missing = TrajectoryColumns.RequiredInHeader.Where(c => !names.Contains(c)).ToList();
        if (!names.Contains(TrajectoryColumns.Bsn) && !names.Contains(TrajectoryColumns.ClientPseudoniem))
            missing.Add("bsn of client_pseudoniem");
        if (missing.Count > 0)
            throw new DeliveryRejectedException(new Finding(fileName, 1, string.Join(", ", missing), null, ValidationRules.F06),
                $"Ontbrekend: {string.Join(", ", missing)}. Gevonden kolommen: {Shorten(string.Join((char)separator, names))}.");

        for (var i = 0; i < names.Count; i++)
            if (!TrajectoryColumns.All.Contains(names[i]))
                warnings.Add(new Finding(fileName, 1, names[i].Length == 0 ? $"kolom {i + 1}" : names[i], Shorten(names[i]), ValidationRules.F07));
        return new DeliveryHeader(separator, names);
    }

    /// <summary>The separator that splits the header into the most known column names (';', ',' or tab).</summary>
    private static byte? DetectSeparator(string header)
    {
        byte? best = null;
        var bestKnown = 0;
        foreach (var candidate in new[] { ';', ',', '\t', '|' })
        {
            var known = header.Split(candidate).Count(n => TrajectoryColumns.All.Contains(n.Trim().Trim('"').Trim().ToLowerInvariant()));
            if (known > bestKnown) { best = (byte)candidate; bestKnown = known; }
        }
        return bestKnown >= 2 ? best : null;
    }

    internal static string Shorten(string value) => Redaction.NineDigitRuns(value.Length <= 120 ? value : value[..117] + "...");
}
