using System;
using System.Collections.Generic;

namespace Totara.Sync;

/// <summary>
/// After a stop, the batches in flight did not finish within the grace period and were cancelled:
/// whether their changes were applied is unknown (they stay Planned), and the batches after them
/// were skipped. A rerun settles them. The state file is left as the finished batches saved it.
/// </summary>
/// <remarks>Not an <see cref="OperationCanceledException"/>, so a host that turns cancellation into its own stop still learns what was in flight.</remarks>
public sealed class SyncAbandonedException : Exception
{
    /// <summary>Creates the exception for the changes that were in flight.</summary>
    public SyncAbandonedException(IReadOnlyList<SyncChange> inFlight, TimeSpan grace)
        : base($"The batch(es) in flight ({inFlight.Count} change(s)) did not finish within {grace.TotalSeconds:0.#} s of the stop; whether they were applied is unknown.")
    {
        InFlight = inFlight;
        Grace = grace;
    }

    /// <summary>The changes of the batches that were in flight, in plan order.</summary>
    public IReadOnlyList<SyncChange> InFlight { get; }

    /// <summary>How long the batches in flight were given after the stop.</summary>
    public TimeSpan Grace { get; }
}
