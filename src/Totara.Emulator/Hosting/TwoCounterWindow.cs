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
    private long _peak;
    private readonly List<RateWindowFigure> _closed = new();

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
                _closed.Add(new RateWindowFigure(DateTimeOffset.FromUnixTimeSeconds(_resetSecond.Value), _current, _peak));
                _previous = _current;
                _current = 0;
                _peak = _previous;
                _resetSecond = nowSecond;
                elapsed = 0;
            }

            if (1 > limit) return false;
            // rate_limit_trait: at exactly 60 s elapsed neither branch applies and the request is let through.
            if (elapsed >= WindowSeconds) return true;
            return Rate(elapsed) + 1 <= limit;
        }
    }

    /// <summary>rate_limit_trait::add_value: flushed points join the current window (the peak rate is kept for reports).</summary>
    public void Add(long points, long nowSecond)
    {
        lock (_gate)
        {
            _current += points;
            var elapsed = Math.Clamp(nowSecond - (_resetSecond ?? nowSecond), 0, WindowSeconds);
            _peak = Math.Max(_peak, Rate(elapsed));
        }
    }

    /// <summary>Every window so far, the open one last: its start, the points it counted, and the highest rate it reached.</summary>
    public IReadOnlyList<RateWindowFigure> History()
    {
        lock (_gate)
        {
            var all = new List<RateWindowFigure>(_closed);
            if (_resetSecond is { } start) all.Add(new RateWindowFigure(DateTimeOffset.FromUnixTimeSeconds(start), _current, _peak));
            return all;
        }
    }

    private long Rate(long elapsed) =>
        (long)Math.Round(_previous * ((WindowSeconds - elapsed) / (double)WindowSeconds), MidpointRounding.AwayFromZero) + _current;
}
