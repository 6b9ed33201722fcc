using MudBlazor;

namespace CxDashboard.Web.Components.Layout;

/// <summary>
/// The app's look: a calm petrol blue, neutral surfaces, and text colours that keep at least 4.5:1
/// contrast on their backgrounds in both light and dark mode. Fonts are the system's own, so the
/// app needs no font download and works offline.
/// </summary>
public static class CxTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    /// <summary>
    /// The one theme every session shows. Nothing changes a theme once it is built, and each holds some 240
    /// colour objects, so open sessions share it rather than build their own.
    /// </summary>
    public static MudTheme Shared { get; } = Create();

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1D5C7F",
            PrimaryContrastText = "#FFFFFF",
            Secondary = "#6B4E8E",
            SecondaryContrastText = "#FFFFFF",
            Tertiary = "#2E6B4F",
            Info = "#1565C0",
            Success = "#2E7D32",
            Warning = "#9A4B00",
            Error = "#B3261E",
            Background = "#F5F7F9",
            BackgroundGray = "#EBEFF3",
            Surface = "#FFFFFF",
            AppbarBackground = "#1D5C7F",
            AppbarText = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#1F2933",
            DrawerIcon = "#3E4C59",
            TextPrimary = "#1F2933",
            TextSecondary = "#4A5866",
            ActionDefault = "#3E4C59",
            LinesDefault = "#D5DBE1",
            Divider = "#D5DBE1",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7CC4E8",
            PrimaryContrastText = "#0B2233",
            Secondary = "#C9B3E6",
            SecondaryContrastText = "#24133A",
            Tertiary = "#8FD3B0",
            Info = "#90CAF9",
            Success = "#81C784",
            Warning = "#FFB74D",
            Error = "#F2A19B",
            // The dark theme's status colours are light, so text on them (RAG chips, filled buttons) is dark.
            InfoContrastText = "#0B2233",
            SuccessContrastText = "#0F2613",
            WarningContrastText = "#2B1A00",
            ErrorContrastText = "#3A0B07",
            Background = "#12171C",
            BackgroundGray = "#181E24",
            Surface = "#1B2229",
            AppbarBackground = "#1B2229",
            AppbarText = "#E6EDF3",
            DrawerBackground = "#161C22",
            DrawerText = "#E6EDF3",
            DrawerIcon = "#B4C0CC",
            TextPrimary = "#E6EDF3",
            TextSecondary = "#B4C0CC",
            ActionDefault = "#B4C0CC",
            LinesDefault = "#2F3A45",
            Divider = "#2F3A45",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts, FontSize = "2rem", FontWeight = "600", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = SystemFonts, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.4" },
            H3 = new H3Typography { FontFamily = SystemFonts, FontSize = "2.5rem", FontWeight = "600", LineHeight = "1.2" },
            Button = new ButtonTypography { FontFamily = SystemFonts, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
