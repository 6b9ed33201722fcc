using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CxDashboard.Web.Data;

/// <summary>Lets the EF tools build the SQLite model without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCxDbContext>
{
    public SqliteCxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets the EF tools build the SQL Server model and scripts without a server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCxDbContext>
{
    public SqlServerCxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCxDbContext>()
            .UseSqlServer("Server=localhost;Database=CxDashboard;Integrated Security=true;TrustServerCertificate=true")
            .Options);
}
