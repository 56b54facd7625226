using System.Security.Cryptography;

namespace Zicht.Privacy;

/// <summary>
/// The secret key behind the pseudonyms. The same key must be used by every party that makes
/// pseudonyms upstream (client_pseudoniem), so deliveries from different sources link.
/// </summary>
public sealed class PseudonymKey
{
    public const string EnvironmentVariable = "ZICHT_PSEUDONIEM_SLEUTEL";
    private const int KeyBytes = 32;

    internal byte[] Bytes { get; }

    private PseudonymKey(byte[] bytes) => Bytes = bytes;

    public static PseudonymKey FromHex(string hex)
    {
        var trimmed = hex.Trim();
        byte[] bytes;
        try { bytes = Convert.FromHexString(trimmed); }
        catch (FormatException) { throw new InvalidOperationException("The pseudonym key is not hexadecimal; it must be 64 hex characters (32 bytes)."); }
        if (bytes.Length < KeyBytes)
            throw new InvalidOperationException($"The pseudonym key has {bytes.Length} bytes; it needs at least {KeyBytes} (64 hex characters).");
        return new PseudonymKey(bytes);
    }

    /// <summary>
    /// The key from $ZICHT_PSEUDONIEM_SLEUTEL, else from the key file, which is created on first use
    /// with 32 random bytes and permissions that let only the owner read it.
    /// </summary>
    public static PseudonymKey LoadOrCreate(string keyPath)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return FromHex(fromEnvironment);
        if (File.Exists(keyPath)) return FromHex(File.ReadAllText(keyPath));

        Directory.CreateDirectory(Path.GetDirectoryName(keyPath)!);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(keyPath, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(Convert.ToHexStringLower(key));
        return new PseudonymKey(key);
    }
}
