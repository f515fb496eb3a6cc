using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Security;

/// <summary>Launches per user and sign-in attempts per address are limited, with a message that says how long to wait.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_from_one_address_get_429_with_a_message()
    {
        await using var portal = new WebHost(new Dictionary<string, string?> { ["Security:SignInsPerMinute"] = "3" });
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await AccountForms.LocalSignInAsync(client, "ada", "User", "/", Cancel);
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await AccountForms.LocalSignInAsync(client, "ada", "User", "/", Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Matches("^Too many sign-in attempts from your address: wait [0-9]+ seconds and try again.$", await refused.Content.ReadAsStringAsync(Cancel));
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Sign_ins_allow_ten_attempts_a_minute_by_default()
    {
        await using var portal = new WebHost();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await AccountForms.LocalSignInAsync(client, "ada", "User", "/", Cancel);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 10), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Launches_beyond_five_a_minute_of_one_user_are_refused_with_how_long_to_wait_and_others_still_launch()
    {
        await using var portal = new WebHost();
        var sessions = portal.Services.GetRequiredService<ISessionService>();
        var ada = new Actor("local:ada", "ada", isAdmin: false);
        var grace = new Actor("local:grace", "grace", isAdmin: false);
        for (var i = 0; i < 5; i++)
        {
            var launched = await sessions.LaunchAsync(ada, Command(), Cancel);
            Assert.True(launched.Succeeded, string.Join("; ", launched.Errors.Select(e => e.Message)));
        }

        var refused = await sessions.LaunchAsync(ada, Command(), Cancel);
        var other = await sessions.LaunchAsync(grace, Command(), Cancel);

        Assert.False(refused.Succeeded);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(SessionRequestField.Name, error.Field);
        Assert.Matches("^Too many launches: wait [0-9]+ seconds.$", error.Message);
        Assert.Equal(5, (await sessions.ListAsync(ada, everyone: false, Cancel)).Count);
        Assert.True(other.Succeeded);
    }

    private static LaunchCommand Command() => new(SampleRequests.FirstRun, LaunchKey: Guid.NewGuid().ToString("N"), AllowDuplicate: true);
}
