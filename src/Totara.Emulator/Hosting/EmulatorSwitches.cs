using System.Collections.Concurrent;

namespace Totara.Emulator;

/// <summary>
/// The live settings of a running emulator. Every property may be changed from any thread while
/// requests are being served; the next request sees the new value.
/// </summary>
public sealed class EmulatorSwitches
{
    private readonly ConcurrentQueue<FaultKind> _queuedFaults = new();
    private readonly object _randomGate = new();
    private readonly Random _random;
    private long _tokenEpoch;

    internal EmulatorSwitches(EmulatorOptions options)
    {
        LatencyMs = options.LatencyMs;
        ResolverLatencyMs = options.ResolverLatencyMs;
        FaultRate = options.FaultRate;
        DropRate = options.DropRate;
        RateLimitPerMinute = options.RateLimitPerMinute;
        SiteRateLimitPerMinute = options.SiteRateLimitPerMinute;
        MaxComplexity = options.MaxComplexity;
        MaxDepth = options.MaxDepth;
        TokenLifetime = options.TokenLifetime;
        ResponseDebug = options.ResponseDebug;
        _random = new Random(options.Seed);
    }

    public int LatencyMs { get => Volatile.Read(ref _latencyMs); set => Volatile.Write(ref _latencyMs, Math.Max(0, value)); }

    /// <summary>Milliseconds of the emulator's clock each root field waits before it resolves.</summary>
    public int ResolverLatencyMs { get => Volatile.Read(ref _resolverLatencyMs); set => Volatile.Write(ref _resolverLatencyMs, Math.Max(0, value)); }

    public double FaultRate { get => Volatile.Read(ref _faultRate); set => Volatile.Write(ref _faultRate, Share(value, nameof(FaultRate))); }

    public double DropRate { get => Volatile.Read(ref _dropRate); set => Volatile.Write(ref _dropRate, Share(value, nameof(DropRate))); }

    public int? RateLimitPerMinute { get => Read(ref _rateLimit); set => Write(ref _rateLimit, value, nameof(RateLimitPerMinute)); }

    public int? SiteRateLimitPerMinute { get => Read(ref _siteRateLimit); set => Write(ref _siteRateLimit, value, nameof(SiteRateLimitPerMinute)); }

    public int? MaxComplexity { get => Read(ref _maxComplexity); set => Write(ref _maxComplexity, value, nameof(MaxComplexity)); }

    public int? MaxDepth { get => Read(ref _maxDepth); set => Write(ref _maxDepth, value, nameof(MaxDepth)); }

    /// <summary>Totara's response_debug setting: what error text the client sees.</summary>
    public ResponseDebug ResponseDebug { get => (ResponseDebug)Volatile.Read(ref _responseDebug); set => Volatile.Write(ref _responseDebug, (int)value); }

    public TimeSpan TokenLifetime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _tokenLifetimeTicks));
        set => Interlocked.Exchange(ref _tokenLifetimeTicks, value.Ticks);
    }

    /// <summary>Faults queued by <see cref="EnqueueFaults"/> and not yet used.</summary>
    public int PendingFaults => _queuedFaults.Count;

    /// <summary>
    /// Makes the next GraphQL requests fail, one fault per request, in the given order. Queued
    /// faults are used before any random fault.
    /// </summary>
    public void EnqueueFaults(params FaultKind[] faults)
    {
        foreach (var fault in faults)
        {
            _queuedFaults.Enqueue(fault);
        }
    }

    /// <summary>Makes every access token issued so far invalid, as if all had expired.</summary>
    public void ExpireAllTokens() => Interlocked.Increment(ref _tokenEpoch);

    internal long TokenEpoch => Interlocked.Read(ref _tokenEpoch);

    /// <summary>
    /// The fault for the next request: a queued one first, else a random draw (or none).
    /// <c>Drawn</c> tells a random fault from a queued one.
    /// </summary>
    internal (FaultKind? Fault, bool Drawn) NextFault()
    {
        if (_queuedFaults.TryDequeue(out var queued))
        {
            return (queued, false);
        }

        double faultRate = FaultRate, dropRate = DropRate;
        if (faultRate <= 0 && dropRate <= 0)
        {
            return (null, false);
        }

        double draw, half;
        lock (_randomGate)
        {
            draw = _random.NextDouble();
            half = _random.NextDouble();
        }

        if (draw < faultRate)
        {
            return (FaultKind.ServerError, true);
        }

        if (draw < faultRate + dropRate)
        {
            return (half < 0.5 ? FaultKind.DropBeforeExecute : FaultKind.DropAfterExecute, true);
        }

        return (null, false);
    }

    /// <summary>Whether a random server error should read 503 rather than 500.</summary>
    internal bool NextServerErrorIsUnavailable()
    {
        lock (_randomGate)
        {
            return _random.NextDouble() < 0.5;
        }
    }

    private static double Share(double value, string name) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 1.");

    // Optional limits are kept as longs (-1 = off) so that a reader on another thread never
    // sees half of a Nullable<int> being written.
    private static int? Read(ref long field)
    {
        var value = Interlocked.Read(ref field);
        return value < 0 ? null : (int)value;
    }

    private static void Write(ref long field, int? value, string name)
    {
        if (value is < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");
        }

        Interlocked.Exchange(ref field, value ?? -1);
    }

    private int _latencyMs;
    private int _resolverLatencyMs;
    private double _faultRate;
    private double _dropRate;
    private long _rateLimit = -1;
    private long _siteRateLimit = -1;
    private long _maxComplexity = -1;
    private long _maxDepth = -1;
    private long _tokenLifetimeTicks;
    private int _responseDebug;
}
