using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace Zicht.Ingest;

/// <summary>Where a chunk of data lines starts: a byte offset at a line start, and that line's number.</summary>
public readonly record struct ChunkStart(long Offset, int Line);

/// <summary>What one streaming pass over a delivered file found out before any row is parsed.</summary>
public sealed record FileScan(
    string Sha256,
    long Bytes,
    bool HasUtf8Bom,
    string? InvalidUtf8At,     // "regel N, byte M" of the first byte that is not UTF-8, or null
    bool HasNulBytes,
    int LineCount,
    IReadOnlyList<ChunkStart> ChunkStarts);

/// <summary>
/// Pass 1 over a file: SHA-256 (the delivery's identity), binary and UTF-8 checks, and chunk boundaries
/// at line starts with their line numbers so that pass 2 can parse chunks in parallel. Streams the file
/// in fixed blocks; never holds it whole.
/// </summary>
public static class FileScanner
{
    /// <summary>Block size of the scan, and so the size of the chunks parsed in parallel.</summary>
    public const int BlockBytes = 8 << 20;

    public static FileScan Scan(string path, Action<long>? bytesDone = null, int blockBytes = BlockBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(blockBytes + 4);
        try
        {
            var chunkStarts = new List<ChunkStart> { new(0, 1) };
            long offset = 0;           // file offset of buffer[carry]
            long newlines = 0;
            var carry = 0;             // bytes of an incomplete UTF-8 sequence kept from the previous block
            string? invalidAt = null;
            var nul = false;
            var hasBom = false;
            int read;
            while ((read = ReadFull(stream, buffer.AsSpan(carry, blockBytes))) > 0)
            {
                var fresh = buffer.AsSpan(carry, read);
                hash.AppendData(fresh);
                if (offset == 0 && fresh.StartsWith("\uFEFF"u8)) hasBom = true;
                if (!nul && fresh.IndexOf((byte)0) >= 0) nul = true;

                if (offset > 0)
                {
                    var firstNewline = fresh.IndexOf((byte)'\n');
                    if (firstNewline >= 0 && offset + firstNewline + 1 < stream.Length)
                        chunkStarts.Add(new ChunkStart(offset + firstNewline + 1, checked((int)(newlines + 2))));
                }
                newlines += fresh.Count((byte)'\n');

                var all = buffer.AsSpan(0, carry + read);
                var complete = CompleteUtf8Length(all, atEnd: offset + read >= stream.Length);
                if (invalidAt is null && !Utf8.IsValid(all[..complete]))
                    invalidAt = "ongeldig";
                all[complete..].CopyTo(buffer);
                carry = all.Length - complete;
                offset += read;
                bytesDone?.Invoke(offset);
            }
            if (invalidAt is not null) invalidAt = LocateInvalidUtf8(path);
            var lineCount = (int)newlines + (stream.Length > 0 && LastByte(stream) != '\n' ? 1 : 0);
            return new FileScan(Convert.ToHexStringLower(hash.GetHashAndReset()), stream.Length, hasBom, invalidAt, nul, lineCount, chunkStarts);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ReadFull(Stream stream, Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var n = stream.Read(destination[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private static byte LastByte(FileStream stream)
    {
        Span<byte> one = stackalloc byte[1];
        RandomAccess.Read(stream.SafeFileHandle, one, stream.Length - 1);
        return one[0];
    }

    /// <summary>The length of the prefix that ends on a UTF-8 sequence boundary (the rest waits for the next block).</summary>
    private static int CompleteUtf8Length(ReadOnlySpan<byte> bytes, bool atEnd)
    {
        if (atEnd) return bytes.Length;
        for (var back = 1; back <= 3 && back <= bytes.Length; back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80) continue;             // continuation byte: keep looking for the lead
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? bytes.Length - back : bytes.Length;
        }
        return bytes.Length;
    }

    /// <summary>Error path only: finds line and byte position of the first invalid UTF-8 byte.</summary>
    private static string LocateInvalidUtf8(string path)
    {
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var line = 1;
        var lineBytes = new List<byte>(256);
        int b;
        while ((b = reader.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                if (!Utf8.IsValid(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lineBytes))) break;
                line++;
                lineBytes.Clear();
            }
            else lineBytes.Add((byte)b);
        }
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lineBytes);
        var position = 0;
        while (position < span.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span[position..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) break;
            position += consumed;
        }
        var shown = position < span.Length ? $" (byte 0x{span[position]:X2})" : "";
        return $"regel {line}, positie {position + 1}{shown}";
    }
}
