using System.Buffers;
using System.Buffers.Text;

namespace Zicht.Generate;

/// <summary>A growable UTF-8 byte buffer on pooled arrays; the hot path of writing rows without strings.</summary>
internal sealed class ByteBuffer : IDisposable
{
    private byte[] _buffer;
    public int Length { get; private set; }

    public ByteBuffer(int initialCapacity = 1 << 16) => _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public Span<byte> GetSpan(int size)
    {
        if (Length + size > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + size));
            _buffer.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        return _buffer.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void Put(byte b)
    {
        GetSpan(1)[0] = b;
        Length++;
    }

    public void Put(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Length += bytes.Length;
    }

    public void PutNumber(long value)
    {
        Utf8Formatter.TryFormat(value, GetSpan(20), out var written);
        Length += written;
    }

    /// <summary>Copies an earlier part of this buffer to its end (a duplicated row).</summary>
    public void Repeat(int start, int length)
    {
        var target = GetSpan(length);
        _buffer.AsSpan(start, length).CopyTo(target);
        Length += length;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        Length = 0;
    }
}
