using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class ImportPresetConfiguration : IEntityTypeConfiguration<ImportPreset>
{
    public void Configure(EntityTypeBuilder<ImportPreset> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(ImportPreset.MaxNameLength);
        builder.Property(p => p.SurveySource).HasMaxLength(ImportPreset.MaxSourceLength);
        builder.Property(p => p.Mapping).HasMaxLength(ImportPreset.MaxMappingLength);
        // A name is a preset's identity within its source: saving under it again replaces the mapping.
        builder.HasIndex(p => new { p.SurveySource, p.Name }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.SavedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasVersion();
    }
}
