using System;

namespace Totara.Client;

/// <summary>Raised before each retry. <see cref="Reason"/> is plain text and never holds a secret.</summary>
public sealed class TotaraRetryEventArgs : EventArgs
{
    /// <summary>Describes one coming retry.</summary>
    /// <param name="attempt">1 for the first retry.</param>
    /// <param name="delay">How long the client waits before it.</param>
    /// <param name="reason">Why, as plain text without secrets.</param>
    /// <param name="operationName">The request's operation name, if it has one.</param>
    public TotaraRetryEventArgs(int attempt, TimeSpan delay, string reason, string? operationName)
    {
        Attempt = attempt;
        Delay = delay;
        Reason = reason;
        OperationName = operationName;
    }

    /// <summary>1 for the first retry.</summary>
    public int Attempt { get; }

    /// <summary>How long the client waits before this retry (the back-off, cut to what is left of <see cref="TotaraClientOptions.MaxRetryDuration"/>).</summary>
    public TimeSpan Delay { get; }

    /// <summary>Why the request is retried (e.g. the 429 or the 5xx), as plain text; never holds a secret or token.</summary>
    public string Reason { get; }

    /// <summary>The operation name of the request retried; null when it has none (e.g. a token request).</summary>
    public string? OperationName { get; }

    /// <inheritdoc/>
    public override string ToString() => $"Retry {Attempt} of {OperationName ?? "request"} in {Delay.TotalSeconds:0.#} s: {Reason}";
}
