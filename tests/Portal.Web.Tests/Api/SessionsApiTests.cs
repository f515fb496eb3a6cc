using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Sessions;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Support.ApiCallers;

namespace Portal.Web.Tests.Api;

/// <summary>/api/v1/sessions over real HTTP: launch, list, read, stop, extend, retry and the notebook URL.</summary>
public sealed class SessionsApiTests : IAsyncLifetime
{
    private readonly WebHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The sample request as the API takes it.</summary>
    public static object Body(string? launchKey = null, int workers = 2) => new
    {
        datasets = SampleRequests.FirstRun.Datasets.Select(d => d.Value).ToArray(),
        dataType = "Both",
        variable = "air_temperature_at_2_metres",
        startDate = "2022-01-01",
        endDate = "2022-11-28",
        activityIds = new[] { "ScenarioMIP", "CMIP" },
        variableIds = new[] { "tas" },
        experiment = "ssp245",
        workersPerRegion = workers,
        maximumHours = 4,
        launchKey,
        allowDuplicate = true,
    };

    private static async Task<string> LaunchAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/sessions", Body(Guid.NewGuid().ToString("N")), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (await Json(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Launching_answers_201_with_the_session_and_where_to_follow_it()
    {
        using var ada = await SignedInAsync(_host, Ada);

        using var response = await ada.PostAsJsonAsync("/api/v1/sessions", Body("key-1"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await Json(response);
        var id = json.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/sessions/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("ada", json.GetProperty("owner").GetString());
        Assert.NotEmpty(json.GetProperty("steps").EnumerateArray());
        var stored = await _host.Services.GetRequiredService<ISessionService>().FindAsync(Ada, SessionId.Parse(id), Ct);
        Assert.NotNull(stored);
    }

    [Fact]
    public async Task The_same_launch_key_twice_makes_one_session()
    {
        using var ada = await SignedInAsync(_host, Ada);

        using var first = await ada.PostAsJsonAsync("/api/v1/sessions", Body("same-key"), Ct);
        using var second = await ada.PostAsJsonAsync("/api/v1/sessions", Body("same-key"), Ct);

        Assert.Equal((await Json(first)).GetProperty("id").GetString(), (await Json(second)).GetProperty("id").GetString());
        Assert.Single(await _host.Services.GetRequiredService<ISessionService>().ListAsync(Ada, false, Ct));
    }

    [Fact]
    public async Task A_bad_request_is_a_validation_problem_naming_each_field()
    {
        using var ada = await SignedInAsync(_host, Ada);
        var body = new { datasets = new[] { "no-such-dataset" }, startDate = "01/02/2022", workersPerRegion = 0 };

        using var response = await ada.PostAsJsonAsync("/api/v1/sessions", body, Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = (await Json(response)).GetProperty("errors");
        Assert.Contains("yyyy-MM-dd", errors.GetProperty("startDate")[0].GetString(), StringComparison.Ordinal);

        using var domain = await ada.PostAsJsonAsync("/api/v1/sessions", Body(workers: 0), Ct);
        await AssertProblemAsync(domain, HttpStatusCode.BadRequest);
        Assert.Contains("between 1 and", (await Json(domain)).GetProperty("errors").GetProperty("workersPerRegion")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await _host.Services.GetRequiredService<ISessionService>().ListAsync(Ada, false, Ct));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_problem()
    {
        using var ada = await SignedInAsync(_host, Ada);
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await ada.PostAsync("/api/v1/sessions", content, Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Users_list_their_own_sessions_in_pages_with_a_next_link()
    {
        using var ada = await SignedInAsync(_host, Ada);
        using var bob = await SignedInAsync(_host, Bob);
        var adas = new[] { await LaunchAsync(ada), await LaunchAsync(ada) };
        var bobs = await LaunchAsync(bob);

        var first = await Json(await ada.GetAsync("/api/v1/sessions?pageSize=1", Ct));
        Assert.Equal(2, first.GetProperty("total").GetInt32());
        var next = first.GetProperty("next").GetString()!;
        var second = await Json(await ada.GetAsync(next, Ct));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(s => s.GetProperty("id").GetString());
        Assert.Equal(adas.Order(), ids.Order());
        Assert.DoesNotContain(bobs, ids);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=101")]
    public async Task Paging_outside_its_bounds_is_a_validation_problem(string query)
    {
        using var ada = await SignedInAsync(_host, Ada);

        using var response = await ada.GetAsync($"/api/v1/sessions?{query}", Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_admins_list_everyones_sessions()
    {
        using var ada = await SignedInAsync(_host, Ada);
        using var root = await SignedInAsync(_host, Root);
        var adas = await LaunchAsync(ada);

        using var refused = await ada.GetAsync("/api/v1/sessions?all=true", Ct);
        await AssertProblemAsync(refused, HttpStatusCode.Forbidden);

        var all = await Json(await root.GetAsync("/api/v1/sessions?all=true", Ct));
        Assert.Contains(adas, all.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var mine = await Json(await root.GetAsync("/api/v1/sessions", Ct));
        Assert.Equal(0, mine.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_session_reads_with_state_steps_and_cost_and_is_not_found_for_others()
    {
        using var ada = await SignedInAsync(_host, Ada);
        using var bob = await SignedInAsync(_host, Bob);
        var id = await LaunchAsync(ada);

        var json = await Json(await ada.GetAsync($"/api/v1/sessions/{id}", Ct));
        Assert.True(json.TryGetProperty("state", out _));
        Assert.True(json.TryGetProperty("costSoFarUsd", out _));
        Assert.True(json.TryGetProperty("locality", out _));
        Assert.All(json.GetProperty("steps").EnumerateArray(), s => Assert.True(s.TryGetProperty("status", out _)));

        using var others = await bob.GetAsync($"/api/v1/sessions/{id}", Ct);
        await AssertProblemAsync(others, HttpStatusCode.NotFound);
        using var malformed = await ada.GetAsync("/api/v1/sessions/not-an-id", Ct);
        await AssertProblemAsync(malformed, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Stopping_stops_and_a_second_stop_changes_nothing()
    {
        using var ada = await SignedInAsync(_host, Ada);
        var id = await LaunchAsync(ada);

        using var stop = await ada.PostAsync($"/api/v1/sessions/{id}/stop", null, Ct);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal("Done", (await Json(stop)).GetProperty("outcome").GetString());

        using var again = await ada.PostAsync($"/api/v1/sessions/{id}/stop", null, Ct);
        Assert.Equal("Unchanged", (await Json(again)).GetProperty("outcome").GetString());
        var session = await _host.Services.GetRequiredService<ISessionService>().FindAsync(Ada, SessionId.Parse(id), Ct);
        Assert.NotNull(session!.StopRequestedAt);
    }

    [Fact]
    public async Task Retry_of_a_session_that_did_not_fail_is_a_conflict()
    {
        using var ada = await SignedInAsync(_host, Ada);
        var id = await LaunchAsync(ada);

        using var response = await ada.PostAsync($"/api/v1/sessions/{id}/retry", null, Ct);

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("Only a failed session", (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(73)]
    public async Task Extending_by_hours_outside_the_limit_is_a_validation_problem(int hours)
    {
        using var ada = await SignedInAsync(_host, Ada);
        var id = await LaunchAsync(ada);

        using var response = await ada.PostAsJsonAsync($"/api/v1/sessions/{id}/extend", new { hours }, Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty("hours", out _));
    }

    [Fact]
    public async Task Extending_a_ready_session_by_an_hour_moves_its_expiry()
    {
        using var ada = await SignedInAsync(_host, Ada);
        var id = await LaunchAsync(ada);
        var ready = await WaitForStateAsync(ada, id, "Ready");
        var before = ready.GetProperty("expiresAt").GetDateTimeOffset();

        using var response = await ada.PostAsJsonAsync($"/api/v1/sessions/{id}/extend", new { hours = 1 }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = (await Json(await ada.GetAsync($"/api/v1/sessions/{id}", Ct))).GetProperty("expiresAt").GetDateTimeOffset();
        Assert.Equal(before.AddHours(1), after);
    }

    [Fact]
    public async Task The_notebook_url_is_for_the_owner_of_a_ready_session_and_never_logged()
    {
        using var ada = await SignedInAsync(_host, Ada);
        using var root = await SignedInAsync(_host, Root);
        var id = await LaunchAsync(ada);

        using var early = await ada.PostAsync($"/api/v1/sessions/{id}/notebook-url", null, Ct);
        Assert.True(early.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.OK);

        await WaitForStateAsync(ada, id, "Ready");
        using var response = await ada.PostAsync($"/api/v1/sessions/{id}/notebook-url", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = (await Json(response)).GetProperty("url").GetString()!;
        Assert.True(Uri.IsWellFormedUriString(url, UriKind.Absolute));
        var secret = url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..];
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains(url, StringComparison.Ordinal) || line.Contains(secret, StringComparison.Ordinal));

        using var admins = await root.PostAsync($"/api/v1/sessions/{id}/notebook-url", null, Ct);
        await AssertProblemAsync(admins, HttpStatusCode.Forbidden);
    }

    private static async Task<JsonElement> WaitForStateAsync(HttpClient client, string id, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var json = await Json(await client.GetAsync($"/api/v1/sessions/{id}", Ct));
            if (json.GetProperty("state").GetString() == state)
            {
                return json;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The session did not become {state}; it is {json.GetProperty("state").GetString()}.");
            await Task.Delay(200, Ct);
        }
    }
}
