using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Zicht.Privacy;
using Zicht.Reference;
using Zicht.Storage;

namespace Zicht.Ingest;

public sealed record IngestOptions
{
    /// <summary>The delivering party; default: the single bron of the file, else "gemengd:&lt;file name&gt;".</summary>
    public string? Leverancier { get; init; }
    /// <summary>The period the delivery covers; default: the year (range) of the start dates.</summary>
    public string? Periode { get; init; }
    /// <summary>Encoding of a file that is not UTF-8, e.g. "windows-1252"; UTF-16 with a BOM is detected.</summary>
    public string? Encoding { get; init; }
    /// <summary>The day against which "in the future" is judged (tests fix it).</summary>
    public DateOnly? Today { get; init; }
    /// <summary>Update the derived tables after the files (false when a caller ingests in batches).</summary>
    public bool Derive { get; init; } = true;
    /// <summary>Bytes per parallel chunk; tests make it small to put chunk boundaries in small files.</summary>
    internal int ChunkBytes { get; init; } = FileScanner.BlockBytes;
}

public enum DeliveryOutcome { Opgeslagen, AlAanwezig, Afgewezen }

/// <summary>The outcome of one file. Counts reconcile: RowsRead = RowsAccepted + RowsRejected.</summary>
public sealed record DeliveryResult(
    string File,
    DeliveryOutcome Outcome,
    int? DeliveryId,
    string? Leverancier,
    string? Periode,
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    long Warnings,
    long RowsSuperseded,
    int? ReplacedDeliveryId,
    IReadOnlyDictionary<string, long> FindingsPerCode,
    IReadOnlyList<Finding> FirstFindings,
    Finding? FileProblem,
    string? FileProblemDetail,
    TimeSpan Duration)
{
    /// <summary>Time per phase (scan, parse, store steps), for the benchmark and for diagnosing slow deliveries.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Phases { get; init; } = new Dictionary<string, TimeSpan>();
}

public readonly record struct IngestProgress(string File, string Phase, long BytesDone, long BytesTotal);

/// <summary>
/// Reads, validates, pseudonymises and stores deliveries. Each file is one delivery, stored all or
/// nothing in one transaction; the same file again is a no-op; a corrected delivery of the same
/// leverancier and periode replaces the earlier one.
/// </summary>
public sealed class IngestService(ZichtStore store, IngestOptions? options = null)
{
    private const int FirstFindingsKept = 25;
    private readonly IngestOptions _options = options ?? new IngestOptions();
    private Dictionary<string, TimeSpan> _phases = [];
    private readonly Stopwatch _phaseClock = new();

    /// <summary>How long the last update of the derived tables took.</summary>
    public TimeSpan LastDeriveDuration => LastDerive?.Duration ?? TimeSpan.Zero;

    /// <summary>The last update of the derived tables: the youths rebuilt, or a full rebuild and why.</summary>
    public DeriveResult? LastDerive { get; private set; }

    private void EndPhase(string name)
    {
        _phases[name] = _phases.GetValueOrDefault(name) + _phaseClock.Elapsed;
        _phaseClock.Restart();
    }

    public IReadOnlyList<DeliveryResult> Ingest(IEnumerable<string> files, IProgress<IngestProgress>? progress = null)
    {
        var key = PseudonymKey.LoadOrCreate(store.Location.KeyPath);
        var context = new ValidationContext(ReferenceData.Shipped, new Pseudonymiser(key),
            _options.Today ?? DateOnly.FromDateTime(DateTime.Today));
        var results = new List<DeliveryResult>();
        if (!KeyBelongsToStore(context.Pseudonymiser))
        {
            // Ingesting with another key would silently stop linking youths: refuse every file.
            foreach (var file in files)
            {
                var problem = new Finding(Path.GetFileName(file), 0, null, null, ValidationRules.F11);
                results.Add(new DeliveryResult(file, DeliveryOutcome.Afgewezen, null, null, null, 0, 0, 0, 0, 0, null,
                    new Dictionary<string, long> { [problem.Code] = 1 }, [problem], problem,
                    $"Sleutel: ${PseudonymKey.EnvironmentVariable} of {store.Location.KeyPath}.", TimeSpan.Zero));
            }
            return results;
        }
        var youths = YouthRegistry.Load(store, context.Pseudonymiser);
        foreach (var file in files)
            results.Add(IngestFile(file, context, youths, progress));
        if (_options.Derive && (results.Any(r => r.Outcome == DeliveryOutcome.Opgeslagen) || !store.DerivedTablesAreCurrent()))
        {
            progress?.Report(new IngestProgress("", "afleiden", 0, 1));
            LastDerive = store.UpdateDerivedTables();
            progress?.Report(new IngestProgress("", "afleiden", 1, 1));
        }
        return results;
    }

    /// <summary>A keyed check value of the pseudonym key, kept in the store the first time, compared afterwards.</summary>
    private bool KeyBelongsToStore(Pseudonymiser pseudonymiser)
    {
        Span<byte> check = stackalloc byte[64];
        pseudonymiser.Pseudonymise("zicht-sleutelcontrole"u8, check);
        var value = Encoding.ASCII.GetString(check);
        var stored = store.GetMeta("key_check");
        if (stored is null)
        {
            store.SetMeta("key_check", value);
            return true;
        }
        return stored == value;
    }

    private DeliveryResult IngestFile(string path, ValidationContext context, YouthRegistry youths, IProgress<IngestProgress>? progress)
    {
        var clock = Stopwatch.StartNew();
        var fileName = Path.GetFileName(path);
        _phases = [];
        _phaseClock.Restart();
        try
        {
            var result = IngestChecked(path, fileName, context, youths, progress, clock) with { Phases = _phases };
            youths.Commit();
            return result;
        }
        catch (DeliveryRejectedException rejected)
        {
            youths.Rollback();
            return new DeliveryResult(path, DeliveryOutcome.Afgewezen, null, null, null, 0, 0, 0, 0, 0, null,
                new Dictionary<string, long> { [rejected.Finding.Code] = 1 }, [rejected.Finding], rejected.Finding, rejected.Detail, clock.Elapsed);
        }
        catch (Exception e) when (Unwrap(e) is IOException or UnauthorizedAccessException)
        {
            // The file could not be read (removed, truncated, no permission): this file fails, the others go on.
            youths.Rollback();
            var problem = new Finding(fileName, 0, null, null, ValidationRules.F01);
            return new DeliveryResult(path, DeliveryOutcome.Afgewezen, null, null, null, 0, 0, 0, 0, 0, null,
                new Dictionary<string, long> { [problem.Code] = 1 }, [problem], problem, Unwrap(e).Message, clock.Elapsed);
        }
        catch (Exception e) when (Unwrap(e) is DeliveryRejectedException rejected)
        {
            youths.Rollback();
            return new DeliveryResult(path, DeliveryOutcome.Afgewezen, null, null, null, 0, 0, 0, 0, 0, null,
                new Dictionary<string, long> { [rejected.Finding.Code] = 1 }, [rejected.Finding], rejected.Finding, rejected.Detail, clock.Elapsed);
        }
        catch
        {
            youths.Rollback();
            throw;
        }
    }

    /// <summary>Parallel parsing wraps exceptions; the message of the one underneath is the one to show.</summary>
    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : e;

    private DeliveryResult IngestChecked(string path, string fileName, ValidationContext context, YouthRegistry youths, IProgress<IngestProgress>? progress, Stopwatch clock)
    {
        if (!File.Exists(path))
            throw new DeliveryRejectedException(new Finding(fileName, 0, null, null, ValidationRules.F01), $"Pad: {Path.GetFullPath(path)}");
        var length = new FileInfo(path).Length;
        if (length == 0)
            throw new DeliveryRejectedException(new Finding(fileName, 0, null, null, ValidationRules.F02), "");

        var scan = FileScanner.Scan(path, done => progress?.Report(new IngestProgress(fileName, "controleren", done, length)), _options.ChunkBytes);
        EndPhase("controleren (hash, UTF-8)");
        // The same file again is a no-op, also when a correction has replaced it since (re-ingesting an old
        // file must not bring its data back).
        var existing = store.Scalar<int?>($"SELECT max(delivery_id) FROM delivery WHERE file_sha256 = '{scan.Sha256}'");
        if (existing is not null)
            return new DeliveryResult(path, DeliveryOutcome.AlAanwezig, existing, null, null, 0, 0, 0, 0, 0,
                store.Scalar<int?>($"SELECT replaced_by FROM delivery WHERE delivery_id = {existing}"),
                new Dictionary<string, long>(), [], null, null, clock.Elapsed);

        Directory.CreateDirectory(store.Location.WorkFolder);
        var workPrefix = Path.Combine(store.Location.WorkFolder, scan.Sha256[..16]);
        string? transcoded = null;
        try
        {
            var parsePath = path;
            var parseScan = scan;
            if (TextEncodingOf(path, scan) is { } encoding)
            {
                transcoded = TranscodedCopyPath(scan.Sha256);
                Transcode(path, transcoded, encoding);
                parsePath = transcoded;
                parseScan = FileScanner.Scan(transcoded, null, _options.ChunkBytes);
            }
            else if (scan.HasNulBytes)
                throw new DeliveryRejectedException(new Finding(fileName, 0, null, null, ValidationRules.F04), "");
            else if (scan.InvalidUtf8At is not null)
                throw new DeliveryRejectedException(new Finding(fileName, 0, null, null, ValidationRules.F05), $"Eerste ongeldige byte: {scan.InvalidUtf8At}.");

            var parsed = Parse(parsePath, fileName, parseScan, context, youths, workPrefix, progress);
            return Store(path, fileName, scan, parsed, youths, workPrefix, clock);
        }
        finally
        {
            if (transcoded is not null) File.Delete(transcoded);
            foreach (var work in Directory.EnumerateFiles(store.Location.WorkFolder, Path.GetFileName(workPrefix) + "_*"))
                File.Delete(work);
        }
    }

    /// <summary>UTF-16 (by its BOM) or the encoding the user named for a file that is not UTF-8; null for UTF-8.</summary>
    private Encoding? TextEncodingOf(string path, FileScan scan)
    {
        Span<byte> start = stackalloc byte[2];
        using (var stream = File.OpenRead(path))
            if (stream.ReadAtLeast(start, 2, throwOnEndOfStream: false) < 2) return null;
        if (start[0] == 0xFF && start[1] == 0xFE) return System.Text.Encoding.Unicode;
        if (start[0] == 0xFE && start[1] == 0xFF) return System.Text.Encoding.BigEndianUnicode;
        if (scan.InvalidUtf8At is null || _options.Encoding is null) return null;
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try { return System.Text.Encoding.GetEncoding(_options.Encoding); }
        catch (ArgumentException) { throw new InvalidOperationException($"Unknown encoding '{_options.Encoding}'; use e.g. windows-1252, iso-8859-1 or utf-16."); }
    }

    /// <summary>
    /// A UTF-8 copy of a UTF-16 or windows-1252 file still holds BSNs: it goes to memory-backed /dev/shm where
    /// there is one (else the temp folder), readable by the owner only, outside the store, and is removed after.
    /// </summary>
    private static string TranscodedCopyPath(string sha256)
    {
        var folder = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        return Path.Combine(folder, $"zicht-{Environment.ProcessId}-{sha256[..16]}.csv");
    }

    private static void Transcode(string from, string to, Encoding encoding)
    {
        using var reader = new StreamReader(from, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 20);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(to, new UTF8Encoding(false), options);
        var buffer = new char[1 << 20];
        int read;
        while ((read = reader.Read(buffer)) > 0) writer.Write(buffer, 0, read);
    }

    private sealed record ParsedDelivery(
        DeliveryHeader Header, List<string> CleanFiles, string FindingsFile, long RowsRead, long RowsRejected,
        long Warnings, Dictionary<string, long> FindingsPerCode, List<Finding> FirstFindings, List<int> DuplicateLines,
        string? SingleBron, int MinStartYear, int MaxStartYear, Dictionary<long, string> AanbiederNamen);

    private ParsedDelivery Parse(string path, string fileName, FileScan scan, ValidationContext context, YouthRegistry youths, string workPrefix, IProgress<IngestProgress>? progress)
    {
        using var handle = File.OpenHandle(path);
        var headerWarnings = new List<Finding>();
        var (header, headerEnd) = ReadHeader(handle, fileName, headerWarnings);

        // Chunks start at line starts after the header.
        var starts = scan.ChunkStarts.Where(c => c.Offset > headerEnd).Prepend(new ChunkStart(headerEnd, 2)).ToList();
        var outputs = new ChunkOutput[starts.Count];
        var cleanFiles = new string?[starts.Count];
        long bytesParsed = 0;
        Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new ChunkParser(context, youths, header, fileName),
            (i, _, parser) =>
            {
                var from = starts[i].Offset;
                var to = i + 1 < starts.Count ? starts[i + 1].Offset : scan.Bytes;
                var size = checked((int)(to - from));
                var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
                try
                {
                    var read = 0;
                    while (read < size)
                    {
                        var n = RandomAccess.Read(handle, buffer.AsSpan(read, size - read), from + read);
                        if (n == 0) throw new IOException($"{fileName} became shorter while it was being read; was it being written? Ingest it again when it is complete.");
                        read += n;
                    }
                    var output = new ChunkOutput();
                    parser.Parse(buffer.AsSpan(0, size), starts[i].Line, output);
                    if (output.CleanRows.Length > 0)
                    {
                        var cleanFile = $"{workPrefix}_{i:D5}.csv";
                        using var stream = new FileStream(cleanFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                        stream.Write(output.CleanRows.Written);
                        cleanFiles[i] = cleanFile;
                    }
                    output.CleanRows = ByteBuffer.Empty;    // the parser reuses its buffer for the next chunk
                    outputs[i] = output;
                    var done = Interlocked.Add(ref bytesParsed, size);
                    progress?.Report(new IngestProgress(fileName, "inlezen", done, scan.Bytes));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                return parser;
            }, _ => { });

        EndPhase("inlezen en valideren");
        var rowsRead = outputs.Sum(o => (long)o.RowsRead);
        if (rowsRead == 0)
            throw new DeliveryRejectedException(new Finding(fileName, 0, null, null, ValidationRules.F03), "");

        // Duplicate (bron, bron_traject_id): the first accepted occurrence in file order stays, later ones are rejected.
        var seen = new HashSet<UInt128>(outputs.Sum(o => o.Keys.Count));
        var duplicates = new List<int>();
        var findings = new List<Finding>(headerWarnings);
        foreach (var output in outputs)
        {
            foreach (var (line, keyHash) in output.Keys)
                if (!seen.Add(keyHash))
                {
                    duplicates.Add(line);
                    output.Findings.Add(new Finding(fileName, line, TrajectoryColumns.BronTrajectId, null, ValidationRules.D01));
                }
            output.Keys.Clear();
        }
        seen.Clear();

        var findingsFile = workPrefix + "_findings.csv";
        var perCode = new Dictionary<string, long>();
        var first = new List<Finding>();
        long warnings = 0;
        using (var writer = new StreamWriter(findingsFile, false, new UTF8Encoding(false), 1 << 16))
        {
            foreach (var finding in findings.Concat(outputs.SelectMany(o => o.Findings)).OrderBy(f => f.Regel))
            {
                perCode[finding.Code] = perCode.GetValueOrDefault(finding.Code) + 1;
                if (finding.Severity == Severity.Waarschuwing) warnings++;
                if (first.Count < FirstFindingsKept) first.Add(finding);
                WriteFindingLine(writer, finding);
            }
        }

        EndPhase("dubbelen en bevindingen");
        var bronnen = outputs.Where(o => o.Bron is not null).ToList();
        var mixed = bronnen.Any(o => o.MixedBronnen) || bronnen.Select(o => Convert.ToHexString(o.Bron!)).Distinct().Count() > 1;
        var singleBron = !mixed && bronnen.Count > 0 ? Encoding.UTF8.GetString(bronnen[0].Bron!) : null;
        // The last name in file order wins: it is the most recent one the provider gave.
        var names = new Dictionary<long, string>();
        foreach (var output in outputs)
            foreach (var (agb, naam) in output.AanbiederNamen)
                names[agb] = Encoding.UTF8.GetString(naam);

        return new ParsedDelivery(header, cleanFiles.Where(f => f is not null).ToList()!, findingsFile, rowsRead,
            outputs.Sum(o => (long)o.RowsRejected) + duplicates.Count, warnings, perCode, first, duplicates, singleBron,
            outputs.Min(o => o.MinStartYear), outputs.Max(o => o.MaxStartYear), names);
    }

    private static (DeliveryHeader Header, long HeaderEnd) ReadHeader(Microsoft.Win32.SafeHandles.SafeFileHandle handle, string fileName, List<Finding> warnings)
    {
        var buffer = new byte[65536];
        var read = RandomAccess.Read(handle, buffer, 0);
        var span = buffer.AsSpan(0, read);
        var end = span.IndexOf((byte)'\n');
        if (end < 0 && read == buffer.Length)
            throw new DeliveryRejectedException(new Finding(fileName, 1, null, null, ValidationRules.S03), "De kopregel is langer dan 65.536 bytes.");
        var header = DeliveryHeader.Parse(end < 0 ? span : span[..end], fileName, warnings);
        return (header, end < 0 ? read : end + 1);
    }

    private static void WriteFindingLine(TextWriter writer, Finding finding)
    {
        writer.Write(finding.Regel.ToString(CultureInfo.InvariantCulture));
        writer.Write(';'); WriteQuoted(writer, finding.Kolom);
        writer.Write(';'); WriteQuoted(writer, finding.Waarde);
        writer.Write(';'); writer.Write(finding.Code);
        writer.Write(';'); writer.Write(finding.Severity == Severity.Fout ? "fout" : "waarschuwing");
        writer.Write('\n');
    }

    private static void WriteQuoted(TextWriter writer, string? value)
    {
        if (value is null) return;
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"").Replace('\n', ' ').Replace('\r', ' '));
        writer.Write('"');
    }

    private const string CleanColumns =
        "{'regel': 'INTEGER', 'bron': 'VARCHAR', 'bron_traject_id': 'VARCHAR', 'youth_id': 'INTEGER', 'geboortemaand': 'DATE', " +
        "'geslacht': 'VARCHAR', 'gemeentecode': 'VARCHAR', 'postcode4': 'SMALLINT', 'aanbieder_agb': 'VARCHAR', 'zorgvorm': 'VARCHAR', " +
        "'productcategorie': 'VARCHAR', 'productcode': 'VARCHAR', 'verwijzer': 'VARCHAR', 'aanmelddatum': 'DATE', 'startdatum': 'DATE', " +
        "'einddatum': 'DATE', 'reden_einde': 'VARCHAR', 'tevredenheid': 'VARCHAR', 'zonder_hulp_verder': 'VARCHAR', " +
        "'probleemafname': 'VARCHAR', 'doelrealisatie': 'VARCHAR', 'crisis': 'BOOLEAN'}";

    private DeliveryResult Store(string path, string fileName, FileScan scan, ParsedDelivery parsed, YouthRegistry youths, string workPrefix, Stopwatch clock)
    {
        var accepted = parsed.RowsRead - parsed.RowsRejected;
        var leverancier = _options.Leverancier ?? parsed.SingleBron ?? "gemengd:" + Path.GetFileNameWithoutExtension(fileName);
        var periode = _options.Periode ?? (accepted == 0 ? "onbekend"
            : parsed.MinStartYear == parsed.MaxStartYear ? parsed.MinStartYear.ToString(CultureInfo.InvariantCulture)
            : $"{parsed.MinStartYear}-{parsed.MaxStartYear}");
        var clean = parsed.CleanFiles.Count == 0 ? null
            : "read_csv([" + string.Join(", ", parsed.CleanFiles.Select(f => "'" + f.Replace("'", "''") + "'")) + "], delim=';', header=false, quote='', escape='', " +
              $"auto_detect=false, nullstr='', columns={CleanColumns})";

        using var bulk = store.UnorderedBulkWrites();
        store.Execute("BEGIN TRANSACTION");
        try
        {
            var deliveryId = (store.Scalar<int?>("SELECT max(delivery_id) FROM delivery") ?? 0) + 1;
            StoreFindings(deliveryId, fileName, parsed.FindingsFile);

            if (accepted == 0)
            {
                // Recorded with its findings so the provider can fetch the report, but it replaces nothing.
                InsertDelivery(deliveryId, leverancier, periode, fileName, scan, parsed, accepted, parsed.Warnings, 0, "afgewezen", clock);
                store.Execute("COMMIT");
                var problem = new Finding(fileName, 0, null, null, ValidationRules.F10);
                return new DeliveryResult(path, DeliveryOutcome.Afgewezen, deliveryId, leverancier, periode, parsed.RowsRead, 0,
                    parsed.RowsRejected, parsed.Warnings, 0, null, parsed.FindingsPerCode, parsed.FirstFindings, problem,
                    $"Rapport: zicht rapport --levering {deliveryId} --uit rapport.xlsx", clock.Elapsed);
            }

            var replaced = store.Scalar<int?>(
                $"SELECT max(delivery_id) FROM delivery WHERE bron = {Sql(leverancier)} AND periode = {Sql(periode)} AND status = 'actief'");
            if (replaced is not null)
            {
                store.Execute($"UPDATE delivery SET status = 'vervangen', replaced_by = {deliveryId} WHERE bron = {Sql(leverancier)} AND periode = {Sql(periode)} AND status = 'actief'");
                store.Execute(SqlResources.Read("Ingest.replace_delivery.sql").Replace("$delivery_id", deliveryId.ToString(CultureInfo.InvariantCulture)));
            }

            store.Execute("CREATE OR REPLACE TEMP TABLE duplicate_line (regel INTEGER)");
            foreach (var batch in parsed.DuplicateLines.Chunk(1000))
                store.Execute("INSERT INTO duplicate_line VALUES " + string.Join(",", batch.Select(l => $"({l})")));

            long superseded = 0;
            if (clean is not null)
            {
                var delivered = parsed.DuplicateLines.Count == 0 ? clean : $"(SELECT * FROM {clean} ANTI JOIN duplicate_line USING (regel))";
                StoreNewYouths(youths, parsed.DuplicateLines.Count == 0 ? null : delivered, workPrefix);
                EndPhase("opslaan: jeugdigen");
                if (store.Scalar<long>("SELECT count(*) FROM (SELECT 1 FROM trajectory LIMIT 1)") > 0)
                {
                    // Older versions of these trajectories move to the archive, so a later correction can restore them.
                    store.Execute($"""
                        INSERT INTO trajectory_superseded
                        SELECT trajectory.*, {deliveryId}
                        FROM trajectory
                        SEMI JOIN (SELECT bron, bron_traject_id FROM {delivered}) AS newer
                          ON trajectory.bron = newer.bron AND trajectory.bron_traject_id = newer.bron_traject_id
                        """);
                    superseded = store.Execute($"""
                        DELETE FROM trajectory USING (SELECT bron, bron_traject_id FROM {delivered}) AS newer
                        WHERE trajectory.bron = newer.bron AND trajectory.bron_traject_id = newer.bron_traject_id
                        """);
                }
                EndPhase("opslaan: bijwerken");
                store.Execute($"""
                    INSERT INTO trajectory
                    SELECT {deliveryId}, *
                    FROM {delivered}
                    """);
                EndPhase("opslaan: trajecten");
            }

            // The placeholders are filled in an order in which no value can contain a later placeholder.
            var overlapWarnings = store.Execute(SqlResources.Read("Ingest.overlapping_placements.sql")
                .Replace("$melding", Sql(ValidationRules.H01.Melding))
                .Replace("$delivery_id", deliveryId.ToString(CultureInfo.InvariantCulture))
                .Replace("$file_name", Sql(fileName)));

            EndPhase("opslaan: bevindingen en H01");
            foreach (var batch in parsed.AanbiederNamen.Chunk(500))
            {
                var values = string.Join(",", batch.Select(n => $"('{n.Key:D8}', {Sql(n.Value)})"));
                store.Execute($"DELETE FROM aanbieder WHERE aanbieder_agb IN ({string.Join(",", batch.Select(n => $"'{n.Key:D8}'"))}); INSERT INTO aanbieder VALUES {values}");
            }

            var warnings = parsed.Warnings + overlapWarnings;
            InsertDelivery(deliveryId, leverancier, periode, fileName, scan, parsed, accepted, warnings, superseded, "actief", clock);
            store.Execute("COMMIT");
            EndPhase("opslaan: levering en commit");

            var perCode = new Dictionary<string, long>(parsed.FindingsPerCode);
            if (overlapWarnings > 0) perCode[ValidationRules.H01.Code] = overlapWarnings;
            return new DeliveryResult(path, DeliveryOutcome.Opgeslagen, deliveryId, leverancier, periode, parsed.RowsRead, accepted,
                parsed.RowsRejected, warnings, superseded, replaced, perCode, parsed.FirstFindings, null, null, clock.Elapsed);
        }
        catch
        {
            store.Execute("ROLLBACK");
            throw;
        }
    }

    private void StoreFindings(int deliveryId, string fileName, string findingsFile) =>
        store.Execute($"""
            INSERT INTO finding
            SELECT {deliveryId}, {Sql(fileName)}, f.regel, f.kolom, f.waarde, f.code, f.ernst, rule.melding
            FROM read_csv({Sql(findingsFile)}, delim=';', header=false, quote='"', escape='"', auto_detect=false, nullstr='',
                          columns={FindingColumns}) AS f
            JOIN ({RuleTable()}) AS rule USING (code)
            """);

    private void InsertDelivery(int deliveryId, string leverancier, string periode, string fileName, FileScan scan, ParsedDelivery parsed,
        long accepted, long warnings, long superseded, string status, Stopwatch clock) =>
        store.Execute($"""
            INSERT INTO delivery VALUES ({deliveryId}, {Sql(leverancier)}, {Sql(periode)}, {Sql(fileName)}, '{scan.Sha256}', {scan.Bytes},
                {parsed.RowsRead}, {accepted}, {parsed.RowsRejected}, {warnings}, {superseded}, '{status}', NULL,
                now()::TIMESTAMP, {clock.ElapsedMilliseconds})
            """);

    /// <summary>
    /// Stores the youths this delivery added. Youths are only registered for accepted rows, so only rows
    /// rejected later as duplicates can leave one unused (<paramref name="deliveredWithDuplicatesRemoved"/>
    /// is then given): such youths are forgotten, not stored.
    /// </summary>
    private void StoreNewYouths(YouthRegistry youths, string? deliveredWithDuplicatesRemoved, string workPrefix)
    {
        if (youths.Added.Count == 0) return;
        var youthFile = workPrefix + "_youth.csv";
        using (var writer = new StreamWriter(youthFile, false, new UTF8Encoding(false), 1 << 16))
            foreach (var (id, pseudoniem) in youths.Added)
            {
                writer.Write(id.ToString(CultureInfo.InvariantCulture));
                writer.Write(';');
                writer.Write(pseudoniem);
                writer.Write('\n');
            }
        var added = $"read_csv({Sql(youthFile)}, delim=';', header=false, quote='', escape='', auto_detect=false, columns={{'youth_id': 'INTEGER', 'pseudoniem': 'VARCHAR'}})";
        if (deliveredWithDuplicatesRemoved is null)
        {
            store.Execute($"INSERT INTO youth SELECT * FROM {added}");
            return;
        }
        var used = $"(SELECT DISTINCT youth_id FROM {deliveredWithDuplicatesRemoved}) AS used";
        var orphans = new List<int>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = $"SELECT youth_id FROM {added} ANTI JOIN {used} USING (youth_id)";
            using var reader = command.ExecuteReader();
            while (reader.Read()) orphans.Add(reader.GetInt32(0));
        }
        store.Execute($"INSERT INTO youth SELECT * FROM {added} SEMI JOIN {used} USING (youth_id)");
        youths.Forget(orphans);
    }

    private const string FindingColumns = "{'regel': 'INTEGER', 'kolom': 'VARCHAR', 'waarde': 'VARCHAR', 'code': 'VARCHAR', 'ernst': 'VARCHAR'}";

    private static string RuleTable() =>
        "SELECT * FROM (VALUES " + string.Join(", ", ValidationRules.All.Select(r => $"('{r.Code}', {Sql(r.Melding)})")) + ") AS rules(code, melding)";

    internal static string Sql(string value) => "'" + value.Replace("'", "''") + "'";
}
