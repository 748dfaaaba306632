using Totara.Emulator.Hosting;

namespace Totara.Emulator.Api;

/// <summary>
/// One request's side of the rate limits, as Totara's middleware runs it around every root
/// field: check capacity, resolve, and flush the points spent so far when a second or more has
/// passed since the last flush (COMPLEXITY_COST_FLUSH_TIME = 1); the rest is flushed when the
/// request ends (totara_api\watcher\handle_request_post_watcher).
/// </summary>
internal sealed class RequestRateCharge
{
    private readonly RateLimiter _limiter;
    private readonly string _clientId;
    private readonly ComplexityMeter _complexity;
    private readonly object _gate = new();
    private long _flushedPoints;
    private long _lastFlushSecond;
    private int _rootFieldsChecked;

    public RequestRateCharge(RateLimiter limiter, string clientId, ComplexityMeter complexity)
    {
        _limiter = limiter;
        _clientId = clientId;
        _complexity = complexity;
        // execution_context::__construct: the last flush time starts as the request's start.
        _lastFlushSecond = limiter.NowSecond;
    }

    /// <summary>True once a root field was refused: the request is answered 429 and nothing more runs.</summary>
    public bool Refused { get; private set; }

    /// <summary>Test fault: the 1-based root field whose check is refused whatever the budget (<see cref="FaultKind.TooManyRequestsMidRequest"/>).</summary>
    public int? RefuseAtRootField { get; init; }

    /// <summary>
    /// Before a root field (client_rate_limit::handle): whether a flush is due after it, and
    /// whether there is capacity. Refused: flushes, as the middleware does before send_error.
    /// </summary>
    public bool BeforeRootField(out bool flushAfter)
    {
        flushAfter = Math.Abs(_limiter.NowSecond - Volatile.Read(ref _lastFlushSecond)) >= 1;
        var forced = Interlocked.Increment(ref _rootFieldsChecked) == RefuseAtRootField;
        if (!forced && _limiter.HasCapacity(_clientId))
        {
            return true;
        }

        Refused = true;
        Flush();
        return false;
    }

    /// <summary>flush_complexity_cost: points counted since the last flush go to the records.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            var total = _complexity.Total;
            _limiter.Flush(_clientId, total - _flushedPoints);
            _flushedPoints = total;
            _lastFlushSecond = _limiter.NowSecond;
        }
    }
}
