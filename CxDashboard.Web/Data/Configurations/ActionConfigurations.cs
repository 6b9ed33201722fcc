using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Governance;
using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("Actions");
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.BlockedReason).HasMaxLength(1000);
        builder.Ignore(a => a.IsOpen);

        builder.HasIndex(a => new { a.OwnerPersonId, a.Status, a.DueDate });
        builder.HasIndex(a => new { a.TeamId, a.Status, a.DueDate });
        builder.HasIndex(a => new { a.Status, a.DueDate });
        builder.HasIndex(a => a.FrictionIssueId);
        builder.HasIndex(a => a.ReviewId);
        builder.HasIndex(a => new { a.QuickWin, a.CompletedAt });
        // The quick wins done in a quarter (the dashboard): SQLite cannot seek on a bare boolean column, so
        // the done actions of the quarter are found by status and date and the flag is read from the index.
        builder.HasIndex(a => new { a.Status, a.CompletedAt, a.QuickWin });

        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.CreatedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FrictionIssue>().WithMany().HasForeignKey(a => a.FrictionIssueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Review>().WithMany().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Notes).WithOne().HasForeignKey(n => n.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Notes).HasField("_notes");
        builder.HasVersion();
    }
}

public sealed class ActionNoteConfiguration : IEntityTypeConfiguration<ActionNote>
{
    public void Configure(EntityTypeBuilder<ActionNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(2000);
        builder.HasIndex(n => new { n.ActionItemId, n.At });
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
