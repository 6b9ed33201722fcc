using System.Text;

namespace CxDashboard.Tests.Features.Feedback;

/// <summary>A CSV upload of the given length made up as it is read, so a test can send more than the limit without holding it.</summary>
public sealed class EndlessCsv(long length) : Stream
{
    private static readonly byte[] Line = Encoding.UTF8.GetBytes("2026-11-20 10:00,store,,Survey,Service,,,Slow tills and a long queue,,\n");
    private long _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++)
        {
            buffer[i] = Line[(int)((_position + i) % Line.Length)];
        }
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
