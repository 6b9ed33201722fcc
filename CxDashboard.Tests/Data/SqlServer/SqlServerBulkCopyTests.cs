using System.Data;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Notifications;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>
/// Bulk writes on SQL Server go through SqlBulkCopy, whose column mappings come from the SQL Server model:
/// checked here without a server against the tables the migrations create. With
/// <see cref="TestDatabase.SqlServerVariable"/> set, the import tests run the copy itself on a server.
/// </summary>
public sealed class SqlServerBulkCopyTests
{
    public static TheoryData<string> BulkWrittenTables()
    {
        var tables = new TheoryData<string> { nameof(FeedbackItem), nameof(Notification) };
        foreach (var (entity, _) in DemoDataSeeder.BulkWrites)
        {
            tables.Add(entity.Name);
        }
        return tables;
    }

    private static (Type Entity, BulkColumn[] Columns) Write(string entity) =>
        entity switch
        {
            nameof(FeedbackItem) => (typeof(FeedbackItem), FeedbackBulkWriter.Columns),
            nameof(Notification) => (typeof(Notification), NotificationBulkWriter.Columns),
            _ => DemoDataSeeder.BulkWrites.Single(w => w.Entity.Name == entity),
        };

    [Theory]
    [MemberData(nameof(BulkWrittenTables))]
    public async Task A_bulk_copy_fills_every_column_of_the_table_from_the_value_the_writer_puts_in_its_place(string entity)
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var (type, columns) = Write(entity);
        var entityType = db.Model.FindEntityType(type)!;
        var table = db.Model.GetRelationalModel().FindTable(entityType.GetTableName()!, entityType.GetSchema())!;
        // What an INSERT into the table must fill, read from the relational model the migrations are made from.
        var filled = table.Columns
            .Where(c => c.ComputedColumnSql is null && !c.PropertyMappings.Any(m => m.Property.IsPrimaryKey() && m.Property.ValueGenerated != ValueGenerated.Never))
            .Select(c => c.Name);

        await using var writer = new BulkRowWriter(new NothingTransaction(new Microsoft.Data.SqlClient.SqlConnection(), IsolationLevel.ReadCommitted),
            BulkTable.Of(db.Model, type, sqlite: false, columns));

        Assert.True(writer.CopiesInBulk);
        Assert.Equal(filled.Order(StringComparer.Ordinal), writer.Mappings.Select(m => m.DestinationColumn).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(0, columns.Length), writer.Mappings.Select(m => m.SourceOrdinal));
        for (var i = 0; i < columns.Length; i++)
        {
            var column = table.Columns.Single(c => c.PropertyMappings.Any(m => m.Property.Name == columns[i].Name));
            Assert.Equal(column.Name, writer.Mappings[i].DestinationColumn);
        }
    }

    [Fact]
    public void A_bulk_write_that_leaves_out_a_column_is_refused_before_anything_is_written()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var withoutVerbatim = FeedbackBulkWriter.Columns.Where(c => c.Name != nameof(FeedbackItem.Verbatim)).ToList();

        var refused = Assert.Throws<InvalidOperationException>(() => BulkTable.Of(db.Model, typeof(FeedbackItem), sqlite: false, withoutVerbatim));

        Assert.Contains("leaves out Verbatim", refused.Message);
    }

    [Fact]
    public async Task Feedback_is_bulk_copied_on_SQL_Server_and_inserted_row_by_row_on_SQLite()
    {
        using (var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]))
        {
            await using var writer = new FeedbackBulkWriter(sqlServer,
                new NothingTransaction(sqlServer.Database.GetDbConnection(), IsolationLevel.ReadCommitted), returnIds: true);
            Assert.True(writer.CopiesInBulk);
        }

        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using var sqliteWriter = new FeedbackBulkWriter(db, transaction.GetDbTransaction());
        Assert.Equal(database.Provider == DatabaseProvider.SqlServer, sqliteWriter.CopiesInBulk);
    }
}
