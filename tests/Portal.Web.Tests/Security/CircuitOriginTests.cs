using System.Net;
using System.Net.WebSockets;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Security;

/// <summary>
/// Cross-site WebSocket hijacking: only pages of the portal may open a circuit with the user's cookie. The portal runs
/// on Kestrel at a loopback port; a real WebSocket client and HttpClient play a signed-in browser on other origins.
/// </summary>
public sealed class CircuitOriginTests : IAsyncLifetime
{
    private const string Proxy = "https://portal.example.org";
    private readonly WebHost _host = new(new Dictionary<string, string?> { ["Security:AllowedOrigins:0"] = Proxy });
    private readonly CookieContainer _cookies = new();
    private Uri _address = null!;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string OwnOrigin => _address.GetLeftPart(UriPartial.Authority);

    /// <summary>The same host on another port: another origin to the browser, the classic attacker's page on localhost.</summary>
    private string ForeignOrigin => $"http://127.0.0.1:{(_address.Port == 65535 ? 65534 : _address.Port + 1)}";

    public async ValueTask InitializeAsync()
    {
        _address = _host.StartOnLoopback();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = _address };
        using var signIn = await AccountForms.LocalSignInAsync(_client, "ada", "User", "/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string> RefusedOrigins => new() { "foreign", "null", "none", "http://localhost.evil.example", "https://127.0.0.1" };

    [Theory]
    [MemberData(nameof(RefusedOrigins))]
    public async Task A_websocket_upgrade_from_another_origin_or_none_is_refused_with_403(string origin)
    {
        using var socket = Socket(Resolve(origin));

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(BlazorHub("ws"), Cancel));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
        Assert.NotNull(refused);
    }

    [Theory]
    [MemberData(nameof(RefusedOrigins))]
    public async Task A_negotiate_from_another_origin_or_none_is_refused_with_403(string origin)
    {
        using var response = await NegotiateAsync(Resolve(origin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("connectionToken", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_websocket_upgrade_from_the_portals_own_origin_opens_the_circuit()
    {
        using var socket = Socket(OwnOrigin);

        await socket.ConnectAsync(BlazorHub("ws"), Cancel);

        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Cancel);
    }

    [Fact]
    public async Task A_negotiate_from_the_portals_own_origin_or_a_configured_one_is_answered()
    {
        using var own = await NegotiateAsync(OwnOrigin);
        using var proxied = await NegotiateAsync(Proxy);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("connectionToken", await own.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
    }

    [Fact]
    public async Task Pages_and_scripts_need_no_origin()
    {
        using var page = await _client.GetAsync(new Uri("/sessions", UriKind.Relative), Cancel);
        using var script = await _client.GetAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    private string? Resolve(string origin) => origin switch { "foreign" => ForeignOrigin, "none" => null, _ => origin };

    private ClientWebSocket Socket(string? origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.Cookies = _cookies;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        return socket;
    }

    private async Task<HttpResponseMessage> NegotiateAsync(string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await _client.SendAsync(request, Cancel);
    }

    private Uri BlazorHub(string scheme) => new UriBuilder(_address) { Scheme = scheme, Path = "/_blazor" }.Uri;
}
