using Portal.Domain.Costs;

namespace Portal.Domain.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Domain_references_no_framework_or_cloud_assembly()
    {
        var forbidden = new[] { "Microsoft.EntityFrameworkCore", "Amazon", "AWSSDK", "Microsoft.AspNetCore", "MudBlazor", "Microsoft.Extensions" };

        var references = typeof(CostEstimate).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }
}
