using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Totara.Testing;

/// <summary>
/// A small forward HTTP proxy on 127.0.0.1 that demands Basic authentication (407 until the
/// right Proxy-Authorization comes), then forwards the request to its absolute URI and relays the
/// answer. Records each request's target, User-Agent and whether it was let through.
/// Plain http only (no CONNECT), which is what the loopback emulator speaks.
/// </summary>
public sealed class ForwardingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _expectedAuthorization;
    private readonly HttpClient _upstream = new(new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public ForwardingProxy(string user, string password)
    {
        _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public ConcurrentQueue<ProxiedRequest> Requests { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try { connection = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    // One connection may carry several requests (keep-alive), the 407 and the retry with credentials among them.
    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            var stream = connection.GetStream();
            while (!_stop.IsCancellationRequested)
            {
                var request = await ReadRequestAsync(stream);
                if (request is null) return;
                bool allowed = request.Headers.TryGetValue("proxy-authorization", out var auth) && auth == _expectedAuthorization;
                Requests.Enqueue(new ProxiedRequest(request.Target, request.Headers.GetValueOrDefault("user-agent"), allowed));
                byte[] answer = allowed ? await ForwardAsync(request) : Answer(407, "Proxy Authentication Required",
                    "Proxy-Authenticate: Basic realm=\"test proxy\"\r\n", "proxy credentials required");
                await stream.WriteAsync(answer);
            }
        }
    }

    private async Task<byte[]> ForwardAsync(Request request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Target);
        if (request.Body.Length > 0)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.Headers.TryGetValue("content-type", out var type)) message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        foreach (var (name, value) in request.Headers)
            if (name is "authorization" or "user-agent" or "accept") message.Headers.TryAddWithoutValidation(name, value);
        using var response = await _upstream.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        var type2 = response.Content.Headers.ContentType?.ToString() ?? "application/json";
        return Answer((int)response.StatusCode, response.ReasonPhrase ?? "", $"Content-Type: {type2}\r\n", body);
    }

    private static byte[] Answer(int status, string reason, string headers, string body) => Answer(status, reason, headers, Encoding.UTF8.GetBytes(body));

    private static byte[] Answer(int status, string reason, string headers, byte[] body)
    {
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {reason}\r\n{headers}Content-Length: {body.Length}\r\n\r\n");
        return head.Concat(body).ToArray();
    }

    private static async Task<Request?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one) == 0) return null;
            head.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var body = new byte[headers.TryGetValue("content-length", out var length) ? int.Parse(length) : 0];
        int read = 0;
        while (read < body.Length)
        {
            int n = await stream.ReadAsync(body.AsMemory(read));
            if (n == 0) return null;
            read += n;
        }
        return new Request(requestLine[0], requestLine[1], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _accepting; } catch (OperationCanceledException) { }
        _upstream.Dispose();
    }

    private sealed record Request(string Method, string Target, Dictionary<string, string> Headers, byte[] Body);
}

public sealed record ProxiedRequest(string Target, string? UserAgent, bool Allowed);
