using System.Globalization;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>
/// An uploaded survey export, spooled to a temporary file as it arrives so that neither the circuit nor
/// the import ever holds the whole file: it is read from disk twice, once to check it and once to write
/// it. Deleted when disposed.
/// </summary>
public sealed class ImportFile : IAsyncDisposable
{
    public const long MaxBytes = 200L * 1024 * 1024;

    public static readonly string TooLarge = string.Create(CultureInfo.InvariantCulture,
        $"The file is larger than {MaxBytes / 1024 / 1024} MB. Split the export into smaller files (by date, for example).");

    /// <summary>The folder under the temporary path that spooled uploads (and the scratch files of their checks) go to.</summary>
    internal const string Folder = "cxdashboard-imports";

    public const string NotASpreadsheet = "Upload a CSV file (.csv) or an Excel workbook (.xlsx).";

    private ImportFile(string path, string name, long size, ImportFileKind kind) => (Path, Name, Size, Kind) = (path, name, size, kind);

    public string Path { get; }

    /// <summary>The name the person's file had, for messages and the audit trail.</summary>
    public string Name { get; }

    public long Size { get; }

    public ImportFileKind Kind { get; }

    /// <summary>Copies <paramref name="content"/> to a temporary file, refusing it as soon as it passes <see cref="MaxBytes"/>.</summary>
    /// <param name="copied">Told the bytes copied so far, for a progress bar.</param>
    /// <exception cref="ImportRefusedException">The file is too large, empty, or not a spreadsheet by its name.</exception>
    public static async Task<ImportFile> SpoolAsync(Stream content, string fileName, IProgress<long>? copied = null, CancellationToken ct = default)
    {
        var kind = System.IO.Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ImportFileKind.Csv,
            ".xlsx" => ImportFileKind.Workbook,
            _ => throw new ImportRefusedException(NotASpreadsheet),
        };
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Folder);
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, System.IO.Path.GetRandomFileName());
        long size = 0;
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxBytes)
                    {
                        throw new ImportRefusedException(TooLarge);
                    }
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                    copied?.Report(size);
                }
            }
            if (size == 0)
            {
                throw new ImportRefusedException("The file is empty.");
            }
            return new ImportFile(path, System.IO.Path.GetFileName(fileName), size, kind);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public FileStream OpenRead() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}

public enum ImportFileKind
{
    Csv,
    Workbook,
}

/// <summary>A file the import cannot read at all: the message says why and what to do, and nothing was written.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);
