namespace CxDashboard.Web.Export;

/// <summary>How a column's cells are typed and formatted in Excel.</summary>
public enum XlsxFormat
{
    Text = 0,
    Integer = 1,
    Decimal = 2,
    Date = 3,
    DateTime = 4,
    /// <summary>The text Green, Amber or Red, shown on a cell of that colour.</summary>
    Rag = 5,
}

/// <summary>One column of an exported list: its header, width in characters, value and format.</summary>
public sealed record XlsxColumn<T>(string Header, double Width, Func<T, object?> Value, XlsxFormat Format = XlsxFormat.Text);
