using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CxDashboard.Web.Data;

/// <summary>
/// The table a bulk write fills and the columns it fills, named as the provider's EF model maps the
/// entity and the properties the writer supplies, so that a renamed table or column is followed and a
/// column the writer forgets is refused rather than left empty.
/// </summary>
public sealed class BulkTable
{
    private BulkTable(string name, string? schema, string keyColumn, IReadOnlyList<BulkColumn> columns, bool sqlite)
    {
        Name = name;
        Schema = schema;
        KeyColumn = keyColumn;
        Columns = columns;
        Sqlite = sqlite;
    }

    public string Name { get; }
    public string? Schema { get; }

    /// <summary>The column of the generated key, read back when the caller needs the ids written.</summary>
    public string KeyColumn { get; }

    /// <summary>The columns written, in the order the writer supplies their values.</summary>
    public IReadOnlyList<BulkColumn> Columns { get; }

    public bool Sqlite { get; }

    /// <summary>The table of <typeparamref name="TEntity"/> in <paramref name="db"/>'s model, filled through <paramref name="properties"/> (property names, in value order).</summary>
    public static BulkTable Of<TEntity>(CxDbContext db, IReadOnlyList<BulkColumn> properties) =>
        Of(db.Model, typeof(TEntity), db.Database.IsSqlite(), properties);

    public static BulkTable Of(IModel model, Type entity, bool sqlite, IReadOnlyList<BulkColumn> properties)
    {
        var type = model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        var name = type.GetTableName() ?? throw new InvalidOperationException($"{entity.Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(name, type.GetSchema());
        var columns = properties.Select(p =>
        {
            var property = type.FindProperty(p.Name) ?? throw new InvalidOperationException($"{entity.Name} has no property {p.Name} to bulk-write.");
            return p with { Name = property.GetColumnName(store)! };
        }).ToList();
        var left = WritableColumns(type).Except(columns.Select(c => c.Name), StringComparer.Ordinal).ToList();
        if (left.Count > 0)
        {
            throw new InvalidOperationException($"The bulk write of {name} leaves out {string.Join(", ", left)}: every column an INSERT fills must be written.");
        }
        var key = type.FindPrimaryKey()?.Properties is [var single] ? single.GetColumnName(store)! : "Id";
        return new BulkTable(name, type.GetSchema(), key, columns, sqlite);
    }

    /// <summary>The columns of the entity's table an INSERT fills: all but a key the database generates and computed columns.</summary>
    public static IReadOnlyList<string> WritableColumns(IEntityType type)
    {
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return type.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated.HasFlag(ValueGenerated.OnAdd)) && p.GetComputedColumnSql(store) is null)
            .Select(p => p.GetColumnName(store)!)
            .ToList();
    }
}
