using Totara.Emulator;

namespace Totara.Testing;

/// <summary>
/// An emulated Totara site (the in-process <see cref="EmulatorHost"/>) over real HTTP on
/// 127.0.0.1 at a free port, with one API client registered. Suites wrap it to add what only
/// they need (a Totara client, a connected runspace, seeded users).
/// </summary>
public sealed class EmulatorSite : IAsyncDisposable
{
    private EmulatorSite(EmulatorHost host, string clientId, string clientSecret)
    {
        Host = host;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public EmulatorHost Host { get; }

    /// <summary>The site's address with its trailing slash, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Url => Host.Url;

    /// <summary>The address as a user types it for Connect-Totara -Url: no trailing slash.</summary>
    public string UrlText => Host.Url.ToString().TrimEnd('/');

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>
    /// Starts the site and registers <paramref name="clientId"/>. Without a
    /// <paramref name="clientSecret"/> the secret is fresh (<see cref="NewSecret"/>).
    /// </summary>
    public static async Task<EmulatorSite> StartAsync(string clientId, EmulatorOptions? options = null, string? clientSecret = null)
    {
        var host = await EmulatorHost.StartAsync(options ?? new EmulatorOptions());
        var secret = clientSecret ?? NewSecret();
        host.AddClient(clientId, secret);
        return new EmulatorSite(host, clientId, secret);
    }

    /// <summary>A secret no test can know in advance, so a test may search every stream for it.</summary>
    public static string NewSecret() => "secret-" + Guid.NewGuid().ToString("N");

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
