using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

/// <summary>The store on SQLite, with its own migrations under Data/Migrations/Sqlite.</summary>
public sealed class SqliteCxDbContext(DbContextOptions<SqliteCxDbContext> options) : CxDbContext(options);

/// <summary>The store on SQL Server or Azure SQL, with its own migrations under Data/Migrations/SqlServer.</summary>
public sealed class SqlServerCxDbContext(DbContextOptions<SqlServerCxDbContext> options) : CxDbContext(options);
