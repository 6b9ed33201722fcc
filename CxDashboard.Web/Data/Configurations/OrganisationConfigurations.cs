using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(32);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.LeadPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasVersion();
    }
}

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.DisplayName).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Subject).HasMaxLength(200);
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => p.Subject).IsUnique().HasFilter("Subject IS NOT NULL");
        builder.HasIndex(p => p.TeamId);
        builder.HasOne<Team>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasVersion();
    }
}

public sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.OwningTeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasVersion();
    }
}

public sealed class JourneyStageConfiguration : IEntityTypeConfiguration<JourneyStage>
{
    public void Configure(EntityTypeBuilder<JourneyStage> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.HasIndex(s => s.Code).IsUnique();
    }
}

public sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.Property(g => g.GrantedBy).HasMaxLength(200);
        builder.HasIndex(g => new { g.PersonId, g.Role }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
