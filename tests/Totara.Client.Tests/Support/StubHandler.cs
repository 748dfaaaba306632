using System.Net;
using System.Text;

namespace Totara.Client.Tests.Support;

/// <summary>
/// An HTTP handler that answers from a script, for the cases the emulator does not produce
/// (a proxy's HTML 502, a site lacking operations). Records every request body.
/// </summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, string, HttpResponseMessage> _answer;

    public StubHandler(Func<HttpRequestMessage, string, HttpResponseMessage> answer) => _answer = answer;

    public List<(string Path, string Body)> Requests { get; } = new();

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Token() =>
        Json(HttpStatusCode.OK, """{"token_type":"Bearer","expires_in":3600,"access_token":"stub-token-1234567890"}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests) Requests.Add((request.RequestUri!.AbsolutePath, body));
        return _answer(request, body);
    }

    public TotaraClient NewClient(Action<TotaraClientOptions>? configure = null)
    {
        var options = new TotaraClientOptions(new Uri("https://learn.example.com/site/"), TotaraCredential.FromClientCredentials("stub-client", "Stub-S3cret-a1b2c3"))
        {
            HttpHandler = this,
            TransientBaseDelay = TimeSpan.FromMilliseconds(1),
            RateLimitBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        return new TotaraClient(options);
    }
}
