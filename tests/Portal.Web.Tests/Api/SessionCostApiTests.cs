using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Sessions;
using Portal.Infra.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Api;

/// <summary>GET /api/v1/sessions/{id}/cost: what the generated notebook's cost cell reads, with the session's cost token.</summary>
public sealed class SessionCostApiTests : IAsyncLifetime
{
    private readonly WebHost _host = new();
    private Session _adas = null!;
    private Session _bobs = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var sessions = _host.Services.GetRequiredService<ISessionService>();
        _adas = (await sessions.FindAsync(new Actor("local:ada", "ada", false), (await sessions.LaunchAsync(new Actor("local:ada", "ada", false), SampleRequests.FirstRun, Ct)).SessionId!.Value, Ct))!;
        _bobs = (await sessions.FindAsync(new Actor("local:bob", "bob", false), (await sessions.LaunchAsync(new Actor("local:bob", "bob", false), SampleRequests.FirstRun, Ct)).SessionId!.Value, Ct))!;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Client() => _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private string TokenFor(Session session) => _host.Services.GetRequiredService<SessionCostTokens>().Issue(session);

    private static Uri CostOf(Session session) => new($"/api/v1/sessions/{session.Id}/cost", UriKind.Relative);

    [Fact]
    public async Task The_sessions_cost_token_reads_its_cost_as_json()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(_adas));

        using var response = await client.GetAsync(CostOf(_adas), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(_adas.Id.Value, json.RootElement.GetProperty("sessionId").GetString());
        Assert.Equal(_adas.HourlyCostUsd, json.RootElement.GetProperty("hourlyUsd").GetDecimal());
        Assert.True(json.RootElement.TryGetProperty("costSoFarUsd", out _));
        // Per resource: each step with its rate; together the session's rate.
        var resources = json.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(_adas.Steps.Select(s => s.ResourceName), resources.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(_adas.HourlyCostUsd, resources.Sum(r => r.GetProperty("hourlyUsd").GetDecimal()));
        Assert.All(resources, r => Assert.True(r.TryGetProperty("costing", out _)));
    }

    [Fact]
    public async Task A_token_opens_its_own_session_only()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(_adas));

        using var response = await client.GetAsync(CostOf(_bobs), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forged")]
    public async Task Without_a_valid_token_or_sign_in_the_answer_is_a_json_problem_not_a_page(string? token)
    {
        using var client = Client();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.GetAsync(CostOf(_adas), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_signed_in_user_reads_their_own_sessions_cost_and_not_anothers()
    {
        using var client = Client();
        using var signIn = await AccountForms.LocalSignInAsync(client, "ada", "User", "/", Ct);

        using var own = await client.GetAsync(CostOf(_adas), Ct);
        using var other = await client.GetAsync(CostOf(_bobs), Ct);
        using var unknown = await client.GetAsync(new Uri("/api/v1/sessions/not-a-session/cost", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_api_path_answers_json_not_the_not_found_page()
    {
        using var client = Client();
        using var signIn = await AccountForms.LocalSignInAsync(client, "ada", "User", "/", Ct);

        using var response = await client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }
}
