using CxDashboard.Domain.Governance;
using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Notes).HasMaxLength(8000);
        builder.HasIndex(r => r.HeldOn);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ChairPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Attendees).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Decisions).WithOne().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Attendees).HasField("_attendees");
        builder.Navigation(r => r.Decisions).HasField("_decisions");
        builder.HasVersion();
    }
}

public sealed class ReviewAttendeeConfiguration : IEntityTypeConfiguration<ReviewAttendee>
{
    public void Configure(EntityTypeBuilder<ReviewAttendee> builder)
    {
        builder.HasKey(a => new { a.ReviewId, a.TeamId });
        builder.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.Property(d => d.Text).HasMaxLength(2000);
        builder.HasIndex(d => new { d.ReviewId, d.At });
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.RecordedByPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
