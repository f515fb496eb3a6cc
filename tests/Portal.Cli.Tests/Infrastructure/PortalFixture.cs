using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Sessions;

[assembly: AssemblyFixture(typeof(Portal.Cli.Tests.Infrastructure.PortalFixture))]

// The tests check Unix file modes and start a shell script as the browser: they run where CI runs, on Linux.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]

namespace Portal.Cli.Tests.Infrastructure;

/// <summary>
/// One running portal for every CLI test, and personal API tokens made through the portal's own token use case (as the
/// API tokens page makes them). Each test uses its own user, so launch limits and duplicate checks do not cross tests.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    /// <summary>The user whose monthly budget ($1) refuses every launch.</summary>
    public const string OverBudgetUser = "penny";

    public CliPortalHost Host { get; private set; } = null!;

    public Uri Url => Host.BaseAddress;

    public ValueTask InitializeAsync()
    {
        Host = new CliPortalHost(new Dictionary<string, string?>
        {
            // A budget far below the sample launch's estimate, for the user that tests the refusal.
            ["Budgets:0:Scope"] = $"user:local:{OverBudgetUser}",
            ["Budgets:0:MonthlyLimitUsd"] = "1",
            ["Budgets:0:Name"] = "Tiny",
        }).Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    public static Actor User(string name, bool admin = false) => new($"local:{name}", name, admin, []);

    /// <summary>A new token of <paramref name="actor"/>'s: the secret and the id to revoke it by.</summary>
    public Task<CreatedApiToken> TokenAsync(Actor actor, ApiTokenScope scope = ApiTokenScope.ReadWrite) =>
        new PortalFixtureTokens(Host).CreateDetailedAsync(actor, scope);

    public async Task RevokeAsync(Actor actor, CreatedApiToken token) =>
        Assert.True(await Host.Services.GetRequiredService<IApiTokens>().RevokeAsync(actor, token.Token.Id, CancellationToken.None));
}

/// <summary>Personal API tokens made through the portal's own use case, from its DI container.</summary>
public sealed class PortalFixtureTokens(CliPortalHost host)
{
    public async Task<CreatedApiToken> CreateDetailedAsync(Actor actor, ApiTokenScope scope = ApiTokenScope.ReadWrite)
    {
        var result = await host.Services.GetRequiredService<IApiTokens>().CreateAsync(actor, "cli tests", scope, 30, CancellationToken.None);
        return result.Created ?? throw new InvalidOperationException(result.Problem);
    }

    public async Task<string> CreateAsync(Actor actor) => (await CreateDetailedAsync(actor)).Secret;
}
