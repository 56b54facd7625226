using System.Buffers.Text;

namespace Zicht.Ingest;

/// <summary>A growable UTF-8 output buffer for clean rows (';'-separated, no quoting needed: values are validated codes).</summary>
public sealed class ByteBuffer(int capacity)
{
    private byte[] _buffer = new byte[capacity];

    /// <summary>A buffer that holds nothing (grows on first write).</summary>
    public static ByteBuffer Empty => new(0);
    public int Length { get; private set; }
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    private Span<byte> Reserve(int bytes)
    {
        if (Length + bytes > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + bytes));
        return _buffer.AsSpan(Length);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    public void Write(byte b)
    {
        Reserve(1)[0] = b;
        Length++;
    }

    public void Sep() => Write((byte)';');
    public void NewLine() => Write((byte)'\n');

    public void WriteInt(int value)
    {
        Utf8Formatter.TryFormat(value, Reserve(11), out var written);
        Length += written;
    }

    public void WriteDate(DateOnly date) => WriteDate(date.Year, date.Month, date.Day);

    public void WriteDate(int year, int month, int day)
    {
        var span = Reserve(10);
        span[0] = (byte)('0' + year / 1000); span[1] = (byte)('0' + year / 100 % 10);
        span[2] = (byte)('0' + year / 10 % 10); span[3] = (byte)('0' + year % 10);
        span[4] = (byte)'-'; span[5] = (byte)('0' + month / 10); span[6] = (byte)('0' + month % 10);
        span[7] = (byte)'-'; span[8] = (byte)('0' + day / 10); span[9] = (byte)('0' + day % 10);
        Length += 10;
    }

    public void WriteGemeentecode(int number)
    {
        var span = Reserve(6);
        span[0] = (byte)'G'; span[1] = (byte)'M';
        span[2] = (byte)('0' + number / 1000); span[3] = (byte)('0' + number / 100 % 10);
        span[4] = (byte)('0' + number / 10 % 10); span[5] = (byte)('0' + number % 10);
        Length += 6;
    }

    public void Clear() => Length = 0;
}
