namespace Zicht.Storage;

/// <summary>Where a store lives: a folder with the DuckDB file, the pseudonym key and work files.</summary>
public sealed record StoreLocation(string Folder)
{
    public string DatabasePath => Path.Combine(Folder, "zicht.duckdb");
    public string KeyPath => Path.Combine(Folder, "pseudoniem.key");
    public string WorkFolder => Path.Combine(Folder, "werk");
    public string DemoFolder => Path.Combine(Folder, "demo");
    public string ReportsFolder => Path.Combine(Folder, "rapporten");

    /// <summary>The folder given, else $ZICHT_HOME, else ./.zicht.</summary>
    public static StoreLocation Resolve(string? folder)
    {
        var chosen = folder ?? Environment.GetEnvironmentVariable("ZICHT_HOME") ?? Path.Combine(Environment.CurrentDirectory, ".zicht");
        return new StoreLocation(Path.GetFullPath(chosen));
    }
}
