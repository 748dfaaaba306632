using System.Collections.Concurrent;
using Totara.Emulator;

namespace Totara.Client.Tests.Support;

/// <summary>An emulated site on 127.0.0.1 with one API client, and a Totara client for it.</summary>
internal sealed class TestSite : IAsyncDisposable
{
    public const string ClientId = "client-tests";

    // Distinctive so a leak is easy to spot in any text.
    public const string Secret = "Sup3r-S3cret-9b1f07c4e2";

    private readonly List<TotaraClient> _clients = new();
    private readonly EmulatorSite _site;

    private TestSite(EmulatorSite site, VirtualClock? clock)
    {
        _site = site;
        Clock = clock;
    }

    public EmulatorHost Host => _site.Host;

    public VirtualClock? Clock { get; }

    /// <summary>Every retry any client of this site announced.</summary>
    public ConcurrentQueue<TotaraRetryEventArgs> Retries { get; } = new();

    public TotaraClient Client => _clients[0];

    public static async Task<TestSite> StartAsync(
        Action<EmulatorOptions>? emulator = null, Action<TotaraClientOptions>? client = null, bool virtualClock = false)
    {
        var clock = virtualClock ? new VirtualClock() : null;
        var options = new EmulatorOptions();
        if (clock is not null) options.Clock = clock;
        emulator?.Invoke(options);
        var site = new TestSite(await EmulatorSite.StartAsync(ClientId, options, Secret), clock);
        site.NewClient(client);
        return site;
    }

    public TotaraClient NewClient(Action<TotaraClientOptions>? configure = null, TotaraCredential? credential = null) =>
        NewClient(configure, new[] { credential ?? TotaraCredential.FromClientCredentials(ClientId, Secret) });

    /// <summary>
    /// A client spread over this site's API client and <paramref name="more"/> others, registered
    /// here as <c>client-tests-2</c>, <c>client-tests-3</c>, … (the same secret with the number appended).
    /// </summary>
    public TotaraClient NewSpreadClient(int more, Action<TotaraClientOptions>? configure = null)
    {
        var credentials = new List<TotaraCredential> { TotaraCredential.FromClientCredentials(ClientId, Secret) };
        for (var i = 2; i <= more + 1; i++)
        {
            Host.AddClient(ClientId + "-" + i, Secret + i);   // registering again changes nothing
            credentials.Add(TotaraCredential.FromClientCredentials(ClientId + "-" + i, Secret + i));
        }
        return NewClient(configure, credentials);
    }

    private TotaraClient NewClient(Action<TotaraClientOptions>? configure, IReadOnlyList<TotaraCredential> credentials)
    {
        var options = new TotaraClientOptions(Host.Url, credentials)
        {
            // Short back-offs keep the tests quick; the rules are the same.
            RateLimitBaseDelay = TimeSpan.FromMilliseconds(50),
            TransientBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
        if (Clock is not null) options.Clock = Clock;
        configure?.Invoke(options);
        var client = new TotaraClient(options);
        client.Retrying += (_, e) => Retries.Enqueue(e);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await _site.DisposeAsync();
    }
}
