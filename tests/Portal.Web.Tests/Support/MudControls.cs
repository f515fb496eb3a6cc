using AngleSharp.Dom;
using Bunit;
using MudBlazor;

namespace Portal.Web.Tests.Support;

/// <summary>
/// Drives MudBlazor controls as a user does: a select opens on a click of its field and its options are drawn by the
/// popover provider (render one with <see cref="RenderPopovers"/> before the component under test).
/// </summary>
internal static class MudControls
{
    public static IRenderedComponent<MudPopoverProvider> RenderPopovers(this BunitContext context) => context.Render<MudPopoverProvider>();

    /// <summary>Opens the select whose input has <paramref name="inputId"/>.</summary>
    public static void OpenSelect<TComponent>(this IRenderedComponent<TComponent> cut, string inputId)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"#{inputId}").Closest(".mud-input-control")!.MouseDown();

    /// <summary>The options of the open popover, by their text (an option's text starts with its value).</summary>
    public static IReadOnlyList<IElement> Options(IRenderedComponent<MudPopoverProvider> popovers) =>
        popovers.FindAll(".mud-popover-open [role=option]");

    /// <summary>Clicks the open popover's option whose text starts with <paramref name="value"/> followed by a space or nothing.</summary>
    public static void ClickOption(IRenderedComponent<MudPopoverProvider> popovers, string value)
    {
        popovers.WaitForAssertion(() => Assert.NotEmpty(Options(popovers)));
        Options(popovers).Single(o => OptionValue(o) == value).Click();
    }

    /// <summary>The value an option stands for: the first word of its text.</summary>
    public static string OptionValue(IElement option) => option.TextContent.Trim().Split(' ', 2)[0];
}
