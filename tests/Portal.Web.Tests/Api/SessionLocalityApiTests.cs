using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Sessions;
using Portal.Infra.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Api;

/// <summary>POST /api/v1/sessions/{id}/locality: the notebook helper reports where the session's bytes went, with the session's token.</summary>
public sealed class SessionLocalityApiTests : IAsyncLifetime
{
    /// <summary>The contract's example: the session launched from the sample request has pools in us-east-1 and us-west-2.</summary>
    private const string Contract = """
        {"pools": {"us-east-1": {"workers": 2, "bytesRead": 123456}, "us-west-2": {"workers": 2, "bytesRead": 0}},
         "betweenPools": [{"from": "us-east-1", "to": "us-west-2", "rawBytes": 0, "resultBytes": 5400}],
         "toClientBytes": 5400}
        """;

    private static readonly Actor AdaActor = new("local:ada", "ada", false);
    private static readonly Actor BobActor = new("local:bob", "bob", false);

    // Stops finish within a pass or two, so a stopped session is seconds away.
    private readonly WebHost _host = new(new Dictionary<string, string?>
    {
        ["Sandbox:StackCreateDuration"] = "00:00:00",
        ["Sandbox:StackDeleteDuration"] = "00:00:00",
        ["Sandbox:NotebookCreateDuration"] = "00:00:00",
        ["Sandbox:NotebookStopDuration"] = "00:00:00",
    });

    private Session _adas = null!;
    private Session _bobs = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ISessionService Sessions => _host.Services.GetRequiredService<ISessionService>();

    public async ValueTask InitializeAsync()
    {
        _adas = (await Sessions.FindAsync(AdaActor, (await Sessions.LaunchAsync(AdaActor, SampleRequests.FirstRun, Ct)).SessionId!.Value, Ct))!;
        _bobs = (await Sessions.FindAsync(BobActor, (await Sessions.LaunchAsync(BobActor, SampleRequests.FirstRun, Ct)).SessionId!.Value, Ct))!;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private string TokenFor(Session session) => _host.Services.GetRequiredService<SessionCostTokens>().Issue(session);

    private async Task<HttpResponseMessage> PostAsync(string sessionId, string? token, HttpContent body)
    {
        using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.PostAsync(new Uri($"/api/v1/sessions/{sessionId}/locality", UriKind.Relative), body, Ct);
    }

    private Task<HttpResponseMessage> PostAsync(Session session, string? token, string json) =>
        PostAsync(session.Id.Value, token, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task The_contracts_example_is_accepted_and_the_owner_reads_it()
    {
        using var response = await PostAsync(_adas, TokenFor(_adas), Contract);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var figure = await Sessions.FindLocalityAsync(AdaActor, _adas.Id, Ct);
        Assert.NotNull(figure);
        Assert.Equal("read 123.5 KB in us-east-1, 0 B in us-west-2; moved between regions: 0 B raw, 5.4 KB of results", figure.Describe());
        Assert.Equal(5_400, figure.ToClientBytes);
        Assert.Equal([2L, 2L], figure.Pools.Select(p => p.Workers));
    }

    [Fact]
    public async Task A_later_report_replaces_the_earlier_one()
    {
        using var first = await PostAsync(_adas, TokenFor(_adas), Contract);
        using var second = await PostAsync(_adas, TokenFor(_adas), Contract.Replace("\"rawBytes\": 0", "\"rawBytes\": 7000", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(7_000, (await Sessions.FindLocalityAsync(AdaActor, _adas.Id, Ct))!.RawBytesBetweenRegions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forged")]
    public async Task Without_a_valid_token_the_answer_is_401_and_nothing_is_stored(string? token)
    {
        using var response = await PostAsync(_adas, token, Contract);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("token", await ProblemDetailAsync(response), StringComparison.Ordinal);
        Assert.Null(await Sessions.FindLocalityAsync(AdaActor, _adas.Id, Ct));
    }

    [Fact]
    public async Task Another_sessions_token_is_401()
    {
        using var response = await PostAsync(_adas, TokenFor(_bobs), Contract);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The token is not valid for this session, or it has expired.", await ProblemDetailAsync(response));
        Assert.Null(await Sessions.FindLocalityAsync(AdaActor, _adas.Id, Ct));
    }

    [Fact]
    public async Task A_malformed_session_id_is_404()
    {
        using var response = await PostAsync("not-a-session", TokenFor(_adas), new StringContent(Contract, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no such session.", await ProblemDetailAsync(response));
    }

    [Theory]
    [InlineData("{\"pools\": {", "not well-formed JSON")]
    [InlineData("[]", "a JSON object")]
    [InlineData("""{"betweenPools": [], "toClientBytes": 0}""", "'pools' must be an object")]
    [InlineData("""{"pools": {"us-east-1": {"workers": 2, "bytesRead": -1}}, "betweenPools": [], "toClientBytes": 0}""", "'pools.us-east-1.bytesRead' must be a whole number from 0 to 10^18; it is -1.")]
    [InlineData("""{"pools": {"us-east-1": {"workers": 2.5, "bytesRead": 0}}, "betweenPools": [], "toClientBytes": 0}""", "'pools.us-east-1.workers' must be a whole number")]
    [InlineData("""{"pools": {"us-east-1": {"workers": 2, "bytesRead": 1000000000000000001}}, "betweenPools": [], "toClientBytes": 0}""", "'pools.us-east-1.bytesRead' must be a whole number")]
    [InlineData("""{"pools": {"us-east-1": {"workers": 2, "bytesRead": "12"}}, "betweenPools": [], "toClientBytes": 0}""", "it is \"12\"")]
    [InlineData("""{"pools": {"us-east-1": {"workers": 2}}, "betweenPools": [], "toClientBytes": 0}""", "'pools.us-east-1.bytesRead' is missing")]
    [InlineData("""{"pools": {"US-EAST-1": {"workers": 2, "bytesRead": 0}}, "betweenPools": [], "toClientBytes": 0}""", "'US-EAST-1' in 'pools' is not an AWS region code.")]
    [InlineData("""{"pools": {"us-east-1": {"workers": 2, "bytesRead": 0}, "us-east-1": {"workers": 1, "bytesRead": 0}}, "betweenPools": [], "toClientBytes": 0}""", "'us-east-1' appears twice in 'pools'.")]
    [InlineData("""{"pools": {}, "betweenPools": [{"from": "us-east-1", "to": "us-east-1", "rawBytes": 0, "resultBytes": 0}], "toClientBytes": 0}""", "'betweenPools[0]' goes from us-east-1 to itself")]
    [InlineData("""{"pools": {}, "betweenPools": [{"from": "us-east-1", "to": "mars", "rawBytes": 0, "resultBytes": 0}], "toClientBytes": 0}""", "'betweenPools[0].to' is 'mars', not an AWS region code.")]
    [InlineData("""{"pools": {}, "betweenPools": [{"from": "us-east-1", "to": "us-west-2", "rawBytes": -5, "resultBytes": 0}], "toClientBytes": 0}""", "'betweenPools[0].rawBytes' must be a whole number")]
    [InlineData("""{"pools": {}, "betweenPools": [], "toClientBytes": -1}""", "'toClientBytes' must be a whole number")]
    [InlineData("""{"pools": {}, "betweenPools": {}, "toClientBytes": 0}""", "'betweenPools' must be an array")]
    public async Task A_body_that_breaks_the_contract_is_400_naming_what_is_wrong(string json, string problem)
    {
        using var response = await PostAsync(_adas, TokenFor(_adas), json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await ProblemDetailAsync(response), StringComparison.Ordinal);
        Assert.Null(await Sessions.FindLocalityAsync(AdaActor, _adas.Id, Ct));
    }

    [Fact]
    public async Task More_than_32_pools_or_256_pairs_is_400()
    {
        var pools = string.Join(", ", Enumerable.Range(0, 33).Select(i => $"\"us-east-{i}\": {{\"workers\": 1, \"bytesRead\": 0}}"));
        var pairs = string.Join(", ", Enumerable.Range(0, 257).Select(i => $"{{\"from\": \"us-east-{i}\", \"to\": \"us-west-2\", \"rawBytes\": 0, \"resultBytes\": 0}}"));

        using var tooManyPools = await PostAsync(_adas, TokenFor(_adas), $"{{\"pools\": {{{pools}}}, \"betweenPools\": [], \"toClientBytes\": 0}}");
        using var tooManyPairs = await PostAsync(_adas, TokenFor(_adas), $"{{\"pools\": {{}}, \"betweenPools\": [{pairs}], \"toClientBytes\": 0}}");

        Assert.Equal(HttpStatusCode.BadRequest, tooManyPools.StatusCode);
        Assert.Equal("'pools' names more than 32 pools.", await ProblemDetailAsync(tooManyPools));
        Assert.Equal(HttpStatusCode.BadRequest, tooManyPairs.StatusCode);
        Assert.Equal("'betweenPools' names 257 pairs; at most 256.", await ProblemDetailAsync(tooManyPairs));
    }

    [Fact]
    public async Task A_body_over_64_KB_is_413_with_or_without_a_content_length()
    {
        var padded = Contract.Replace("\"toClientBytes\"", $"\"padding\": \"{new string('x', 70_000)}\", \"toClientBytes\"", StringComparison.Ordinal);
        using var declared = new StringContent(padded, Encoding.UTF8, "application/json");
        using var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(padded)));
        streamed.Headers.ContentLength = null;

        using var withLength = await PostAsync(_adas.Id.Value, TokenFor(_adas), declared);
        using var chunked = await PostAsync(_adas.Id.Value, TokenFor(_adas), streamed);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal("The body is larger than 64 KB.", await ProblemDetailAsync(withLength));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Null(await Sessions.FindLocalityAsync(AdaActor, _adas.Id, Ct));
    }

    [Fact]
    public async Task A_region_where_the_session_has_no_pool_is_400_naming_it()
    {
        using var response = await PostAsync(_adas, TokenFor(_adas), Contract.Replace("us-west-2", "eu-north-1", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'eu-north-1' is not a region of this session's pools (us-east-1, us-west-2).", await ProblemDetailAsync(response));
        Assert.Null(await Sessions.FindLocalityAsync(AdaActor, _adas.Id, Ct));
    }

    [Fact]
    public async Task A_stopped_session_is_409()
    {
        Assert.True((await Sessions.StopAsync(AdaActor, _adas.Id, Ct)).Succeeded);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await Sessions.FindAsync(AdaActor, _adas.Id, Ct))!.State != SessionState.Stopped)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }

        using var response = await PostAsync(_adas, TokenFor(_adas), Contract);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("The session has ended (Stopped): it takes no more locality figures.", await ProblemDetailAsync(response));
    }

    [Fact]
    public async Task Neither_the_token_nor_the_body_is_logged()
    {
        var token = TokenFor(_adas);
        using var response = await PostAsync(_adas, token, Contract);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains("123456", StringComparison.Ordinal));
    }
}
