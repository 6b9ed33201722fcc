using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.MaxLinkLength);
        builder.Property(n => n.EmailError).HasMaxLength(Notification.MaxErrorLength);
        builder.Property(n => n.LeasedBy).HasMaxLength(100);
        builder.HasIndex(n => n.MessageId).IsUnique();
        builder.Property(n => n.OnceKey).HasMaxLength(Notification.MaxOnceKeyLength);
        // What the clock tells (a follow-up due soon, breached, escalated; an action due or overdue) is told once, whichever instance notices it.
        builder.HasIndex(n => n.OnceKey).IsUnique().HasFilter("OnceKey IS NOT NULL");
        // A person's unread count and their list, newest first.
        builder.HasIndex(n => new { n.RecipientPersonId, n.ReadAt });
        builder.HasIndex(n => new { n.RecipientPersonId, n.CreatedAt, n.Id });
        // The e-mail queue: what is due to be sent.
        builder.HasIndex(n => new { n.EmailStatus, n.EmailDueAt });
        // The day's digests: what awaits one, per person. No foreign key to the digest: a person's deletion already
        // cascades to both, and SQL Server refuses a second cascade path.
        builder.HasIndex(n => new { n.ForDigest, n.DigestId, n.RecipientPersonId });
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientPersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
