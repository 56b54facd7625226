using System.CommandLine;
using Zicht.Cli;
using Zicht.Programmes;
using static Zicht.Tests.Programmes.ProgrammeTestData;

namespace Zicht.Tests.Programmes;

/// <summary>The CLI end to end on a store in a temporary folder.</summary>
public class ProgrammaCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"zicht-cli-{Guid.NewGuid():N}");

    private int Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(ProgrammaCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        return root.Parse([.. args, "--store", _folder]).Invoke();
    }

    [Fact]
    public void A_bad_file_imports_nothing_and_a_good_one_can_be_shown_exported_and_reported()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"zicht-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(bad, Example("voorbeeld-voortgang-fictief.yaml").Replace("periode: VGR5, status: vertraagd", "periode: VGR6"));
        try { Assert.Equal(1, Run("programma", "import", bad)); }
        finally { File.Delete(bad); }
        using (var store = ProgrammaCommand.OpenStore(_folder))
            Assert.Empty(new ProgrammeStore(store.Connection, Catalogue).List());

        var good = Path.Combine(ExamplesFolder, "voorbeeld-voortgang-fictief.yaml");
        Assert.Equal(0, Run("programma", "import", good, "--door", "tester"));
        Assert.Equal(0, Run("programma", "list"));
        Assert.Equal(0, Run("programma", "show", "voorbeeld-fictief"));
        Assert.Equal(1, Run("programma", "show", "bestaat-niet"));

        var exported = Path.Combine(_folder, "export.yaml");
        Assert.Equal(0, Run("programma", "export", "voorbeeld-fictief", "--uit", exported));
        AssertSame(Read(File.ReadAllText(good)), Read(File.ReadAllText(exported)));

        foreach (var format in new[] { "html", "pdf", "docx" })
        {
            var output = Path.Combine(_folder, $"rapport.{format}");
            Assert.Equal(0, Run("report", "voortgang", "--programma", "voorbeeld-fictief", "--periode", "VGR5", "--format", format, "--uit", output));
            Assert.True(new FileInfo(output).Length > 1000);
        }
        Assert.Equal(1, Run("report", "voortgang", "--programma", "voorbeeld-fictief", "--periode", "VGR9", "--format", "pdf"));
        Assert.Equal(1, Run("report", "voortgang", "--programma", "voorbeeld-fictief", "--periode", "VGR5", "--format", "odt"));

        using var again = ProgrammaCommand.OpenStore(_folder);
        Assert.Equal(["tester"], new ProgrammeStore(again.Connection, Catalogue).Changes("voorbeeld-fictief").Select(c => c.Door));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
