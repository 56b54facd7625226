using Zicht.Generate;

namespace Zicht.Tests.Generate;

/// <summary>Small generated sets in a temp folder that is deleted afterwards; shared by the generator tests.</summary>
public sealed class GeneratorFixture : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "zicht-generate-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>1,500 youths in care per year over 2020–2025 (spans the mergers of 2021–2023): about 10,000 rows.</summary>
    public GeneratorOptions CleanOptions { get; }
    public GenerationResult Clean { get; }

    /// <summary>2024–2025 with 10% injected errors.</summary>
    public GeneratorOptions DirtyOptions { get; }
    public GenerationResult Dirty { get; }

    public GeneratorFixture()
    {
        var generator = new TrajectoryGenerator();
        CleanOptions = new GeneratorOptions { YouthsPerYear = 1500, Years = 6, EndYear = 2025, OutputFolder = Path.Combine(Root, "clean") };
        Clean = generator.Generate(CleanOptions);
        DirtyOptions = new GeneratorOptions { YouthsPerYear = 1000, Years = 2, EndYear = 2025, DirtyFraction = 0.1, OutputFolder = Path.Combine(Root, "dirty") };
        Dirty = generator.Generate(DirtyOptions);
    }

    public string Folder(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
