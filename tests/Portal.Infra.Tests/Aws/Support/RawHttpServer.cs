using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Infra.Tests.Aws.Support;

/// <summary>What the raw server does with one request's answer.</summary>
public enum RawAnswer
{
    /// <summary>The whole answer, then the connection is closed.</summary>
    Whole,

    /// <summary>The headers and half the body, then nothing more while the connection stays open.</summary>
    StallMidBody,

    /// <summary>The headers and half the body, then a TCP reset.</summary>
    ResetMidBody,
}

/// <summary>
/// An HTTP/1.1 server on a bare socket, for what Kestrel will not do on purpose: stop or reset in the middle of a
/// 200's body. One connection per request; the n-th request gets the n-th scripted answer (the last repeats).
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly RawAnswer[] _script;
    private readonly string _body;
    private readonly List<Socket> _open = [];
    private readonly Task _loop;
    private int _requests;

    public RawHttpServer(string body, params RawAnswer[] script)
    {
        _body = body;
        _script = script;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_open)
        {
            foreach (var socket in _open)
            {
                socket.Dispose();
            }
        }

        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_open)
            {
                _open.Add(socket);
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            await ReadRequestAsync(socket);
            var index = Interlocked.Increment(ref _requests) - 1;
            var answer = _script[Math.Min(index, _script.Length - 1)];
            var body = Encoding.UTF8.GetBytes(_body);
            var head = Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + $"x-amzn-RequestId: raw-{index + 1}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await socket.SendAsync(head, SocketFlags.None, _stop.Token);
            if (answer == RawAnswer.Whole)
            {
                await socket.SendAsync(body, SocketFlags.None, _stop.Token);
                socket.Shutdown(SocketShutdown.Both);
                return;
            }

            await socket.SendAsync(body.AsMemory(0, body.Length / 2), SocketFlags.None, _stop.Token);
            if (answer == RawAnswer.ResetMidBody)
            {
                await Task.Delay(50, _stop.Token);
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                return;
            }

            await Task.Delay(Timeout.Infinite, _stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Reads the request line, headers and Content-Length bytes of body.</summary>
    private async Task ReadRequestAsync(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0)
            {
                return;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var headers = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd);
        var length = headers.Split("\r\n")
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        while (received.Count < headerEnd + 4 + length)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0)
            {
                return;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    private static int IndexOfHeaderEnd(List<byte> received)
    {
        for (var i = 3; i < received.Count; i++)
        {
            if (received[i - 3] == '\r' && received[i - 2] == '\n' && received[i - 1] == '\r' && received[i] == '\n')
            {
                return i - 3;
            }
        }

        return -1;
    }
}
