using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Infra.Sandbox;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Sandbox;

public sealed class SandboxOptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Sandbox:StackCreateDuration", "-00:00:05", "Sandbox:StackCreateDuration must be between")]
    [InlineData("Sandbox:StackDeleteDuration", "3.00:00:00", "Sandbox:StackDeleteDuration must be between")]
    [InlineData("Sandbox:NotebookCreateDuration", "-00:00:01", "Sandbox:NotebookCreateDuration must be between")]
    [InlineData("Sandbox:NotebookStopDuration", "10.00:00:00", "Sandbox:NotebookStopDuration must be between")]
    [InlineData("Sandbox:StackCreateDurations:SessionWorkers", "-00:01:00", "Sandbox:StackCreateDurations:SessionWorkers is -00:01:00")]
    public async Task A_negative_or_huge_duration_stops_the_portal_naming_the_key(string key, string value, string message)
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SandboxOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_and_compressed_durations_are_accepted()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?> { ["Sandbox:StackCreateDurations:SessionWorkers"] = "00:00:09" });

        Assert.Equal(TimeSpan.FromSeconds(9), host.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.CreateDurationFor("SessionWorkers"));
    }
}
