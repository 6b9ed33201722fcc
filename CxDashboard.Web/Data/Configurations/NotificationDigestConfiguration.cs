using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class NotificationDigestConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> builder)
    {
        builder.Property(d => d.EmailError).HasMaxLength(Notification.MaxErrorLength);
        builder.Property(d => d.LeasedBy).HasMaxLength(100);
        // One digest per person per day, however many instances make the day's digests at once.
        builder.HasIndex(d => new { d.RecipientPersonId, d.Day }).IsUnique();
        builder.HasIndex(d => new { d.EmailStatus, d.EmailDueAt });
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.RecipientPersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
