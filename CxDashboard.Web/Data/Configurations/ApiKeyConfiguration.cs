using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength).IsUnicode(false);
        builder.Property(k => k.SecretHash).HasMaxLength(128).IsUnicode(false);
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
        builder.Ignore(k => k.IsRevoked);
        // A request names its key by the secret's first characters; the hash then decides.
        builder.HasIndex(k => k.Prefix);
        builder.HasOne<Person>().WithMany().HasForeignKey(k => k.CreatedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasVersion();
    }
}
