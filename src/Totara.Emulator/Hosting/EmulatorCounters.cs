namespace Totara.Emulator;

/// <summary>
/// What the emulator has seen and answered since start (or the last <see cref="Reset"/>).
/// Tests and benchmarks read these instead of timing things.
/// </summary>
public sealed class EmulatorCounters
{
    private long _requests;
    private long _tokenRequests;
    private long _tokensIssued;
    private long _pointsSpent;
    private long _tooManyRequestsSent;
    private long _serverErrorsSent;
    private long _connectionsDropped;
    private long _mutationsExecuted;
    private long _unauthorized;
    private long _inFlight;
    private long _peakInFlight;

    /// <summary>GraphQL POSTs received.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests to the token endpoint.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>Access tokens handed out (by the endpoint or <see cref="EmulatorHost.IssueToken"/>).</summary>
    public long TokensIssued => Interlocked.Read(ref _tokensIssued);

    /// <summary>Complexity points charged to the rate limit.</summary>
    public long PointsSpent => Interlocked.Read(ref _pointsSpent);

    /// <summary>HTTP 429 answers.</summary>
    public long TooManyRequestsSent => Interlocked.Read(ref _tooManyRequestsSent);

    /// <summary>HTTP 5xx answers produced by fault injection.</summary>
    public long ServerErrorsSent => Interlocked.Read(ref _serverErrorsSent);

    /// <summary>Connections aborted by fault injection.</summary>
    public long ConnectionsDropped => Interlocked.Read(ref _connectionsDropped);

    /// <summary>Root mutation fields whose resolver ran.</summary>
    public long MutationsExecuted => Interlocked.Read(ref _mutationsExecuted);

    /// <summary>HTTP 401 answers from the GraphQL endpoint.</summary>
    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    /// <summary>The most GraphQL requests the endpoint was handling at one time.</summary>
    public long PeakRequestsInFlight => Interlocked.Read(ref _peakInFlight);

    public void Reset()
    {
        Interlocked.Exchange(ref _peakInFlight, Interlocked.Read(ref _inFlight));
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _tokenRequests, 0);
        Interlocked.Exchange(ref _tokensIssued, 0);
        Interlocked.Exchange(ref _pointsSpent, 0);
        Interlocked.Exchange(ref _tooManyRequestsSent, 0);
        Interlocked.Exchange(ref _serverErrorsSent, 0);
        Interlocked.Exchange(ref _connectionsDropped, 0);
        Interlocked.Exchange(ref _mutationsExecuted, 0);
        Interlocked.Exchange(ref _unauthorized, 0);
    }

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    /// <summary>A request is being handled until the returned scope is disposed.</summary>
    internal IDisposable TrackInFlight()
    {
        var now = Interlocked.Increment(ref _inFlight);
        long peak;
        while (now > (peak = Interlocked.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, now, peak) != peak)
        {
        }

        return new InFlightScope(this);
    }

    private sealed class InFlightScope(EmulatorCounters counters) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref counters._inFlight);
            }
        }
    }

    internal void CountTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    internal void CountTokenIssued() => Interlocked.Increment(ref _tokensIssued);

    internal void AddPoints(long points) => Interlocked.Add(ref _pointsSpent, points);

    internal void CountTooManyRequests() => Interlocked.Increment(ref _tooManyRequestsSent);

    internal void CountServerError() => Interlocked.Increment(ref _serverErrorsSent);

    internal void CountDrop() => Interlocked.Increment(ref _connectionsDropped);

    internal void CountMutation() => Interlocked.Increment(ref _mutationsExecuted);

    internal void CountUnauthorized() => Interlocked.Increment(ref _unauthorized);
}
