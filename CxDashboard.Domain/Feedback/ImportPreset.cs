using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Feedback;

/// <summary>
/// How the columns of one survey tool's export map onto feedback, saved under a name so that the next
/// export from the same source is mapped in one click. The mapping itself is the import's business; the
/// preset only keeps it, with who saved it last and when.
/// </summary>
public sealed class ImportPreset : Entity
{
    public const int MaxNameLength = 100, MaxSourceLength = 100, MaxMappingLength = 8000;

    private ImportPreset() { Name = SurveySource = Mapping = string.Empty; }

    public ImportPreset(string name, string surveySource, string mapping, int savedByPersonId, DateTime savedAt) : this()
    {
        Name = Guard.Text(name, "The preset's name", MaxNameLength);
        SurveySource = Guard.Text(surveySource, "The survey source", MaxSourceLength);
        Replace(mapping, savedByPersonId, savedAt);
    }

    public string Name { get; private set; }

    /// <summary>The survey tool whose exports the preset maps, as the import page names it.</summary>
    public string SurveySource { get; private set; }

    /// <summary>The mapping, serialised by the import.</summary>
    public string Mapping { get; private set; }

    public int SavedByPersonId { get; private set; }

    public DateTime SavedAt { get; private set; }

    /// <summary>Saving a preset again under its name replaces its mapping.</summary>
    public void Replace(string mapping, int savedByPersonId, DateTime savedAt)
    {
        Mapping = Guard.Text(mapping, "The mapping", MaxMappingLength);
        SavedByPersonId = Guard.Id(savedByPersonId, "Who saved the preset");
        SavedAt = Guard.Utc(savedAt);
    }
}
