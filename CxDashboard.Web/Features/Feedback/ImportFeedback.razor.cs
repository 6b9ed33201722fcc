using System.Globalization;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace CxDashboard.Web.Features.Feedback;

public partial class ImportFeedback
{
    private string? _surveySource;
    private string? _fileName;
    private ImportFile? _file;
    private IReadOnlyList<string> _sheets = [];
    private string? _sheet;
    private SheetLayout? _layout;
    private ImportMapping? _mapping;
    private FeedbackLookups? _lookups;
    private IReadOnlyList<ImportPresetChoice> _presets = [];
    private string? _presetName;
    private string? _newPresetName;
    private string? _presetSaved;
    private FeedbackImportPreview? _preview;
    private FeedbackImportResult? _result;
    private ImportProgress? _progress;
    private string? _error;

    private bool Busy => _progress is not null;

    /// <summary>The step under way, whose progress reports are shown; null between steps.</summary>
    private object? _run;

    private string NameRowHelp => _layout is { HeaderRows: > 1 } ? "The other header rows are read as part of the names" : "One header row names the columns";

    private static string Count(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {what}{(n == 1 ? "" : "s")}");

    private async Task UploadAsync(IBrowserFile? chosen)
    {
        if (chosen is null)
        {
            return;
        }
        await ForgetFileAsync();
        _fileName = chosen.Name;
        if (chosen.Size > ImportFile.MaxBytes)
        {
            _error = ImportFile.TooLarge;
            return;
        }
        var size = Math.Max(1, chosen.Size);
        await RunAsync("Uploading", async (caller, progress) =>
        {
            var uploaded = new InlineProgress<long>(n => progress.Report(new ImportProgress("Uploading", (double)n / size)));
            await using var stream = chosen.OpenReadStream(ImportFile.MaxBytes);
            _file = await ImportFile.SpoolAsync(stream, chosen.Name, uploaded);
            progress.Report(new ImportProgress("Reading", 0));
            _lookups = await Feedback.GetLookupsAsync();
            var file = _file;
            _sheets = await Task.Run(() => SheetReader.SheetsOf(file));
            _sheet = _sheets.FirstOrDefault();
            _presets = await Presets.ListAsync(caller, _surveySource);
            await ApplyBestPresetAsync();
        });
    }

    /// <summary>A preset saved for this source whose columns the file has, or the shipped one for a recognised export, or a guess.</summary>
    private async Task ApplyBestPresetAsync()
    {
        var detected = await ReadLayoutAsync(null, null);
        foreach (var preset in _presets)
        {
            var layout = await ReadLayoutAsync(preset.Mapping.HeaderRows, preset.Mapping.NameRow);
            var fits = preset.Shipped
                ? preset.SurveySource == detected.Recognised
                : preset.Mapping.ColumnsNamed().All(c => layout.Column(c) is not null);
            if (fits)
            {
                Apply(preset, layout);
                return;
            }
        }
        _layout = detected;
        _mapping = ImportMapping.Guess(detected);
        _presetName = null;
    }

    private void Apply(ImportPresetChoice preset, SheetLayout layout)
    {
        _layout = layout;
        _mapping = preset.Mapping.Over(ImportMapping.Guess(layout)) with { HeaderRows = layout.HeaderRows, NameRow = layout.NameRow };
        _presetName = preset.Name;
        _preview = null;
    }

    private Task<SheetLayout> ReadLayoutAsync(int? headerRows, int? nameRow)
    {
        var (file, sheet) = (_file!, _sheet);
        return Task.Run(() => FeedbackImporter.ReadLayout(file, sheet, headerRows, nameRow));
    }

    /// <summary>Presets and earlier imports belong to a source: naming another one after the upload offers its presets and checks again.</summary>
    private async Task SourceChangedAsync(string? source)
    {
        _surveySource = source;
        _preview = null;
        if (_file is not null)
        {
            _error = await Commands.LoadAsync(async caller => { _presets = await Presets.ListAsync(caller, _surveySource); });
        }
    }

    private async Task PresetChosenAsync(string? name)
    {
        if (_presets.FirstOrDefault(p => p.Name == name) is not { } preset)
        {
            _presetName = null;
            return;
        }
        await RunAsync("Reading", async (_, _) => Apply(preset, await ReadLayoutAsync(preset.Mapping.HeaderRows, preset.Mapping.NameRow)));
    }

    private async Task SheetChangedAsync(string? sheet)
    {
        _sheet = sheet;
        await RunAsync("Reading", async (_, _) => await ApplyBestPresetAsync());
    }

    private async Task HeaderChangedAsync(int headerRows, int nameRow)
    {
        await RunAsync("Reading", async (_, _) =>
        {
            var layout = await ReadLayoutAsync(headerRows, nameRow);
            var kept = _mapping!;
            _layout = layout;
            // The columns have new names; what the person chose for the whole file still holds.
            _mapping = ImportMapping.Guess(layout) with
            {
                TimeZone = kept.TimeZone,
                DayFirst = kept.DayFirst,
                WholeFileChannel = kept.WholeFileChannel,
                WholeFileSource = kept.WholeFileSource ?? ImportMapping.Guess(layout).WholeFileSource,
                WholeFileCategory = kept.WholeFileCategory,
            };
            _preview = null;
        });
    }

    private void MappingChanged(ImportMapping mapping)
    {
        _mapping = mapping with { HeaderRows = _layout!.HeaderRows, NameRow = _layout.NameRow };
        _preview = null;
        _presetSaved = null;
    }

    private async Task SavePresetAsync()
    {
        var name = _newPresetName?.Trim();
        var error = await Commands.RunAsync(async caller =>
        {
            await Presets.SaveAsync(caller, name ?? string.Empty, _surveySource, _mapping!);
            _presets = await Presets.ListAsync(caller, _surveySource);
        });
        _error = error;
        if (error is null)
        {
            _presetName = name;
            _presetSaved = $"Saved as '{name}'.";
            _newPresetName = null;
        }
    }

    private async Task PreviewAsync()
    {
        (_preview, _result) = (null, null);
        await RunAsync("Checking", async (caller, progress) =>
        {
            var (file, sheet, mapping, source) = (_file!, _sheet, _mapping!, _surveySource);
            _preview = await Task.Run(() => Importer.PreviewAsync(caller, file, sheet, mapping, source, progress));
        });
    }

    private async Task ImportAsync()
    {
        _result = null;
        await RunAsync("Checking", async (caller, progress) =>
        {
            var (file, sheet, mapping, source) = (_file!, _sheet, _mapping!, _surveySource);
            _result = await Task.Run(() => Importer.ImportAsync(caller, file, sheet, mapping, source, progress));
        });
        if (_result is { Succeeded: true })
        {
            await ForgetFileAsync(keepResult: true);
        }
    }

    /// <summary>
    /// Runs a step with its progress shown; a file that cannot be read is said so, as is any failure of the command.
    /// Reports come from the threads that read the file: each is shown on the page's own, and one that arrives after
    /// the step has ended is dropped, so the page never shows a finished step as still under way.
    /// </summary>
    private async Task RunAsync(string step, Func<Caller, IProgress<ImportProgress>, Task> work)
    {
        _error = null;
        _progress = new ImportProgress(step, 0);
        var run = new object();
        _run = run;
        var shown = (Step: step, Percent: 0);
        var progress = new InlineProgress<ImportProgress>(p =>
        {
            var percent = (int)(p.Fraction * 100);
            lock (run)
            {
                if (shown == (p.Step, percent))
                {
                    return;
                }
                shown = (p.Step, percent);
            }
            _ = InvokeAsync(() =>
            {
                if (ReferenceEquals(_run, run))
                {
                    _progress = p;
                    StateHasChanged();
                }
            });
        });
        try
        {
            _error = await Commands.RunAsync(async caller =>
            {
                try
                {
                    await work(caller, progress);
                }
                catch (ImportRefusedException ex)
                {
                    _result = FeedbackImportResult.Refused(ex.Message);
                }
            });
        }
        finally
        {
            _run = null;
            _progress = null;
        }
    }

    private async Task ForgetFileAsync(bool keepResult = false)
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
        (_file, _layout, _mapping, _preview, _presetName, _presetSaved, _sheets, _sheet) = (null, null, null, null, null, null, [], null);
        if (!keepResult)
        {
            (_result, _error) = (null, null);
        }
    }

    public async ValueTask DisposeAsync() => await ForgetFileAsync();
}
