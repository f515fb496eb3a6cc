using Bunit;
using Portal.Web.Components.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Sessions;

public sealed class SelectedChipsTests : PortalTestContext
{
    [Fact]
    public void Each_chip_closes_with_a_focusable_named_button()
    {
        string? removed = null;
        var cut = Render<SelectedChips>(p => p
            .Add(x => x.Values, ["tas", "pr"])
            .Add(x => x.Label, "variable ID")
            .Add(x => x.OnRemove, v => removed = v));

        var buttons = cut.FindAll(".mud-chip-close-button");
        Assert.Equal(2, buttons.Count);
        Assert.All(buttons, b =>
        {
            Assert.Equal("BUTTON", b.TagName);
            Assert.NotEqual("-1", b.GetAttribute("tabindex"));
            Assert.False(string.IsNullOrWhiteSpace(b.GetAttribute("aria-label")), b.OuterHtml);
        });

        buttons[1].Click();
        Assert.Equal("pr", removed);
    }
}
