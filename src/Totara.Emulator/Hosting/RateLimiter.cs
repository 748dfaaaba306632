using System.Collections.Concurrent;

namespace Totara.Emulator.Hosting;

/// <summary>
/// Totara's complexity-point rate limits: one budget per API client and one for the whole site,
/// each over a sliding minute. A request is refused when the points already spent in the window
/// have reached a limit; a request that is let in is charged afterwards with what it cost.
/// </summary>
internal sealed class RateLimiter
{
    private readonly ConcurrentDictionary<string, SlidingWindowMeter> _clients = new(StringComparer.Ordinal);
    private readonly SlidingWindowMeter _site = new();
    private readonly EmulatorSwitches _switches;
    private readonly TimeProvider _clock;

    public RateLimiter(EmulatorSwitches switches, TimeProvider clock)
    {
        _switches = switches;
        _clock = clock;
    }

    public bool IsOverLimit(string clientId)
    {
        var now = _clock.GetUtcNow();
        if (_switches.RateLimitPerMinute is { } clientLimit && ClientMeter(clientId).SpentInWindow(now) >= clientLimit)
        {
            return true;
        }

        return _switches.SiteRateLimitPerMinute is { } siteLimit && _site.SpentInWindow(now) >= siteLimit;
    }

    public void Charge(string clientId, long points)
    {
        if (points <= 0)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        ClientMeter(clientId).Add(now, points);
        _site.Add(now, points);
    }

    private SlidingWindowMeter ClientMeter(string clientId) => _clients.GetOrAdd(clientId, _ => new SlidingWindowMeter());
}
