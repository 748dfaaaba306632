using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Totara.Testing;

/// <summary>
/// A tiny HTTP/1.1 server on one loopback address, answering every request from a script and
/// recording what arrived: the connections accepted and each request's method, path and body.
/// One request per connection (it answers with Connection: close), which is all the tests need.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<ReceivedRequest, string> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    private LoopbackHttpServer(IPAddress address, Func<ReceivedRequest, string> answer)
    {
        _answer = answer;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseUrl = new Uri($"http://{address}:{port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Listens on <paramref name="address"/> (a loopback address) at a free port.</summary>
    public static LoopbackHttpServer Start(string address, Func<ReceivedRequest, string> answer) =>
        new(IPAddress.Parse(address), answer);

    public Uri BaseUrl { get; }

    /// <summary>Connections accepted, whether or not a whole request came on them.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public List<ReceivedRequest> Requests { get; } = new();

    /// <summary>An HTTP answer with a JSON body.</summary>
    public static string Json(int status, string json) =>
        $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(json)}\r\nConnection: close\r\n\r\n{json}";

    /// <summary>A redirect answer to <paramref name="location"/>.</summary>
    public static string Redirect(int status, string location) =>
        $"HTTP/1.1 {status} Redirect\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            try
            {
                var stream = connection.GetStream();
                var request = await ReadRequestAsync(stream);
                lock (Requests) Requests.Add(request);
                var answer = Encoding.UTF8.GetBytes(_answer(request));
                await stream.WriteAsync(answer, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
                // The client hung up; nothing to answer.
            }
        }
    }

    private async Task<ReceivedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfBlankLine(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0) throw new IOException("The connection closed before the request's headers ended.");
            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }

        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = head.Skip(1).Select(h => h.Split(':', 2)).ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text) : 0;
        var bodyStart = headerEnd + 4;
        while (buffer.Count - bodyStart < length)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0) break;
            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }
        var body = Encoding.UTF8.GetString(buffer.Skip(bodyStart).ToArray());
        return new ReceivedRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static int IndexOfBlankLine(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') return i;
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
