using System.Collections.Concurrent;

namespace Totara.Emulator.Hosting;

/// <summary>
/// Totara's complexity-point rate limits: one record per API client and one for the whole site
/// (totara_oauth2\webapi\middleware\client_rate_limit and global_rate_limit), each a
/// <see cref="TwoCounterWindow"/>. Several clients each spend their own budget and all of them the site's. The check runs before every root field, not once per request
/// (see <see cref="Api.RequestRateCharge"/>), and points reach the records when they are flushed.
/// </summary>
internal sealed class RateLimiter
{
    // totara_api\model\client_rate_limit: one record per API client, keyed by its client_id.
    private readonly ConcurrentDictionary<string, TwoCounterWindow> _clients = new(StringComparer.Ordinal);

    // totara_oauth2\webapi\middleware\global_rate_limit: one record (the newest row of totara_api_global_rate_limit) for every client.
    private readonly TwoCounterWindow _site = new();
    private readonly EmulatorSwitches _switches;
    private readonly TimeProvider _clock;

    public RateLimiter(EmulatorSwitches switches, TimeProvider clock)
    {
        _switches = switches;
        _clock = clock;
    }

    /// <summary>The time() Totara reads: whole seconds.</summary>
    public long NowSecond => _clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The middleware's has_capacity(1): the client's record first, then the site's (external endpoint's middleware order).</summary>
    public bool HasCapacity(string clientId)
    {
        var now = NowSecond;
        if (_switches.RateLimitPerMinute is { } clientLimit && !ClientWindow(clientId).HasCapacity(clientLimit, now))
        {
            return false;
        }

        return _switches.SiteRateLimitPerMinute is not { } siteLimit || _site.HasCapacity(siteLimit, now);
    }

    /// <summary>flush_complexity_cost: the points a request spent since its last flush join both records.</summary>
    public void Flush(string clientId, long points)
    {
        if (points <= 0)
        {
            return;
        }

        var now = NowSecond;
        ClientWindow(clientId).Add(points, now);
        _site.Add(points, now);
    }

    /// <summary>The site's windows so far (null) or one client's.</summary>
    public IReadOnlyList<RateWindowFigure> Windows(string? clientId) =>
        clientId is null ? _site.History()
        : _clients.TryGetValue(clientId, out var window) ? window.History()
        : Array.Empty<RateWindowFigure>();

    private TwoCounterWindow ClientWindow(string clientId) => _clients.GetOrAdd(clientId, _ => new TwoCounterWindow());
}
