using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain;
using Portal.Domain.Sessions;
using Portal.Web.Components.Pages.Explore;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages;

public sealed class ExploreDatabaseGoneTests : PortalTestContext
{
    private const string Gone = "The portal's database file was deleted or moved while the portal ran, so nothing can be saved until the portal is restarted.";

    public ExploreDatabaseGoneTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));
            context.Services.AddSingleton<ISessionStore, GoneStore>();
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:ada"));
        })
    {
    }

    [Fact]
    public void A_launch_the_store_cannot_keep_says_why_and_keeps_the_form()
    {
        var cut = Render<Explore>();
        cut.Find("[data-testid=dataset-era5]").Click();

        cut.Find("[data-testid=launch]").Click();

        Assert.Equal($"The session was not launched: {Gone}", cut.Find("[role=alert]").TextContent);
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find("[data-testid=dataset-era5]").GetAttribute("aria-checked"));
    }

    private sealed class GoneStore : ISessionStore
    {
        public Task<SessionId> AddAsync(Session session, CancellationToken cancellationToken) => throw new StoreUnavailableException(Gone);

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
