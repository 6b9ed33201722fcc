namespace CxDashboard.Web.Data;

/// <summary>
/// The index that finds a customer's feedback by their reference in capitals, as the erasure asks for it
/// (<c>UPPER(CustomerRef) = @reference</c>, whatever case the reference was recorded in): without it, erasing
/// one customer reads every feedback item. EF Core's model cannot describe an index on an expression, so the
/// migration <c>CustomerErasureIndex</c> creates it in SQL.
/// </summary>
/// <remarks>
/// SQLite drops a table's indexes with the table: a later migration that makes EF rebuild the Feedback table
/// must run <see cref="SqliteCreateSql"/> again. On SQL Server the index is on a computed column the model does
/// not know; the optimiser matches <c>UPPER([CustomerRef])</c> in a query to it.
/// </remarks>
public static class CustomerReferenceIndex
{
    public const string SqliteCreateSql = """
        CREATE INDEX IF NOT EXISTS "IX_Feedback_CustomerRefUpper" ON "Feedback" (upper("CustomerRef")) WHERE "CustomerRef" IS NOT NULL;
        """;

    public const string SqliteDropSql = """
        DROP INDEX IF EXISTS "IX_Feedback_CustomerRefUpper";
        """;

    // A computed column that is not persisted takes only a schema lock for the moment of the change; the index
    // reads the whole table (online only where the edition allows it and the script asks for it).
    public const string SqlServerCreateColumnSql = """
        ALTER TABLE [Feedback] ADD [CustomerRefUpper] AS UPPER([CustomerRef]);
        """;

    public const string SqlServerCreateIndexSql = """
        CREATE INDEX [IX_Feedback_CustomerRefUpper] ON [Feedback] ([CustomerRefUpper]);
        """;

    public const string SqlServerDropSql = """
        DROP INDEX [IX_Feedback_CustomerRefUpper] ON [Feedback];
        ALTER TABLE [Feedback] DROP COLUMN [CustomerRefUpper];
        """;
}
