using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.LoadTests.Driver;

/// <summary>
/// One user's browser tab on the explore page, without a browser: signs in with its own cookie, reads the prerendered
/// page, opens the circuit over <c>/_blazor</c> as blazor.web.js does (negotiate, WebSockets, blazorpack,
/// <c>StartCircuit</c> then <c>UpdateRootComponents</c>), applies and acknowledges every render batch, answers the
/// page's JS interop calls, and dispatches events through the renderer's interop object as the browser does.
/// </summary>
internal sealed partial class SimulatedBrowser : IAsyncDisposable
{
    public const string WorkersInputId = "f-workers";
    public const string CostTotalTestId = "cost-total";
    public const string SearchInputId = "dataset-search";

    /// <summary>The dataset every simulated user selects: ERA5, which the form's default analysis (historical) needs.</summary>
    public const string DatasetTestId = "dataset-era5";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    private readonly RenderedPage _page = new();
    private readonly Lock _gate = new();

    // The browser's one thread: an event is read from the page and sent before the acknowledgement of a render batch
    // that replaces its handler, never after (the server forgets a replaced handler id once the batch is acknowledged).
    private readonly SemaphoreSlim _thread = new(1, 1);
    private readonly List<(Func<RenderedPage, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly HubConnection _hub;
    private long _rendererObjectId = -1;
    private long _nextJsObjectId = 1;
    private long _nextCallId;
    private string? _error;
    private int _workers = 2;

    private SimulatedBrowser(HubConnection hub) => _hub = hub;

    /// <summary>JS interop calls the server made to this tab, and how many render batches it applied.</summary>
    public int JsCalls { get; private set; }

    public int RenderBatches
    {
        get
        {
            lock (_gate)
            {
                return _page.Batches;
            }
        }
    }

    /// <summary>The cost panel's total as the page shows it now, or null when it shows none.</summary>
    public string? CostTotal
    {
        get
        {
            lock (_gate)
            {
                return _page.FindByTestId(CostTotalTestId)?.InnerText().Trim();
            }
        }
    }

    /// <summary>Signs in as <paramref name="userName"/>, opens the explore page's circuit and selects one dataset, so the cost panel shows a total.</summary>
    public static async Task<SimulatedBrowser> OpenAsync(Uri baseAddress, string userName, CancellationToken cancellationToken)
    {
        // Interactive once the dataset search takes input (the page renders its controls disabled until interactive).
        var browser = await OpenPageAsync(baseAddress, userName, "/",
            p => p.FindById(SearchInputId) is { } search && !search.Attributes.ContainsKey("disabled") && search.Handlers.ContainsKey("input"),
            cancellationToken);
        try
        {
            await browser.SelectDatasetAsync(cancellationToken);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Signs in as <paramref name="userName"/> and opens the circuit of the page at <paramref name="path"/>; returns once
    /// <paramref name="interactive"/> holds for the rendered page (default: the app bar's menu button is enabled, which
    /// every page of the main layout renders disabled until its circuit runs).
    /// </summary>
    public static async Task<SimulatedBrowser> OpenPageAsync(
        Uri baseAddress, string userName, string path, Func<RenderedPage, bool>? interactive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var cookies = new CookieContainer();
        var html = await SignInAndReadPageAsync(baseAddress, userName, path, cookies, cancellationToken);
        var prerendered = PrerenderedPage.Parse(html);
        if (prerendered.ServerMarkers.Count == 0)
        {
            throw new InvalidOperationException($"The page {path} carries no Server component marker: nothing to start a circuit with.");
        }

        var origin = baseAddress.GetLeftPart(UriPartial.Authority);
        var builder = new HubConnectionBuilder();
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var hub = builder
            .WithUrl(new Uri(baseAddress, "_blazor"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.Cookies = cookies;
                // The browser sends its page's origin; the portal refuses circuits from any other (CircuitOriginGuard).
                options.Headers["Origin"] = origin;
            })
            .Build();
        var browser = new SimulatedBrowser(hub);
        try
        {
            await browser.StartCircuitAsync(baseAddress, path, prerendered,
                interactive ?? (p => p.FindByTestId("nav-toggle") is { } menu && !menu.Attributes.ContainsKey("disabled")), cancellationToken);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Types <paramref name="workers"/> into "Workers per region"; returns when a render batch shows a new total.</summary>
    public async Task<Interaction> ChangeWorkersAsync(int workers, CancellationToken cancellationToken)
    {
        var before = CostTotal;
        var changed = WaitForAsync(p => p.FindByTestId(CostTotalTestId)?.InnerText().Trim() is { Length: > 0 } now && now != before);
        var watch = Stopwatch.StartNew();
        await InputAsync(WorkersInputId, workers.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await StepAsync(changed, $"No new total after typing {workers} workers", cancellationToken);
        watch.Stop();
        _workers = workers;
        return new Interaction(watch.Elapsed, before, CostTotal!);
    }

    /// <summary>The next step of the steady interaction: 3 workers, then 4, then 3 again (the form starts at 2).</summary>
    public Task<Interaction> AlternateWorkersAsync(CancellationToken cancellationToken) =>
        ChangeWorkersAsync(_workers == 3 ? 4 : 3, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // As a closed tab (or a lost network): the connection goes; the server keeps the circuit for its retention period.
        await _hub.DisposeAsync();
        _thread.Dispose();
    }

    private static async Task<string> SignInAndReadPageAsync(Uri baseAddress, string userName, string path, CookieContainer cookies, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = true };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        var signIn = await client.GetStringAsync(new Uri("/signin", UriKind.Relative), cancellationToken);
        var token = TokenField().Match(signIn);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["ReturnUrl"] = "/",
            ["UserName"] = userName,
            ["Role"] = "User",
        });
        // The sign-in redirects to "/": the answer is the prerendered explore page of this user.
        using var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), form, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || response.RequestMessage?.RequestUri?.AbsolutePath != "/")
        {
            throw new InvalidOperationException($"Signing in as {userName} did not lead to the explore page ({(int)response.StatusCode} at {response.RequestMessage?.RequestUri}).");
        }

        return path == "/" ? html : await client.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken);
    }

    private async Task StartCircuitAsync(
        Uri baseAddress, string path, PrerenderedPage prerendered, Func<RenderedPage, bool> isInteractive, CancellationToken cancellationToken)
    {
        _hub.On("JS.AttachComponent", [typeof(int), typeof(string)], args =>
        {
            lock (_gate)
            {
                _page.AttachRoot((int)args[0]!);
            }

            return Task.CompletedTask;
        });
        _hub.On("JS.RenderBatch", [typeof(long), typeof(byte[])], OnRenderBatchAsync);
        // .NET 10 sends (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        _hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJSAsync);
        _hub.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], args =>
        {
            if (args[1] is false)
            {
                Fail($"An event dispatch failed: {args[2]}");
            }

            return Task.CompletedTask;
        });
        _hub.On("JS.Error", [typeof(string)], args =>
        {
            Fail($"The circuit reported an error: {args[0]}");
            return Task.CompletedTask;
        });

        await _hub.StartAsync(cancellationToken);
        var pageUri = new Uri(baseAddress, path).ToString();
        var secret = await _hub.InvokeAsync<string?>("StartCircuit", baseAddress.ToString(), pageUri, "[]", prerendered.ApplicationState, cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("The server refused to start the circuit.");
        }

        var interactive = WaitForAsync(isInteractive);
        await _hub.SendAsync("UpdateRootComponents", prerendered.RootComponentOperations(), prerendered.ApplicationState, cancellationToken);
        await StepAsync(interactive, "The page did not become interactive", cancellationToken);
    }

    /// <summary>Searches the list for ERA5 and selects it: the form then has no problem and the cost panel shows a total.</summary>
    private async Task SelectDatasetAsync(CancellationToken cancellationToken)
    {
        var listed = WaitForAsync(p => p.FindByTestId(DatasetTestId) is { } b && b.Handlers.ContainsKey("click"));
        await InputAsync(SearchInputId, "era5", cancellationToken);
        await StepAsync(listed, "ERA5 did not appear in the dataset list after searching for it", cancellationToken);

        var costShown = WaitForAsync(p => p.FindByTestId(CostTotalTestId)?.InnerText().Trim() is { Length: > 0 });
        await DispatchEventAsync(
            page => (new JsonObject { ["eventHandlerId"] = page.FindByTestId(DatasetTestId)!.Handlers["click"], ["eventName"] = "click", ["eventFieldInfo"] = null },
                     new JsonObject { ["type"] = "click", ["detail"] = 1, ["button"] = 0 }),
            cancellationToken);
        await StepAsync(costShown, "No total after selecting ERA5", cancellationToken);
    }

    private static List<string> Rows(RenderedPage page)
    {
        var ids = new List<string>();
        page.Find(n =>
        {
            if (n.Attribute("data-testid") is { } id && id.StartsWith("dataset-", StringComparison.Ordinal))
            {
                ids.Add(id + ":" + string.Join(',', n.Handlers.Keys));
            }

            return false;
        });
        return ids;
    }

    /// <summary>Types <paramref name="value"/> into the input with this id (one input event, as a paste).</summary>
    private Task InputAsync(string inputId, string value, CancellationToken cancellationToken) =>
        DispatchEventAsync(
            page =>
            {
                var input = page.FindById(inputId) ?? throw new InvalidOperationException($"The page has no input '{inputId}'.");
                var handler = input.Handlers.GetValueOrDefault("input");
                if (handler == 0)
                {
                    throw new InvalidOperationException($"The input '{inputId}' has no input handler.");
                }

                return (new JsonObject
                {
                    ["eventHandlerId"] = handler,
                    ["eventName"] = "input",
                    ["eventFieldInfo"] = new JsonObject { ["componentId"] = input.RenderingComponentId(), ["fieldValue"] = value },
                }, new JsonObject { ["value"] = value });
            },
            cancellationToken);

    /// <summary>Waits for a step; on timeout says what the cost panel shows, which is where the page explains itself.</summary>
    private async Task StepAsync(Task step, string failure, CancellationToken cancellationToken)
    {
        try
        {
            await step.WaitAsync(StepTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            string? panel;
            lock (_gate)
            {
                panel = _page.FindByTestId("cost-panel")?.InnerText() + " | list: " + _page.FindByTestId("dataset-count")?.InnerText()
                        + " | rows: " + string.Join(' ', Rows(_page));
            }

            throw new TimeoutException($"{failure} within {StepTimeout.TotalSeconds} s; the cost panel says: {panel}");
        }
    }

    /// <summary>
    /// As blazor.web.js: <c>DispatchEventAsync</c> invoked on the renderer's interop object, with the descriptor and the
    /// event's arguments, both read from the page as it is when the event is sent (<paramref name="read"/>).
    /// </summary>
    private async Task DispatchEventAsync(Func<RenderedPage, (JsonObject Descriptor, JsonObject EventArgs)> read, CancellationToken cancellationToken)
    {
        ThrowIfFailed();
        var objectId = Interlocked.Read(ref _rendererObjectId);
        if (objectId < 0)
        {
            throw new InvalidOperationException("The server never attached its renderer's interop object: no event can be dispatched.");
        }

        await _thread.WaitAsync(cancellationToken);
        try
        {
            JsonObject descriptor, eventArgs;
            lock (_gate)
            {
                (descriptor, eventArgs) = read(_page);
            }

            var callId = Interlocked.Increment(ref _nextCallId).ToString(CultureInfo.InvariantCulture);
            var args = new JsonArray(descriptor, eventArgs).ToJsonString();
            await _hub.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", objectId, args, cancellationToken);
        }
        finally
        {
            _thread.Release();
        }
    }

    private async Task OnRenderBatchAsync(object?[] args)
    {
        var batchId = (long)args[0]!;
        Trace($"batch {batchId} {((byte[])args[1]!).Length} bytes");
        await _thread.WaitAsync();
        try
        {
            var batch = RenderBatch.Read((byte[])args[1]!);
            lock (_gate)
            {
                _page.Apply(batch);
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Condition(_page))
                    {
                        _waiters[i].Done.TrySetResult();
                        _waiters.RemoveAt(i);
                    }
                }
            }

            await _hub.SendAsync("OnRenderCompleted", batchId, null);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            Fail($"Render batch {batchId} could not be applied: {ex.Message}");
            await _hub.SendAsync("OnRenderCompleted", batchId, ex.Message);
        }
        finally
        {
            _thread.Release();
        }
    }

    private async Task OnBeginInvokeJSAsync(object?[] args)
    {
        var handle = (long)args[0]!;
        var identifier = (string)args[1]!;
        var argsJson = (string?)args[2];
        var resultType = (int)args[3]!;
        JsCalls++;
        Trace($"js {handle} {identifier} rt={resultType} {argsJson?[..Math.Min(argsJson.Length, 200)]}");
        if (identifier == "Blazor._internal.attachWebRendererInterop" && argsJson is not null && DotNetObject().Match(argsJson) is { Success: true } match)
        {
            Interlocked.Exchange(ref _rendererObjectId, long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        if (handle != 0)
        {
            // A plausible answer: a JS object reference when one is asked for (module imports), else nothing (void
            // calls, and values the page reads only to adjust its looks).
            var result = resultType == 1 ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}" : "null";
            await _hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
        }

        if (identifier == "Blazor._internal.Virtualize.init" && argsJson is not null && DotNetObject().Match(argsJson) is { Success: true } list)
        {
            // The browser's IntersectionObserver sees the (empty) space before the first row: the list renders the rows a
            // 400-pixel viewport shows, as it does in a browser.
            var callId = Interlocked.Increment(ref _nextCallId).ToString(CultureInfo.InvariantCulture);
            var objectId = long.Parse(list.Groups[1].Value, CultureInfo.InvariantCulture);
            await _hub.SendAsync("BeginInvokeDotNetFromJS", callId, null, "OnSpacerBeforeVisible", objectId, "[0,0,400]");
        }
    }

    private static void Trace(string line)
    {
        if (Environment.GetEnvironmentVariable("PORTAL_LOAD_TRACE") == "1")
        {
            Console.Error.WriteLine(line);
        }
    }

    private Task WaitForAsync(Func<RenderedPage, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_error is not null)
            {
                done.SetException(new InvalidOperationException(_error));
            }
            else if (condition(_page))
            {
                done.SetResult();
            }
            else
            {
                _waiters.Add((condition, done));
            }
        }

        return done.Task;
    }

    private void Fail(string error)
    {
        Trace("fail: " + error);
        lock (_gate)
        {
            _error ??= error;
            foreach (var (_, done) in _waiters)
            {
                done.TrySetException(new InvalidOperationException(error));
            }

            _waiters.Clear();
        }
    }

    private void ThrowIfFailed()
    {
        lock (_gate)
        {
            if (_error is not null)
            {
                throw new InvalidOperationException(_error);
            }
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("\"__dotNetObject\"\\s*:\\s*(\\d+)")]
    private static partial Regex DotNetObject();
}

/// <summary>One change of "Workers per region": how long until the new total arrived, and the totals before and after.</summary>
internal sealed record Interaction(TimeSpan Latency, string? TotalBefore, string TotalAfter);
