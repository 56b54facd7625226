using Zicht.Storage;

namespace Zicht.Tests.Support;

/// <summary>A store in a fresh temporary folder, removed afterwards. Uses a fixed test key.</summary>
public sealed class TempStore : IDisposable
{
    public const string TestKeyHex = "0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "zicht-test-" + Guid.NewGuid().ToString("N")[..12]);
    public StoreLocation Location { get; }

    public TempStore()
    {
        Directory.CreateDirectory(Folder);
        Location = new StoreLocation(Path.Combine(Folder, "store"));
        Directory.CreateDirectory(Location.Folder);
        File.WriteAllText(Location.KeyPath, TestKeyHex);
    }

    public ZichtStore Open() => ZichtStore.Open(Location);

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content, new System.Text.UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
