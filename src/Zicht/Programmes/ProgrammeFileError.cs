namespace Zicht.Programmes;

/// <summary>
/// One problem in a programme file: the line (1-based, 0 when the programme did not come from a
/// file), the field as a path such as <c>mijlpalen[3].periode</c> (items counted from 1), and why.
/// </summary>
public sealed record ProgrammeFileError(int Line, string Field, string Message)
{
    public override string ToString() => Line > 0 ? $"regel {Line}, {Field}: {Message}" : $"{Field}: {Message}";
}

/// <summary>Where each field of a programme was written in its file, so validation can name the line.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public static readonly SourceMap Empty = new();

    internal void Record(string field, int line) => _lines[field] = line;

    /// <summary>The line of the field, else of its nearest recorded parent, else 0.</summary>
    public int LineOf(string field)
    {
        var path = field;
        while (true)
        {
            if (_lines.TryGetValue(path, out var line)) return line;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) return 0;
            path = path[..cut];
        }
    }
}

/// <summary>The outcome of reading a file: a programme when there were no problems, else the problems.</summary>
public sealed record ProgrammeFileResult(Programme? Programme, IReadOnlyList<ProgrammeFileError> Errors, SourceMap Source)
{
    public bool Ok => Programme is not null && Errors.Count == 0;
}
