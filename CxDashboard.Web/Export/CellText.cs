namespace CxDashboard.Web.Export;

/// <summary>Text that leaves the app for a spreadsheet.</summary>
public static class CellText
{
    /// <summary>
    /// Text that a spreadsheet could take for a formula (starting with =, +, -, @, tab or carriage
    /// return) gets a leading apostrophe, so that it stays text wherever it is pasted or re-saved.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>Drops characters that XML 1.0 cannot carry (control characters other than tab and line breaks).</summary>
    public static string XmlSafe(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 && c is not ('\t' or '\n' or '\r'))
            {
                return new string(text.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray());
            }
        }
        return text;
    }
}
