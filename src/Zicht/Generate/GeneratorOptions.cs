namespace Zicht.Generate;

/// <summary>What <see cref="TrajectoryGenerator"/> should produce. The same options give byte-identical output.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Seed of every random choice; output depends only on the options, never on thread scheduling.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Target number of distinct youths in care per calendar year, nationally (CBS: about 13% of 0–17).</summary>
    public int YouthsPerYear { get; init; } = 450_000;

    /// <summary>Number of calendar years, ending with <see cref="EndYear"/>.</summary>
    public int Years { get; init; } = 10;

    public int EndYear { get; init; } = 2025;

    /// <summary>Share of data rows (0–1) that get exactly one injected error; 0 = clean data.</summary>
    public double DirtyFraction { get; init; }

    /// <summary>One file trajecten.csv instead of one file per start year.</summary>
    public bool SingleFile { get; init; }

    public string OutputFolder { get; init; } = ".";

    public int FirstYear => EndYear - Years + 1;

    /// <summary>The date the extract was taken: trajectories still running then have no einddatum.</summary>
    public DateOnly ExtractionDate => new(EndYear, 12, 31);

    internal void Validate()
    {
        // plain messages that name the command-line option too; the CLI shows them as they are
        if (Years is < 1 or > 30) throw new ArgumentException($"--years (Years) must be between 1 and 30, not {Years}.");
        if (EndYear is < 2000 or > 2100) throw new ArgumentException($"--end-year (EndYear) must be between 2000 and 2100, not {EndYear}.");
        if (YouthsPerYear is < 1 or > 2_000_000)
            throw new ArgumentException($"--youths (YouthsPerYear) must be between 1 and 2000000, not {YouthsPerYear}.");
        if (!(DirtyFraction >= 0 && DirtyFraction <= 1))
            throw new ArgumentException($"--dirty (DirtyFraction) must be between 0 and 1, not {DirtyFraction}.");
        if (string.IsNullOrWhiteSpace(OutputFolder)) throw new ArgumentException("--out (OutputFolder) is empty.");
    }
}

/// <summary>One written data file.</summary>
/// <param name="Path">Full path of the data file.</param>
/// <param name="Year">Start year of its trajectories, or null for the single file.</param>
/// <param name="Rows">Data rows (without the header).</param>
/// <param name="Bytes">File size.</param>
/// <param name="ManifestPath">The <c>.fouten.csv</c> next to it, only for dirty runs.</param>
public sealed record GeneratedFile(string Path, int? Year, long Rows, long Bytes, string? ManifestPath);

/// <summary>An injected error, as listed in the manifest: line in the data file (header = line 1), column (empty for S01/S02), rule code.</summary>
public sealed record InjectedError(string File, long Line, string Column, string Code);

/// <param name="Files">The data files, in order (start year).</param>
/// <param name="Rows">Data rows in all files.</param>
/// <param name="Youths">Distinct youths (BSNs) with at least one row in the files.</param>
/// <param name="YouthsSimulated">Youths simulated, including those whose care lies wholly before the first year.</param>
/// <param name="Errors">Injected errors (dirty runs), sorted by file and line; the same as the manifests.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record GenerationResult(
    IReadOnlyList<GeneratedFile> Files,
    long Rows,
    int Youths,
    int YouthsSimulated,
    IReadOnlyList<InjectedError> Errors,
    TimeSpan Elapsed)
{
    public long Bytes => Files.Sum(f => f.Bytes);
}

/// <summary>Progress of a run: chunks written of the total, rows written so far.</summary>
public readonly record struct GenerationProgress(int ChunksDone, int ChunkCount, long RowsWritten);
