using CxDashboard.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    /// <summary>
    /// The save an entry was written by: how a retry recognises a save that was committed though its
    /// acknowledgement was lost. Storage only, so it is no part of the domain's entry. Empty on entries
    /// written before it existed and on entries a service writes itself.
    /// </summary>
    public const string SaveIdProperty = "SaveId";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Summary).HasMaxLength(500);
        builder.HasIndex(a => new { a.At, a.Id });
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        // The audit page filtered to one kind of record reads it newest first; with only the index above,
        // SQLite sorted every entry of that kind (millions for feedback) for each page.
        builder.HasIndex(a => new { a.EntityType, a.At, a.Id });
        builder.HasIndex(a => new { a.ActorPersonId, a.At });
        builder.Property<Guid?>(SaveIdProperty);
        builder.HasIndex(SaveIdProperty);
    }
}
