using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

internal static class ConfigurationExtensions
{
    /// <summary>Adds the integer concurrency token that <see cref="CxDbContext"/> increments on every save.</summary>
    public static EntityTypeBuilder<T> HasVersion<T>(this EntityTypeBuilder<T> builder) where T : class
    {
        builder.Property<int>(CxDbContext.VersionProperty).IsConcurrencyToken();
        return builder;
    }
}
