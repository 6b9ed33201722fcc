using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// Checks an uploaded workbook before ClosedXML reads it. An .xlsx is a zip: ten megabytes of upload can
/// unpack to gigabytes (a zip bomb) or hold millions of cells, and ClosedXML builds all of it in memory.
/// The sizes the zip declares are checked first, then the sheets are unpacked once, counting what really
/// comes out (a zip can declare less than it holds) and the cells, stopping at the first limit passed.
/// </summary>
public static class WorkbookLimits
{
    public const long MaxUnpackedBytes = 100 * 1024 * 1024;

    /// <summary>Sheet XML packs about ten to one; a large entry packed beyond this is built to explode.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>A metric's values for years of periods and every channel fill a few thousand cells.</summary>
    public const int MaxCells = 100_000;

    private const long LargeEntryBytes = 1024 * 1024;

    public static readonly string TooLarge =
        string.Create(CultureInfo.InvariantCulture, $"This workbook unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB; it cannot be imported.");

    public static readonly string TooManyCells = string.Create(CultureInfo.InvariantCulture,
        $"This workbook has more than {MaxCells:N0} cells; it cannot be imported. Import the values in smaller workbooks, or as CSV.");

    /// <summary>Why the workbook is refused, or null when it may be read (an unreadable zip is left for the reader to report).</summary>
    public static string? Problem(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                var packedTight = entry.Length > LargeEntryBytes && entry.Length > MaxCompressionRatio * Math.Max(1, entry.CompressedLength);
                if (declared > MaxUnpackedBytes || packedTight)
                {
                    return TooLarge;
                }
            }
            long unpacked = 0;
            var cells = 0;
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                                                         && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
            {
                using var counted = new CountingStream(entry.Open(), MaxUnpackedBytes - unpacked);
                using var reader = XmlReader.Create(counted, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c" && ++cells > MaxCells)
                    {
                        return TooManyCells;
                    }
                }
                unpacked += counted.BytesRead;
            }
            return null;
        }
        catch (UnpackedTooLargeException)
        {
            return TooLarge;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException)
        {
            return null;
        }
    }

    private sealed class UnpackedTooLargeException : Exception;

    /// <summary>Passes a stream through, failing once more than <c>limit</c> bytes have come out of it.</summary>
    private sealed class CountingStream(Stream inner, long limit) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return BytesRead > limit ? throw new UnpackedTooLargeException() : read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
