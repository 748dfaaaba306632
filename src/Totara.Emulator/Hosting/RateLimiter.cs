using System.Collections.Concurrent;

namespace Totara.Emulator.Hosting;

/// <summary>
/// Totara's complexity-point rate limits: one record per API client and one for the whole site
/// (totara_oauth2\webapi\middleware\client_rate_limit and global_rate_limit), each a
/// <see cref="TwoCounterWindow"/>. The check runs before every root field, not once per request
/// (see <see cref="Api.RequestRateCharge"/>), and points reach the records when they are flushed.
/// </summary>
internal sealed class RateLimiter
{
    private readonly ConcurrentDictionary<string, TwoCounterWindow> _clients = new(StringComparer.Ordinal);
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

        ClientWindow(clientId).Add(points);
        _site.Add(points);
    }

    private TwoCounterWindow ClientWindow(string clientId) => _clients.GetOrAdd(clientId, _ => new TwoCounterWindow());
}
