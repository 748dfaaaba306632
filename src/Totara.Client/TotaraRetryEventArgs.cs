using System;

namespace Totara.Client;

/// <summary>Raised before each retry. <see cref="Reason"/> is plain text and never holds a secret.</summary>
public sealed class TotaraRetryEventArgs : EventArgs
{
    public TotaraRetryEventArgs(int attempt, TimeSpan delay, string reason, string? operationName)
    {
        Attempt = attempt;
        Delay = delay;
        Reason = reason;
        OperationName = operationName;
    }

    /// <summary>1 for the first retry.</summary>
    public int Attempt { get; }

    public TimeSpan Delay { get; }

    public string Reason { get; }

    public string? OperationName { get; }

    public override string ToString() => $"Retry {Attempt} of {OperationName ?? "request"} in {Delay.TotalSeconds:0.#} s: {Reason}";
}
