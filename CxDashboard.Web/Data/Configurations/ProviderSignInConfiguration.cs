using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class ProviderSignInConfiguration : IEntityTypeConfiguration<ProviderSignIn>
{
    public void Configure(EntityTypeBuilder<ProviderSignIn> builder)
    {
        builder.PrimitiveCollection(s => s.Roles);
        builder.HasIndex(s => s.PersonId).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
