using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Zicht.Generate;
using Zicht.Ingest;
using Zicht.Storage;
using Zicht.Tests.Support;

namespace Zicht.Tests.Ingest;

/// <summary>Ingest of generated files: against the generator's list of injected errors, killed halfway, and scanned for BSNs.</summary>
public class IngestIntegrationTests
{
    private static GenerationResult Generate(TempStore temp, int youths, int years, double dirty, string folder = "data") =>
        new TrajectoryGenerator().Generate(new GeneratorOptions
        {
            Seed = 7, YouthsPerYear = youths, Years = years, EndYear = 2024, DirtyFraction = dirty, SingleFile = true,
            OutputFolder = Path.Combine(temp.Folder, folder),
        });

    [Fact]
    public void Dirty_file_report_matches_the_errors_the_generator_injected()
    {
        using var temp = new TempStore();
        var generated = Generate(temp, youths: 3000, years: 3, dirty: 0.02);
        var file = generated.Files.Single();
        Assert.True(generated.Errors.Count > 100, $"only {generated.Errors.Count} injected errors");
        Assert.Equal(8, generated.Errors.Select(e => e.Code).Distinct().Count());

        using var store = temp.Open();
        var result = new IngestService(store, new IngestOptions { Today = new DateOnly(2025, 1, 31) }).Ingest([file.Path]).Single();

        Assert.Equal(file.Rows, result.RowsRead);
        Assert.Equal(result.RowsRead, result.RowsAccepted + result.RowsRejected);
        Assert.Equal(generated.Errors.Count, result.RowsRejected);
        Assert.Equal(result.RowsAccepted, store.Scalar<long>("SELECT count(*) FROM trajectory"));

        var reported = new HashSet<string>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "SELECT regel, code, kolom FROM finding WHERE ernst = 'fout'";
            using var reader = command.ExecuteReader();
            while (reader.Read()) reported.Add($"{reader.GetInt32(0)}:{reader.GetString(1)}");
        }
        var injected = generated.Errors.Select(e => $"{e.Line}:{e.Code}").ToHashSet();
        Assert.Equal(injected.Order(), reported.Order());

        // Every finding names its column where the rule is about one column.
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM finding WHERE kolom IS NULL AND code NOT IN ('S01')"));
        foreach (var error in generated.Errors.Where(e => e.Column.Length > 0).Take(50))
            Assert.Equal(error.Column, store.Scalar<string>($"SELECT kolom FROM finding WHERE regel = {error.Line} AND code = '{error.Code}'"));

        // The report as CSV and Excel: one row per finding.
        var csv = Path.Combine(temp.Folder, "rapport.csv");
        var xlsx = Path.Combine(temp.Folder, "rapport.xlsx");
        var findings = store.Scalar<long>("SELECT count(*) FROM finding");
        Assert.Equal(findings, ValidationReport.Write(store, [result.DeliveryId!.Value], csv));
        Assert.Equal(findings + 1, File.ReadAllLines(csv).Length);
        Assert.Equal(findings, ValidationReport.Write(store, [result.DeliveryId!.Value], xlsx));
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
        Assert.Equal(findings + 1, rows);
    }

    [Fact]
    public void Killing_an_ingest_leaves_the_store_consistent_and_running_it_again_completes_it()
    {
        using var temp = new TempStore();
        var file = Generate(temp, youths: 60_000, years: 3, dirty: 0.001).Files.Single();
        var storeFolder = Path.Combine(temp.Folder, "kill-store");
        var workFolder = new StoreLocation(storeFolder).WorkFolder;

        // Kill at two moments: while chunks are parsed, and once the store transaction has begun.
        var killedMidway = new List<string>();
        foreach (var moment in new[] { "_00000.csv", "_findings.csv" })
        {
            using var ingest = ZichtCli.Start(storeFolder, "ingest", file.Path);
            var clock = Stopwatch.StartNew();
            while (!ingest.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2)
                   && !(Directory.Exists(workFolder) && Directory.EnumerateFiles(workFolder, "*" + moment).Any()))
                Thread.Sleep(5);
            if (moment == "_findings.csv") Thread.Sleep(150);
            if (!ingest.HasExited) killedMidway.Add(moment);
            ingest.Kill(entireProcessTree: true);
            ingest.WaitForExit();

            using var store = ZichtStore.Open(new StoreLocation(storeFolder));
            var deliveries = store.Scalar<long>("SELECT count(*) FROM delivery");
            var trajectories = store.Scalar<long>("SELECT count(*) FROM trajectory");
            var accepted = store.Scalar<long?>("SELECT sum(rows_accepted) FROM delivery") ?? 0;
            Assert.True(deliveries <= 1, $"{deliveries} deliveries after a kill");
            Assert.Equal(accepted, trajectories);
            Assert.Equal(store.Scalar<long>("SELECT count(DISTINCT youth_id) FROM trajectory"), store.Scalar<long>("SELECT count(*) FROM youth"));
            if (killedMidway.Contains(moment) && moment == "_00000.csv")
                Assert.Equal((0L, 0L), (deliveries, trajectories));   // killed while parsing: nothing stored
        }
        Assert.Contains("_00000.csv", killedMidway);

        var (exitCode, output) = ZichtCli.Run(storeFolder, "ingest", file.Path);
        Assert.True(exitCode == 0, output);
        using (var store = ZichtStore.Open(new StoreLocation(storeFolder)))
        {
            Assert.Equal(1L, store.Scalar<long>("SELECT count(*) FROM delivery"));
            Assert.Equal(file.Rows, store.Scalar<long>("SELECT rows_read FROM delivery"));
            Assert.Equal(store.Scalar<long>("SELECT rows_accepted FROM delivery"), store.Scalar<long>("SELECT count(*) FROM trajectory"));
            Assert.True(store.DerivedTablesAreCurrent());
            Assert.False(Directory.EnumerateFiles(workFolder).Any());
        }

        // And once more: the same file is a no-op.
        var (again, againOutput) = ZichtCli.Run(storeFolder, "ingest", file.Path);
        Assert.Equal(0, again);
        Assert.Contains("al aanwezig", againOutput);
    }

    [Fact]
    public void No_bsn_of_the_input_reaches_the_store_the_reports_or_the_output()
    {
        using var temp = new TempStore();
        var generated = Generate(temp, youths: 2000, years: 2, dirty: 0.05);
        var file = generated.Files.Single();
        var bsns = ReadBsns(file.Path);
        Assert.True(bsns.Count > 1000);

        var storeFolder = Path.Combine(temp.Folder, "privacy-store");
        var reportCsv = Path.Combine(temp.Folder, "out", "rapport.csv");
        var reportXlsx = Path.Combine(temp.Folder, "out", "rapport.xlsx");
        var outputs = new StringBuilder();
        outputs.Append(ZichtCli.Run(storeFolder, "ingest", file.Path, "--rapport", reportCsv).Output);
        outputs.Append(ZichtCli.Run(storeFolder, "rapport", "--levering", "1", "--uit", reportXlsx).Output);
        outputs.Append(ZichtCli.Run(storeFolder, "status").Output);

        var leaks = new List<string>();
        void Scan(string where, string text)
        {
            foreach (Match match in NineDigits.Matches(text))
                if (bsns.Contains(match.Value)) leaks.Add($"{where}: {match.Value[..3]}******");
        }

        Scan("console output", outputs.ToString());
        Scan(reportCsv, File.ReadAllText(reportCsv));
        using (var zip = ZipFile.OpenRead(reportXlsx))
            foreach (var entry in zip.Entries)
                using (var reader = new StreamReader(entry.Open()))
                    Scan($"{reportXlsx}!{entry.FullName}", reader.ReadToEnd());
        foreach (var path in Directory.EnumerateFiles(storeFolder, "*", SearchOption.AllDirectories))
            Scan(path, Encoding.Latin1.GetString(File.ReadAllBytes(path)));

        // DuckDB compresses strings on disk, so also read every column of every table back as text.
        using (var store = ZichtStore.Open(new StoreLocation(storeFolder)))
        {
            var columns = new List<(string Table, string Column)>();
            using (var command = store.Connection.CreateCommand())
            {
                command.CommandText = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'";
                using var reader = command.ExecuteReader();
                while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
            }
            Assert.Contains(columns, c => c.Table == "finding");
            foreach (var (table, column) in columns)
            {
                using var command = store.Connection.CreateCommand();
                command.CommandText = $"SELECT DISTINCT CAST(\"{column}\" AS VARCHAR) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                using var reader = command.ExecuteReader();
                while (reader.Read()) Scan($"{table}.{column}", reader.GetString(0));
            }
        }
        Assert.Empty(leaks);
    }

    private static readonly Regex NineDigits = new(@"(?<!\d)\d{9}(?!\d)", RegexOptions.Compiled);

    private static HashSet<string> ReadBsns(string path)
    {
        var lines = File.ReadLines(path).ToList();
        var header = lines[0].Split(';');
        var bsnColumn = Array.IndexOf(header, "bsn");
        return lines.Skip(1).Select(l => l.Split(';')).Where(f => f.Length > bsnColumn && f[bsnColumn].Length == 9)
            .Select(f => f[bsnColumn]).ToHashSet();
    }
}
