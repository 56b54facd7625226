using System.Globalization;
using System.Text;
using Zicht.Generate;
using Zicht.Ingest;
using Zicht.Reference;

namespace Zicht.Tests.Generate;

public class GeneratorTests(GeneratorFixture fixture) : IClassFixture<GeneratorFixture>
{
    private static readonly ReferenceData Reference = ReferenceData.Shipped;
    private static int Col(string column) => FormatV1Checker.Index(column);

    private static IEnumerable<(string File, int Line, string[] Fields, string Text)> DataRows(GenerationResult result)
    {
        foreach (var file in result.Files)
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file.Path, Encoding.UTF8))
            {
                lineNumber++;
                if (lineNumber == 1) continue;
                yield return (file.Path, lineNumber, line.Split(';'), line);
            }
        }
    }

    private static DateOnly Date(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Writes_one_file_per_start_year_with_the_format_v1_header_in_utf8_without_bom()
    {
        Assert.Equal(["trajecten_2020.csv", "trajecten_2021.csv", "trajecten_2022.csv", "trajecten_2023.csv", "trajecten_2024.csv", "trajecten_2025.csv"],
            fixture.Clean.Files.Select(f => Path.GetFileName(f.Path)));
        foreach (var file in fixture.Clean.Files)
        {
            var bytes = File.ReadAllBytes(file.Path);
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no BOM");
            Assert.Equal(string.Join(";", TrajectoryColumns.All), File.ReadLines(file.Path).First());
            Assert.Equal(file.Rows, File.ReadLines(file.Path).Count() - 1);
            Assert.Equal(bytes.Length, file.Bytes);
            Assert.Null(file.ManifestPath);
        }
        Assert.Equal(fixture.Clean.Rows, fixture.Clean.Files.Sum(f => f.Rows));
        Assert.InRange(fixture.Clean.Rows, 5_000, 30_000);
        Assert.Empty(fixture.Clean.Errors);
    }

    [Fact]
    public void Every_clean_row_satisfies_the_format_v1_rules()
    {
        var checker = new FormatV1Checker(Reference, fixture.CleanOptions.ExtractionDate);
        var ids = new HashSet<(string, string)>();
        foreach (var (file, line, f, text) in DataRows(fixture.Clean))
        {
            var findings = checker.Check(text);
            Assert.True(findings.Count == 0, $"{Path.GetFileName(file)}:{line} {string.Join(", ", findings)}: {text}");
            Assert.True(ids.Add((f[Col(TrajectoryColumns.Bron)], f[Col(TrajectoryColumns.BronTrajectId)])), $"duplicate id on line {line}");

            var start = Date(f[Col(TrajectoryColumns.Startdatum)]);
            Assert.Equal(int.Parse(Path.GetFileNameWithoutExtension(file)["trajecten_".Length..], CultureInfo.InvariantCulture), start.Year);
            Assert.Equal("", f[Col(TrajectoryColumns.ClientPseudoniem)]);
            var zorgvorm = f[Col(TrajectoryColumns.Zorgvorm)];
            if (zorgvorm == "JH_WIJKTEAM")
            {
                Assert.Equal("", f[Col(TrajectoryColumns.AanbiederAgb)]);
                Assert.Equal(f[Col(TrajectoryColumns.Gemeentecode)], f[Col(TrajectoryColumns.Bron)]);
            }
            else Assert.Equal(f[Col(TrajectoryColumns.AanbiederAgb)], f[Col(TrajectoryColumns.Bron)]);
            if (zorgvorm.StartsWith("JH_", StringComparison.Ordinal) || zorgvorm.StartsWith("JV_", StringComparison.Ordinal))
                Assert.NotEqual("", f[Col(TrajectoryColumns.Verwijzer)]);
            // outcomes are only measured at the end of a trajectory
            if (f[Col(TrajectoryColumns.Einddatum)].Length == 0)
                foreach (var outcome in (string[])[TrajectoryColumns.Tevredenheid, TrajectoryColumns.ZonderHulpVerder, TrajectoryColumns.Probleemafname, TrajectoryColumns.Doelrealisatie])
                    Assert.Equal("", f[Col(outcome)]);
        }
    }

    [Fact]
    public void Every_bsn_passes_the_elfproef_and_a_youth_keeps_its_bsn_birth_date_and_gender()
    {
        var youths = new Dictionary<string, (string, string)>();
        foreach (var (_, line, f, _) in DataRows(fixture.Clean))
        {
            var bsn = f[Col(TrajectoryColumns.Bsn)];
            Assert.True(bsn.Length == 9 && bsn.All(char.IsAsciiDigit) && FormatV1Checker.ElfProef(bsn), $"line {line}: {bsn}");
            var person = (f[Col(TrajectoryColumns.Geboortedatum)], f[Col(TrajectoryColumns.Geslacht)]);
            if (youths.TryGetValue(bsn, out var known)) Assert.Equal(known, person);
            else youths[bsn] = person;
        }
        Assert.Equal(fixture.Clean.Youths, youths.Count);
        Assert.True(fixture.Clean.YouthsSimulated > youths.Count, "the warm-up years simulate youths whose care is all before 2020");
    }

    [Fact]
    public void Synthetic_bsns_are_unique_and_pass_the_elfproef()
    {
        var seen = new HashSet<long>();
        for (var youth = 0L; youth < 50_000; youth++)
        {
            var bsn = SyntheticBsn.ForYouth(youth, 42);
            Assert.InRange(bsn, 100_000_000, 999_999_999);
            Assert.True(FormatV1Checker.ElfProef(bsn.ToString(CultureInfo.InvariantCulture)));
            Assert.True(seen.Add(bsn));
            Assert.False(FormatV1Checker.ElfProef(SyntheticBsn.WithWrongCheckDigit(bsn, (int)(youth % 9)).ToString("D9", CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void Trajectories_before_a_merger_carry_one_predecessor_per_youth()
    {
        var merged = Reference.Gemeenten.Where(g => g.OpgevolgdDoor is not null).ToDictionary(g => g.Gemeentecode, g => g.OpgevolgdDoor!);
        var predecessorsOfYouth = new Dictionary<(string Bsn, string Successor), HashSet<string>>();
        var rowsOfDissolved = 0;
        foreach (var (_, line, f, _) in DataRows(fixture.Clean))
        {
            var code = f[Col(TrajectoryColumns.Gemeentecode)];
            var gemeente = Reference.FindGemeente(code)!;
            Assert.True(gemeente.ExistsOn(Date(f[Col(TrajectoryColumns.Startdatum)])), $"line {line}: {code} did not exist on the startdatum");
            if (!merged.TryGetValue(code, out var successor)) continue;
            rowsOfDissolved++;
            var key = (f[Col(TrajectoryColumns.Bsn)], successor);
            if (!predecessorsOfYouth.TryGetValue(key, out var set)) predecessorsOfYouth[key] = set = [];
            set.Add(code);
        }
        Assert.True(rowsOfDissolved > 0, "the 2020–2025 set should contain trajectories in municipalities dissolved in 2021–2023");
        Assert.All(predecessorsOfYouth.Values, set => Assert.Single(set));
        // and the new municipalities appear only from their start
        Assert.Contains(DataRows(fixture.Clean), r => r.Fields[Col(TrajectoryColumns.Gemeentecode)] == "GM1979" || r.Fields[Col(TrajectoryColumns.Gemeentecode)] == "GM1982");
    }

    [Fact]
    public void The_mix_of_care_is_roughly_that_of_cbs()
    {
        var rows = DataRows(fixture.Clean).Select(r => r.Fields).ToList();
        double Share(Func<string[], bool> predicate, IEnumerable<string[]>? subset = null)
        {
            var list = (subset ?? rows).ToList();
            return (double)list.Count(predicate) / list.Count;
        }
        string Zv(string[] f) => f[Col(TrajectoryColumns.Zorgvorm)];

        // youths in care in 2024 (trajectory overlapping the year), and the share with out-of-home care
        var year = new DateOnly(2024, 1, 1);
        var yearEnd = new DateOnly(2024, 12, 31);
        var inCare = rows.Where(f => Date(f[Col(TrajectoryColumns.Startdatum)]) <= yearEnd
                                     && (f[Col(TrajectoryColumns.Einddatum)] is var e && (e.Length == 0 || Date(e) >= year))).ToList();
        var youths = inCare.Select(f => f[Col(TrajectoryColumns.Bsn)]).Distinct().Count();
        var jvYouths = inCare.Where(f => Zv(f).StartsWith("JV_", StringComparison.Ordinal)).Select(f => f[Col(TrajectoryColumns.Bsn)]).Distinct().Count();
        Assert.InRange(youths, 1500 * 0.8, 1500 * 1.25);
        Assert.InRange((double)jvYouths / youths, 0.04, 0.14);

        Assert.InRange(Share(f => Zv(f) == "JH_WIJKTEAM"), 0.20, 0.40);
        Assert.InRange(Share(f => Zv(f) == "JH_AMBULANT"), 0.40, 0.65);
        Assert.InRange(Share(f => f[Col(TrajectoryColumns.Crisis)] == "1"), 0.01, 0.06);
        Assert.InRange(Share(f => f[Col(TrajectoryColumns.Aanmelddatum)].Length == 0), 0.12, 0.28);
        var ended = rows.Where(f => f[Col(TrajectoryColumns.Einddatum)].Length > 0).ToList();
        Assert.InRange(Share(f => f[Col(TrajectoryColumns.RedenEinde)] == "01", ended), 0.50, 0.70);
        Assert.InRange(Share(f => f[Col(TrajectoryColumns.Tevredenheid)].Length > 0, ended), 0.35, 0.65);
        var placements = rows.Where(f => Zv(f).StartsWith("JV_", StringComparison.Ordinal)).ToList();
        Assert.True(placements.Count(f => Zv(f) == "JV_PLEEGZORG") > placements.Count(f => Zv(f) == "JV_GESLOTEN") * 3);

        // waiting time of non-crisis ambulant care: median 3–8 weeks, long tail
        var waits = rows.Where(f => Zv(f) == "JH_AMBULANT" && f[Col(TrajectoryColumns.Crisis)] == "0" && f[Col(TrajectoryColumns.Aanmelddatum)].Length > 0)
            .Select(f => Date(f[Col(TrajectoryColumns.Startdatum)]).DayNumber - Date(f[Col(TrajectoryColumns.Aanmelddatum)]).DayNumber)
            .Order().ToList();
        Assert.InRange(waits[waits.Count / 2], 21, 56);
        Assert.InRange(waits[waits.Count * 9 / 10], 90, 200);
    }

    [Fact]
    public void No_youth_is_in_two_out_of_home_placements_at_different_providers_on_the_same_day()
    {
        // rule H01 would warn; the generator only lets placements overlap within one provider
        var placements = DataRows(fixture.Clean).Select(r => r.Fields)
            .Where(f => f[Col(TrajectoryColumns.Zorgvorm)].StartsWith("JV_", StringComparison.Ordinal))
            .Select(f => (Bsn: f[Col(TrajectoryColumns.Bsn)], Agb: f[Col(TrajectoryColumns.AanbiederAgb)], Start: Date(f[Col(TrajectoryColumns.Startdatum)]),
                End: f[Col(TrajectoryColumns.Einddatum)] is { Length: > 0 } e ? Date(e) : DateOnly.MaxValue))
            .GroupBy(p => p.Bsn);
        foreach (var youth in placements)
        {
            var list = youth.ToList();
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                    if (list[i].Agb != list[j].Agb)
                        Assert.True(list[i].End < list[j].Start || list[j].End < list[i].Start, $"{list[i]} overlaps {list[j]}");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_data()
    {
        var generator = new TrajectoryGenerator();
        GenerationResult Run(string name, int seed) => generator.Generate(new GeneratorOptions
            { YouthsPerYear = 300, Years = 2, Seed = seed, DirtyFraction = 0.05, OutputFolder = fixture.Folder(name) });
        var first = Run("seed42a", 42);
        var again = Run("seed42b", 42);
        var other = Run("seed43", 43);
        Assert.Equal(first.Files.Count, again.Files.Count);
        for (var i = 0; i < first.Files.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(first.Files[i].Path), File.ReadAllBytes(again.Files[i].Path));
            Assert.Equal(File.ReadAllBytes(first.Files[i].ManifestPath!), File.ReadAllBytes(again.Files[i].ManifestPath!));
            Assert.NotEqual(File.ReadAllBytes(first.Files[i].Path), File.ReadAllBytes(other.Files[i].Path));
        }
    }

    [Fact]
    public void A_single_file_holds_the_same_trajectories_as_the_files_per_year()
    {
        var options = new GeneratorOptions { YouthsPerYear = 300, Years = 3, OutputFolder = fixture.Folder("perYear") };
        var generator = new TrajectoryGenerator();
        var perYear = generator.Generate(options);
        var single = generator.Generate(options with { SingleFile = true, OutputFolder = fixture.Folder("single") });
        Assert.Equal("trajecten.csv", Path.GetFileName(Assert.Single(single.Files).Path));
        Assert.Equal(
            DataRows(perYear).Select(r => r.Text).Order(StringComparer.Ordinal),
            DataRows(single).Select(r => r.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_dirty_manifest_lists_the_requested_fraction_and_each_line_has_exactly_that_defect()
    {
        var checker = new FormatV1Checker(Reference, fixture.DirtyOptions.ExtractionDate);
        var result = fixture.Dirty;
        // exactly round(10% of the rows) per chunk of youths: within one row per chunk of 10% overall
        Assert.InRange(result.Errors.Count, result.Rows * 0.1 - 5, result.Rows * 0.1 + 5);
        Assert.True(result.Errors.Select(e => e.Code).Distinct().Count() == 8, string.Join(",", result.Errors.Select(e => e.Code).Distinct()));

        foreach (var file in result.Files)
        {
            // the manifest on disk is the returned list
            var manifest = File.ReadAllLines(file.ManifestPath!);
            Assert.Equal("regel;kolom;code", manifest[0]);
            var listed = result.Errors.Where(e => e.File == file.Path).ToList();
            Assert.Equal(listed.Select(e => $"{e.Line};{e.Column};{e.Code}"), manifest.Skip(1));
            var byLine = listed.ToDictionary(e => e.Line);

            var firstLineOfId = new Dictionary<(string, string), int>();
            var lines = File.ReadAllLines(file.Path, Encoding.UTF8);
            for (var i = 1; i < lines.Length; i++)
            {
                var lineNumber = i + 1;
                var findings = checker.Check(lines[i]);
                var f = lines[i].Split(';');
                (string, string)? id = f.Length == 23 ? (f[0], f[1]) : null;
                if (id is { } key && !firstLineOfId.TryAdd(key, lineNumber))
                {
                    Assert.DoesNotContain(firstLineOfId[key], byLine.Keys); // the first occurrence is clean
                    findings.Add((TrajectoryColumns.BronTrajectId, "D01"));
                }
                if (byLine.TryGetValue(lineNumber, out var error))
                    Assert.True(findings.SequenceEqual([(error.Column, error.Code)]), $"line {lineNumber} should have only {error.Code} {error.Column}, has {string.Join(", ", findings)}: {lines[i]}");
                else
                    Assert.True(findings.Count == 0, $"line {lineNumber} is not in the manifest but has {string.Join(", ", findings)}: {lines[i]}");
            }
        }
    }

    [Fact]
    public void A_dirty_run_has_the_trajectories_of_the_clean_run_apart_from_the_damaged_rows()
    {
        var folder = fixture.Folder("dirtyButClean");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "trajecten_2025.csv.fouten.csv"), "regel;kolom;code\n2;bsn;V04\n");
        var clean = new TrajectoryGenerator().Generate(fixture.DirtyOptions with { DirtyFraction = 0, OutputFolder = folder });
        Assert.False(File.Exists(Path.Combine(folder, "trajecten_2025.csv.fouten.csv")), "a clean run removes a stale manifest");
        for (var i = 0; i < clean.Files.Count; i++)
        {
            var cleanLines = File.ReadAllLines(clean.Files[i].Path);
            var dirtyLines = File.ReadAllLines(fixture.Dirty.Files[i].Path);
            Assert.Equal(cleanLines.Length, dirtyLines.Length);
            var damaged = fixture.Dirty.Errors.Where(e => e.File == fixture.Dirty.Files[i].Path).Select(e => e.Line).ToHashSet();
            for (var line = 1; line <= cleanLines.Length; line++)
                if (damaged.Contains(line)) Assert.NotEqual(cleanLines[line - 1], dirtyLines[line - 1]);
                else Assert.Equal(cleanLines[line - 1], dirtyLines[line - 1]);
        }
    }

    [Fact]
    public void The_command_line_writes_the_files()
    {
        var folder = fixture.Folder("cli");
        var exit = Zicht.Cli.GenerateCommand.Create().Parse(["--youths", "200", "--years", "2", "--end-year", "2024", "--seed", "7", "--single-file", "--out", folder]).Invoke();
        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(Path.Combine(folder, "trajecten.csv"));
        Assert.True(lines.Length > 100);
        Assert.All(lines.Skip(1), l => Assert.InRange(Date(l.Split(';')[Col(TrajectoryColumns.Startdatum)]).Year, 2023, 2024));
    }
}
