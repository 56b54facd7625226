using System.Security.Cryptography;

namespace Zicht.Privacy;

/// <summary>Keyed pseudonyms: HMAC-SHA256(key, BSN digits), written as 64 lower-case hex characters.</summary>
public sealed class Pseudonymiser(PseudonymKey key)
{
    private readonly byte[] _key = key.Bytes;

    /// <summary>Writes the 64 hex characters of the pseudonym of a 9-digit BSN into <paramref name="destination"/>.</summary>
    public void Pseudonymise(ReadOnlySpan<byte> bsnDigits, Span<byte> destination)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, bsnDigits, mac);
        Convert.TryToHexStringLower(mac, destination, out _);
    }

    public string Pseudonymise(string bsn)
    {
        Span<byte> hex = stackalloc byte[64];
        Pseudonymise(System.Text.Encoding.ASCII.GetBytes(bsn), hex);
        return System.Text.Encoding.ASCII.GetString(hex);
    }
}
