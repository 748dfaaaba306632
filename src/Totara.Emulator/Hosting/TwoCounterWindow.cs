namespace Totara.Emulator.Hosting;

/// <summary>
/// One rate-limit record as Totara keeps it (totara_api\traits\rate_limit_trait): the points of
/// the previous window, the points of the current one, and when the current one started, in
/// whole seconds. The rate is round(prev × (60 − elapsed) / 60) + current.
/// </summary>
internal sealed class TwoCounterWindow
{
    public const int WindowSeconds = 60;

    private readonly object _gate = new();
    private long? _resetSecond;
    private long _previous;
    private long _current;

    /// <summary>
    /// rate_limit_trait::has_capacity(1): rotates first when the window is over, then says whether
    /// one more point fits under <paramref name="limit"/>.
    /// </summary>
    public bool HasCapacity(long limit, long nowSecond)
    {
        lock (_gate)
        {
            // client_rate_limit / global_rate_limit middleware: model::instance(..., time()) on the first request.
            _resetSecond ??= nowSecond;
            var elapsed = nowSecond - _resetSecond.Value;
            if (elapsed < 0)
            {
                // rate_limit_trait: a reset time up to 5 s in the future counts as now; further ahead, capacity is assumed.
                if (elapsed <= -5) return true;
                elapsed = 0;
            }

            if (elapsed > WindowSeconds)
            {
                // rate_limit_trait::rotate_values: the current counter, however old, becomes prev; the window restarts now.
                _previous = _current;
                _current = 0;
                _resetSecond = nowSecond;
                elapsed = 0;
            }

            if (1 > limit) return false;
            // rate_limit_trait: at exactly 60 s elapsed neither branch applies and the request is let through.
            if (elapsed >= WindowSeconds) return true;
            var rate = Math.Round(_previous * ((WindowSeconds - elapsed) / (double)WindowSeconds), MidpointRounding.AwayFromZero) + _current;
            return rate + 1 <= limit;
        }
    }

    /// <summary>rate_limit_trait::add_value: flushed points join the current window.</summary>
    public void Add(long points)
    {
        lock (_gate)
        {
            _current += points;
        }
    }
}
