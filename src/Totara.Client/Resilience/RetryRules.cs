using System;
using System.Net;

namespace Totara.Client.Resilience;

/// <summary>
/// Which failures are worth another attempt, and how long to wait first. A query is always
/// safe to resend; a mutation whose answer was lost may already be applied and is never
/// resent here (the batch executor recovers it per alias), nor is a mutation of several root
/// fields that a 429 cut off (Totara checks the rate limit before each root field).
/// </summary>
internal sealed class RetryRules
{
    private readonly TimeSpan _rateLimitBase;
    private readonly TimeSpan _transientBase;
    private readonly TimeSpan _maxDelay;
    private readonly Random _random = new();

    public RetryRules(TimeSpan rateLimitBase, TimeSpan transientBase, TimeSpan maxDelay)
    {
        _rateLimitBase = rateLimitBase;
        _transientBase = transientBase;
        _maxDelay = maxDelay;
    }

    public static bool IsRetryable(Exception? exception, bool isMutation, bool resendableAfterRateLimit = true) => exception switch
    {
        TotaraRateLimitException => resendableAfterRateLimit,
        TotaraServerException server => server.StatusCode is null || (int)server.StatusCode >= 500 || server.StatusCode == HttpStatusCode.RequestTimeout,
        TotaraConnectionException connection => !isMutation || !connection.AnswerLost,
        _ => false,
    };

    /// <summary>
    /// Jittered exponential back-off. Totara's 429 has no Retry-After and its points fade
    /// over 60 to 120 s, so its back-off starts at seconds, not milliseconds.
    /// </summary>
    public TimeSpan DelayFor(Exception? exception, int retryIndex)
    {
        var baseDelay = exception is TotaraRateLimitException ? _rateLimitBase : _transientBase;
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retryIndex, 16));
        double jitter;
        lock (_random) jitter = 0.8 + (_random.NextDouble() * 0.4);
        var milliseconds = Math.Min(exponential * jitter, _maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    public static string Describe(Exception? exception) => exception switch
    {
        TotaraRateLimitException => "Totara answered 429 Too many requests (rate limit); backing off",
        TotaraServerException server => server.Message,
        TotaraConnectionException connection => connection.Message,
        null => "unknown",
        _ => exception.Message,
    };
}
