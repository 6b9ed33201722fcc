using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>Saved import mappings: kept per survey source under a name, and offered again, beside the shipped ones, for the next export.</summary>
public sealed class ImportPresetService(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The presets saved for <paramref name="surveySource"/>, last saved first, then the shipped ones.</summary>
    public async Task<IReadOnlyList<ImportPresetChoice>> ListAsync(Caller caller, string? surveySource, CancellationToken ct = default)
    {
        RequireMayImport(caller);
        var source = SourceName(surveySource);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = await db.ImportPresets.AsNoTracking()
            .Where(p => p.SurveySource == source)
            .OrderByDescending(p => p.SavedAt).ThenBy(p => p.Name)
            .Select(p => new { p.Name, p.SurveySource, p.Mapping })
            .ToListAsync(ct);
        return [.. saved.Select(p => new ImportPresetChoice(p.Name, p.SurveySource, ImportMapping.FromJson(p.Mapping), Shipped: false)), .. ShippedPresets.All];
    }

    /// <summary>Saves <paramref name="mapping"/> under <paramref name="name"/> for <paramref name="surveySource"/>, replacing a preset of that name.</summary>
    public async Task SaveAsync(Caller caller, string name, string? surveySource, ImportMapping mapping, CancellationToken ct = default)
    {
        RequireMayImport(caller);
        var personId = caller.RequirePersonId();
        var source = SourceName(surveySource);
        var trimmed = name?.Trim() ?? string.Empty;
        if (ShippedPresets.All.Any(p => string.Equals(p.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new Domain.Common.DomainException($"'{trimmed}' is the name of a preset that comes with CX Dashboard. Choose another name.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.ImportPresets.SingleOrDefaultAsync(p => p.SurveySource == source && p.Name == trimmed, ct);
        if (existing is null)
        {
            db.ImportPresets.Add(new ImportPreset(trimmed, source, mapping.ToJson(), personId, now));
        }
        else
        {
            existing.Replace(mapping.ToJson(), personId, now);
        }
        await db.SaveAsAsync(caller, clock, $"the preset '{trimmed}'", ct);
    }

    private static string SourceName(string? surveySource) =>
        string.IsNullOrWhiteSpace(surveySource) ? FeedbackImporter.DefaultSource : surveySource.Trim();

    private static void RequireMayImport(Caller caller)
    {
        if (!FeedbackService.MayRecord(caller))
        {
            throw new NotAllowedException("Only a CX lead, a channel lead or a contributor imports feedback.");
        }
    }
}
