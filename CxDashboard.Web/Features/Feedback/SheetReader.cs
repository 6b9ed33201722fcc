using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using ExcelDataReader;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>
/// Reads an export row by row, header rows included, as text: a CSV file (any of the separators Excel
/// writes) or one sheet of an Excel workbook. Nothing but the current row is held, except a workbook's
/// shared strings, which Excel keeps in one part that every cell refers to by index.
/// </summary>
public abstract class SheetReader : IDisposable
{
    /// <summary>
    /// The largest shared-string part read: it is held in memory (as text, about twice its size), and a workbook
    /// of 200 MB of survey answers stays well under it because repeated answers are stored once.
    /// </summary>
    public const long MaxSharedStringBytes = 256L * 1024 * 1024;

    /// <summary>Past this, no sheet of a 200 MB workbook is real survey data: it has been packed to blow up when read.</summary>
    public const long MaxUnpackedBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>XML of survey answers packs about 5–20 to 1; a part packed a hundred times tighter is repetition, built to blow up.</summary>
    public const int MaxPackingRatio = 100;

    private const string NotAWorkbook = "The file is not an Excel workbook that can be read. Save it again as an Excel Workbook (.xlsx), or as CSV UTF-8.";

    private const string Packed = "The workbook unpacks to far more than its size: it cannot be read safely. Save the export again as CSV UTF-8, or as a new workbook.";

    // The workbook reader's settings name code page 1252 (for legacy .xls files) as they are made, which .NET has only once asked for.
    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Moves to the next row; false at the end of the sheet.</summary>
    /// <exception cref="ImportRefusedException">The rest of the file cannot be read; the message says from which line.</exception>
    public abstract bool Read();

    public abstract int FieldCount { get; }

    /// <summary>The cell's text, trimmed; empty past the end of the row.</summary>
    public abstract string Get(int index);

    /// <summary>The row's number as the person sees it: the line of a CSV file, the row of a sheet.</summary>
    public abstract int Line { get; }

    /// <summary>How far through the file the reading is, from 0 to 1.</summary>
    public abstract double Progress { get; }

    public abstract void Dispose();

    /// <summary>The sheets of a workbook, in order (a CSV file has one, without a name).</summary>
    public static IReadOnlyList<string> SheetsOf(ImportFile file)
    {
        if (file.Kind == ImportFileKind.Csv)
        {
            return [];
        }
        using var reader = OpenWorkbook(file, out _);
        var names = new List<string>();
        do
        {
            names.Add(reader.Name);
        }
        while (reader.NextResult());
        return names;
    }

    /// <param name="sheet">The workbook's sheet to read; null for the first.</param>
    /// <exception cref="ImportRefusedException">The file cannot be read as what its name says it is.</exception>
    public static SheetReader Open(ImportFile file, string? sheet = null) => file.Kind switch
    {
        ImportFileKind.Csv => new Csv(file),
        _ => new Workbook(file, sheet),
    };

    private static IExcelDataReader OpenWorkbook(ImportFile file, out FileStream stream)
    {
        CheckPacking(file);
        stream = file.OpenRead();
        try
        {
            return ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.UTF8 });
        }
        catch (Exception ex) when (ex is InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or IOException or System.Xml.XmlException)
        {
            stream.Dispose();
            throw new ImportRefusedException(NotAWorkbook);
        }
    }

    /// <summary>
    /// Refuses a workbook whose parts unpack to far more than they take up (a zip bomb) before any part is read:
    /// the sizes are those the archive declares, and the reading of a part stops at its declared size.
    /// </summary>
    private static void CheckPacking(ImportFile file)
    {
        try
        {
            using var stream = file.OpenRead();
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            long total = 0;
            var hasWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                hasWorkbook |= string.Equals(entry.FullName, "xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
                total += entry.Length;
                if (entry.Length > 1024 * 1024 && entry.Length / Math.Max(1, entry.CompressedLength) > MaxPackingRatio)
                {
                    throw new ImportRefusedException(Packed);
                }
                if (string.Equals(entry.FullName, "xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase) && entry.Length > MaxSharedStringBytes)
                {
                    throw new ImportRefusedException(string.Create(CultureInfo.InvariantCulture,
                        $"The workbook's text takes more than {MaxSharedStringBytes / 1024 / 1024} MB. Save the export as CSV UTF-8 instead."));
                }
            }
            if (total > MaxUnpackedBytes)
            {
                throw new ImportRefusedException(Packed);
            }
            if (!hasWorkbook)
            {
                throw new ImportRefusedException(NotAWorkbook);
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportRefusedException(NotAWorkbook);
        }
    }

    private sealed class Csv : SheetReader
    {
        private readonly FileStream _file;
        private readonly CsvReader _reader;

        public Csv(ImportFile file)
        {
            _file = file.OpenRead();
            _reader = CsvReader.Create(new Utf8Checked(_file), CsvReaderOptions.Default with
            {
                HasHeader = false,
                TrackLineNumbers = true,
                MalformedData = CsvMalformedDataHandling.Throw,
                // One unclosed quote must not make the rest of a 200 MB file one record held in memory.
                MaxRecordSize = 1024 * 1024,
            });
        }

        public override int FieldCount => _reader.FieldCount;

        public override int Line => (int)_reader.LineNumber;

        public override double Progress => _file.Length == 0 ? 1 : (double)_file.Position / _file.Length;

        public override bool Read()
        {
            try
            {
                return _reader.Read();
            }
            catch (CsvFormatException ex)
            {
                var line = ex.LineNumber > 0 ? ex.LineNumber : _reader.LineNumber;
                throw new ImportRefusedException(string.Create(CultureInfo.InvariantCulture,
                    $"Line {line}: the file could not be read as CSV from this line on: check its quotes and separators."));
            }
            catch (DecoderFallbackException)
            {
                throw new ImportRefusedException("The file is not a CSV text file (it is not UTF-8 text). Save the export as CSV UTF-8.");
            }
            catch (BinaryContentException)
            {
                throw new ImportRefusedException("The file is not a CSV text file. Save the export as CSV UTF-8.");
            }
        }

        public override string Get(int index) => index < _reader.FieldCount ? _reader.GetString(index).Trim() : string.Empty;

        public override void Dispose()
        {
            _reader.Dispose();
            _file.Dispose();
        }
    }

    private sealed class Workbook : SheetReader
    {
        private readonly FileStream _file;
        private readonly IExcelDataReader _reader;
        private int _row;

        public Workbook(ImportFile file, string? sheet)
        {
            _reader = OpenWorkbook(file, out _file);
            if (sheet is not null)
            {
                while (!string.Equals(_reader.Name, sheet, StringComparison.Ordinal))
                {
                    if (!_reader.NextResult())
                    {
                        Dispose();
                        throw new ImportRefusedException($"The workbook has no sheet named '{sheet}'.");
                    }
                }
            }
        }

        public override int FieldCount => _reader.FieldCount;

        public override int Line => _row;

        public override double Progress => _file.Length == 0 ? 1 : (double)_file.Position / _file.Length;

        public override bool Read()
        {
            try
            {
                if (!_reader.Read())
                {
                    return false;
                }
                _row++;
                return true;
            }
            catch (Exception ex) when (ex is InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or System.Xml.XmlException)
            {
                throw new ImportRefusedException(string.Create(CultureInfo.InvariantCulture,
                    $"Row {_row + 1}: the workbook could not be read from this row on. Save it again as an Excel Workbook (.xlsx), or as CSV UTF-8."));
            }
        }

        public override string Get(int index) => index >= _reader.FieldCount ? string.Empty : _reader.GetValue(index) switch
        {
            null => string.Empty,
            string text => text.Trim(),
            // Written as the import reads dates and numbers in a CSV file, so a preset serves both.
            DateTime at => at.ToString(at.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            bool flag => flag ? "TRUE" : "FALSE",
            var other => Convert.ToString(other, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty,
        };

        public override void Dispose()
        {
            _reader.Dispose();
            _file.Dispose();
        }
    }

    private sealed class BinaryContentException() : IOException("The file holds binary content.");

    /// <summary>Passes a file through while checking that it is UTF-8 text, so that a workbook or a legacy encoding is refused by name.</summary>
    private sealed class Utf8Checked(Stream inner) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        private char[] _chars = new char[16384];

        public override int Read(byte[] buffer, int offset, int count) => Check(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

        public override int Read(Span<byte> buffer) => Check(buffer[..inner.Read(buffer)]);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            return Check(buffer.Span[..read]);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Check(ReadOnlySpan<byte> read)
        {
            if (read.Contains((byte)0))
            {
                throw new BinaryContentException();
            }
            if (_chars.Length < read.Length + 4)
            {
                _chars = new char[read.Length + 4];
            }
            _decoder.Convert(read, _chars, flush: read.IsEmpty, out _, out _, out _);
            return read.Length;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
