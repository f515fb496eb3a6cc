using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Sessions;
using Portal.Web.Components.Pages.Explore;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages;

public sealed class ExploreLaunchFailureTests : PortalTestContext
{
    public ExploreLaunchFailureTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));
            context.Services.AddSingleton<ISessionStore, UnavailableStore>();
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:ada"));
        })
    {
    }

    [Fact]
    public void A_launch_the_database_refuses_keeps_the_form_and_says_to_try_again()
    {
        var cut = Render<Explore>();
        cut.Find("[data-testid=dataset-era5]").Click();

        cut.Find("[data-testid=launch]").Click();

        Assert.Contains("could not be launched just now; nothing was created", cut.Markup, StringComparison.Ordinal);
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-testid=launch]").HasAttribute("disabled"));
        Assert.Equal("true", cut.Find("[data-testid=dataset-era5]").GetAttribute("aria-checked"));
    }

    private sealed class UnavailableStore : ISessionStore
    {
        public Task<SessionId> AddAsync(Session session, CancellationToken cancellationToken) => throw new InvalidOperationException("database is locked");

        public Task<Session?> FindByLaunchKeyAsync(string owner, string launchKey, CancellationToken cancellationToken) => Task.FromResult<Session?>(null);

        public Task<string?> FindStepDocumentAsync(SessionId id, string resourceName, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task<Session?> FindAsync(SessionId id, CancellationToken cancellationToken) => Task.FromResult<Session?>(null);

        public Task<Session?> UpdateAsync(SessionId id, Action<Session> change, CancellationToken cancellationToken) => Task.FromResult<Session?>(null);

        public Task<IReadOnlyList<Session>> ListAsync(string? owner, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Session>>([]);

        public Task<IReadOnlyList<SessionId>> ListNeedingWorkAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SessionId>>([]);

        public Task AppendEventsAsync(IReadOnlyCollection<SessionEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<SessionEvent>> ListEventsAsync(SessionId id, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SessionEvent>>([]);
    }
}
