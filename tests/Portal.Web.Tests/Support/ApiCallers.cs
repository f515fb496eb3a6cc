using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Sessions;
using Portal.Infra.Persistence;
using Portal.Web.Auth;

namespace Portal.Web.Tests.Support;

/// <summary>Clients of the portal's API as each kind of caller: signed in with a cookie, or with a personal API token.</summary>
public static class ApiCallers
{
    public static Actor Ada { get; } = new("local:ada", "ada", false, ["team-a"]);

    public static Actor Bob { get; } = new("local:bob", "bob", false);

    public static Actor Root { get; } = new("local:root", "root", true);

    public static HttpClient Anonymous(WebApplicationFactory<Program> host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client carrying the session cookie a local sign-in as <paramref name="actor"/> would give.</summary>
    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> host, Actor actor)
    {
        var roles = actor.IsAdmin ? new[] { PortalRoles.User, PortalRoles.Admin } : [PortalRoles.User];
        var principal = SessionCookies.Principal(actor.Name, roles);
        var client = Anonymous(host);
        client.DefaultRequestHeaders.Add("Cookie", await SessionCookies.ForAsync(host, principal));
        return client;
    }

    /// <summary>A new token of <paramref name="actor"/>'s, made through the use case as the API tokens page does.</summary>
    public static async Task<CreatedApiToken> CreateTokenAsync(WebApplicationFactory<Program> host, Actor actor, ApiTokenScope scope = ApiTokenScope.ReadWrite)
    {
        var result = await host.Services.GetRequiredService<IApiTokens>().CreateAsync(actor, "tests", scope, 30, CancellationToken.None);
        return result.Created ?? throw new InvalidOperationException(result.Problem);
    }

    public static HttpClient WithToken(WebApplicationFactory<Program> host, string secret)
    {
        var client = Anonymous(host);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Moves a token's expiry into the past, as time passing would.</summary>
    public static async Task ExpireAsync(WebApplicationFactory<Program> host, string tokenId)
    {
        var factory = host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var row = await db.Set<ApiTokenRecord>().SingleAsync(t => t.Id == tokenId);
        row.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await db.SaveChangesAsync();
    }
}
