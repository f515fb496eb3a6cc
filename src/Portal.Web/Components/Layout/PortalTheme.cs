using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>The portal's colours and type; system fonts only (the portal never fetches fonts from the network).</summary>
internal static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#2e7d5b",
            // Progress bars and ready states: MudBlazor's default green is under 3:1 on white (WCAG 1.4.11).
            Success = "#2e7d5b",
            // Warnings (alerts, Needs attention): MudBlazor's orange text is under 4.5:1 on its own tint; this one is above.
            Warning = "#8a5300",
            AppbarBackground = "#163f5c",
            Background = "#f5f7fa",
            // MudBlazor's default error red is below 4.5:1 on white (WCAG 1.4.3); this one is 6.5:1.
            Error = "#b3261e",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
