using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Web.Components;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components;

/// <summary>The explore page's alerts are written as markup (issue 16): they must look exactly as a MudAlert does.</summary>
public sealed partial class AlertTests : PortalTestContext
{
    [Theory]
    [InlineData(Severity.Normal)]
    [InlineData(Severity.Info)]
    [InlineData(Severity.Success)]
    [InlineData(Severity.Warning)]
    [InlineData(Severity.Error)]
    public void The_markup_is_a_dense_MudAlerts_with_its_icon(Severity severity)
    {
        RenderFragment content = b => b.AddMarkupContent(0, "<strong>Heads up.</strong> Something to know");
        var mud = Render<MudAlert>(p => p.Add(x => x.Severity, severity).Add(x => x.Dense, true).Add(x => x.Class, "mb-2").Add(x => x.ChildContent, content));

        var ours = Render<Alert>(p => p.Add(x => x.Severity, severity).Add(x => x.Class, "mb-2").Add(x => x.ChildContent, content));

        // MudAlert listens for clicks (to close when asked); ours never closes, so it has no handler.
        ours.MarkupMatches(EventHandler().Replace(mud.Markup, string.Empty));
    }

    [Fact]
    public void The_fragment_carries_the_test_id_and_role()
    {
        var cut = Render(Alert.For(Severity.Warning, b => b.AddContent(0, "Budget reached"), testId: "budget-banner", role: "status"));

        var alert = cut.Find("[data-testid=budget-banner]");
        Assert.Equal("status", alert.GetAttribute("role"));
        Assert.Contains("mud-alert-text-warning", alert.ClassName, StringComparison.Ordinal);
        Assert.Equal("Budget reached", alert.QuerySelector(".mud-alert-message")!.TextContent);
    }

    [GeneratedRegex(@"\s*blazor:onclick=""\d+""")]
    private static partial Regex EventHandler();
}
