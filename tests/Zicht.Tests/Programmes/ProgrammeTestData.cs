using System.Text.Json;
using DuckDB.NET.Data;
using Zicht.Programmes;

namespace Zicht.Tests.Programmes;

/// <summary>Shared helpers: the shipped examples, an in-memory store, and deep equality of programmes.</summary>
public static class ProgrammeTestData
{
    public static readonly IIndicatorCatalogue Catalogue = new ShippedIndicatorCatalogue();

    public static string ExamplesFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "data", "examples"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("data/examples not found above the test folder"), "data", "examples");
        }
    }

    public static string Example(string name) => File.ReadAllText(Path.Combine(ExamplesFolder, name));

    public static Programme Read(string yaml)
    {
        var result = new ProgrammeFileReader(Catalogue).Read(yaml);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Programme!;
    }

    public static DuckDBConnection MemoryStore()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    /// <summary>Records hold lists, which compare by reference; JSON compares every value.</summary>
    public static void AssertSame(Programme expected, Programme actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
