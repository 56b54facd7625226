using System.Diagnostics;
using System.Globalization;
using System.Text;
using Zicht.Reference;

namespace Zicht.Generate;

/// <summary>
/// Generates a synthetic, realistic national set of youth-care trajectories in format v1
/// (see docs/generator.md). Youths are generated in fixed chunks, each with its own random stream
/// derived from (seed, chunk index); chunks run in parallel and are written in order, so the output
/// is byte-identical for the same options whatever the number of cores.
/// </summary>
public sealed class TrajectoryGenerator
{
    /// <summary>Youths per chunk; fixed (never derived from the machine) so output does not depend on it.</summary>
    internal const int ChunkSize = 4096;

    /// <summary>
    /// Mean number of calendar years in which a youth of this model is in care, measured on the model
    /// (see docs/generator.md); turns "youths in care per year" into the number of youths to simulate.
    /// </summary>
    internal const double CareYearsPerYouth = 3.0;

    private readonly ReferenceData _reference;

    public TrajectoryGenerator(ReferenceData reference) => _reference = reference;

    public TrajectoryGenerator() : this(ReferenceData.Shipped) { }

    /// <summary>The number of youths a run with these options simulates (including youths whose care lies before the first year).</summary>
    public static int YouthCount(GeneratorOptions options) =>
        (int)Math.Max(1, Math.Round((double)options.YouthsPerYear * (options.Years + YouthSimulator.WarmUpYears) / CareYearsPerYouth));

    public GenerationResult Generate(GeneratorOptions options, IProgress<GenerationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var stopwatch = Stopwatch.StartNew();
        var youthCount = YouthCount(options);
        if (youthCount > SyntheticBsn.Capacity)
            throw new ArgumentException($"These options need {youthCount} youths, more than the {SyntheticBsn.Capacity} distinct BSNs the generator can make; lower --youths or --years.");

        var geo = new Geography(_reference, options.FirstYear, options.EndYear);
        var providers = new ProviderCatalog(geo, options.Seed);
        var products = _reference.Productcategorieen.Select(c => c.Value).ToList();
        var extractDay = options.ExtractionDate.DayNumber;
        var formatter = new RowFormatter(geo, providers, products, new DateOnly(options.FirstYear - 30, 1, 1).DayNumber, extractDay);

        Directory.CreateDirectory(options.OutputFolder);
        var fileCount = options.SingleFile ? 1 : options.Years;
        var paths = Enumerable.Range(0, fileCount)
            .Select(i => Path.GetFullPath(Path.Combine(options.OutputFolder,
                options.SingleFile ? "trajecten.csv" : $"trajecten_{(options.FirstYear + i).ToString(CultureInfo.InvariantCulture)}.csv")))
            .ToArray();

        var chunkCount = (youthCount + ChunkSize - 1) / ChunkSize;
        var rowsPerFile = new long[fileCount];
        var youthsInData = 0;
        var errors = new List<InjectedError>();
        var streams = new FileStream[fileCount];
        try
        {
            var header = RowFormatter.Header((byte)';');
            for (var i = 0; i < fileCount; i++)
            {
                streams[i] = new FileStream(paths[i], FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
                streams[i].Write(header);
            }

            var chunkContext = new ChunkContext(options, geo, providers, products, formatter, youthCount, fileCount);
            RunOrdered(chunkCount, options, chunkContext, cancellationToken, (index, chunk) =>
            {
                for (var f = 0; f < fileCount; f++)
                {
                    foreach (var e in chunk.Errors)
                        if (e.File == f)
                            errors.Add(new InjectedError(paths[f], 1 + rowsPerFile[f] + e.Row + 1, e.Column, e.Code));
                    streams[f].Write(chunk.Buffers[f].Written);
                    rowsPerFile[f] += chunk.Rows[f];
                }
                youthsInData += chunk.YouthsWithRows;
                progress?.Report(new GenerationProgress(index + 1, chunkCount, rowsPerFile.Sum()));
            });
        }
        finally
        {
            foreach (var s in streams) s?.Dispose();
        }

        errors.Sort((a, b) => a.File != b.File ? string.CompareOrdinal(a.File, b.File) : a.Line.CompareTo(b.Line));
        var files = new List<GeneratedFile>(fileCount);
        for (var i = 0; i < fileCount; i++)
        {
            string? manifest = paths[i] + ".fouten.csv";
            if (options.DirtyFraction > 0) WriteManifest(manifest, errors.Where(e => e.File == paths[i]));
            else
            {
                // a manifest left by an earlier dirty run would now describe errors that are not there
                File.Delete(manifest);
                manifest = null;
            }
            files.Add(new GeneratedFile(paths[i], options.SingleFile ? null : options.FirstYear + i, rowsPerFile[i], new FileInfo(paths[i]).Length, manifest));
        }
        return new GenerationResult(files, rowsPerFile.Sum(), youthsInData, youthCount, errors, stopwatch.Elapsed);
    }

    private static void WriteManifest(string path, IEnumerable<InjectedError> errors)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("regel;kolom;code");
        foreach (var e in errors)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Line};{e.Column};{e.Code}"));
    }

    /// <summary>
    /// Generates chunks on all cores and hands them to <paramref name="write"/> strictly in index order,
    /// keeping at most a few chunks in memory.
    /// </summary>
    private static void RunOrdered(int chunkCount, GeneratorOptions options, ChunkContext context, CancellationToken cancellationToken, Action<int, ChunkOutput> write)
    {
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 16);
        var window = new SemaphoreSlim(workers * 3);
        var results = new TaskCompletionSource<ChunkOutput>[chunkCount];
        for (var i = 0; i < chunkCount; i++) results[i] = new TaskCompletionSource<ChunkOutput>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
            tasks[w] = Task.Factory.StartNew(() =>
            {
                while (true)
                {
                    try { window.Wait(cts.Token); }
                    catch (OperationCanceledException) { return; }
                    var index = Interlocked.Increment(ref next);
                    if (index >= chunkCount) { window.Release(); return; }
                    try { results[index].SetResult(context.Generate(index)); }
                    catch (Exception ex) { results[index].SetException(ex); cts.Cancel(); return; }
                }
            }, TaskCreationOptions.LongRunning);

        try
        {
            for (var i = 0; i < chunkCount; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var wait = results[i].Task;
                while (!wait.Wait(200))
                    if (cts.IsCancellationRequested && !wait.IsCompleted)
                    {
                        // a worker failed on another chunk: report its error
                        var failed = results.FirstOrDefault(r => r.Task.IsFaulted);
                        if (failed is not null) failed.Task.GetAwaiter().GetResult();
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                var chunk = wait.GetAwaiter().GetResult();
                try { write(i, chunk); }
                finally { chunk.Dispose(); }
                window.Release();
            }
        }
        finally
        {
            cts.Cancel();
            Task.WaitAll(tasks);
            foreach (var r in results)
                if (r.Task.IsCompletedSuccessfully) r.Task.Result.Dispose();
        }
    }
}

/// <summary>What one chunk produced: a byte buffer and row count per output file, and its injected errors.</summary>
internal sealed class ChunkOutput(ByteBuffer[] buffers, int[] rows, List<ChunkError> errors, int youthsWithRows) : IDisposable
{
    public ByteBuffer[] Buffers { get; } = buffers;
    public int[] Rows { get; } = rows;
    public List<ChunkError> Errors { get; } = errors;
    public int YouthsWithRows { get; } = youthsWithRows;

    public void Dispose()
    {
        foreach (var b in Buffers) b.Dispose();
    }
}

/// <summary>Everything a worker needs to generate one chunk; immutable, shared by the workers.</summary>
internal sealed class ChunkContext(
    GeneratorOptions options, Geography geo, ProviderCatalog providers, IReadOnlyList<string> products,
    RowFormatter formatter, int youthCount, int fileCount)
{
    private const int ChunkSize = TrajectoryGenerator.ChunkSize;

    public ChunkOutput Generate(int chunkIndex)
    {
        var rng = new Rng(Rng.Derive(options.Seed, chunkIndex, 1));
        var simulator = new YouthSimulator(geo, providers, options, products);
        var firstYouth = (long)chunkIndex * ChunkSize;
        var count = (int)Math.Min(ChunkSize, youthCount - firstYouth);
        var youths = new YouthInfo[count];
        var rows = new List<TrajectoryRow>(count * 3);
        for (var k = 0; k < count; k++)
        {
            youths[k].Index = firstYouth + k;
            youths[k].Bsn = SyntheticBsn.ForYouth(firstYouth + k, options.Seed);
            simulator.Simulate(k, ref youths[k], ref rng, rows);
        }

        var buffers = new ByteBuffer[fileCount];
        for (var f = 0; f < fileCount; f++) buffers[f] = new ByteBuffer(Math.Max(1 << 12, rows.Count * 180 / fileCount + (1 << 12)));
        var rowCounts = new int[fileCount];
        var errors = new List<ChunkError>();

        // exactly round(fraction × rows) dirty rows per chunk, chosen by selection sampling on a separate
        // stream, so a dirty run has the same trajectories as the clean run apart from the damaged rows
        var dirtyRng = new Rng(Rng.Derive(options.Seed, chunkIndex, 2));
        var dirtyLeft = (int)Math.Round(options.DirtyFraction * rows.Count);
        List<(int, int)>[]? cleanRows = null;
        ErrorInjector? injector = null;
        if (dirtyLeft > 0)
        {
            cleanRows = new List<(int, int)>[fileCount];
            for (var f = 0; f < fileCount; f++) cleanRows[f] = [];
            injector = new ErrorInjector(formatter);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var file = fileCount == 1 ? 0 : DateOnly.FromDayNumber(row.Start).Year - options.FirstYear;
            var buffer = buffers[file];
            var dirty = dirtyLeft > 0 && dirtyRng.Next(rows.Count - i) < dirtyLeft;
            if (dirty)
            {
                dirtyLeft--;
                var (column, code) = injector!.Inject(buffer, row, youths[row.Youth], ref dirtyRng, cleanRows![file]);
                errors.Add(new ChunkError(file, rowCounts[file], column, code));
            }
            else
            {
                var start = buffer.Length;
                formatter.Write(buffer, row, youths[row.Youth]);
                cleanRows?[file].Add((start, buffer.Length - start));
            }
            rowCounts[file]++;
        }
        var youthsWithRows = 0;
        for (var i = 0; i < rows.Count; i++)
            if (i == 0 || rows[i].Youth != rows[i - 1].Youth) youthsWithRows++;
        return new ChunkOutput(buffers, rowCounts, errors, youthsWithRows);
    }
}
