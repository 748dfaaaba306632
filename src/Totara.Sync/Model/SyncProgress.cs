namespace Totara.Sync;

/// <summary>The sync's phases, in order.</summary>
public enum SyncPhase
{
    /// <summary>Checking the source rows (keys, values, duplicates) before anything is read from the site.</summary>
    Validate,
    /// <summary>Reading the site: users, job assignments, audience memberships.</summary>
    Read,
    /// <summary>Comparing the source with the site to make the plan.</summary>
    Plan,
    /// <summary>Counting the plan's removals against <see cref="SyncOptions.MaxRemovals"/>.</summary>
    Guard,
    /// <summary>Sending the plan's changes.</summary>
    Apply,
    /// <summary>The summary at the end of a run. No progress is reported with this phase yet: the engine stops at <see cref="Apply"/>.</summary>
    Report,
}

/// <summary>How far a phase is: <see cref="Done"/> of <see cref="Total"/> (Total 0 when unknown).</summary>
public sealed class SyncProgress
{
    /// <summary>Describes where a phase is.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="status">What is being done, as a sentence.</param>
    /// <param name="done">How many items are done.</param>
    /// <param name="total">How many there are; 0 when unknown.</param>
    public SyncProgress(SyncPhase phase, string status, long done, long total)
    {
        Phase = phase;
        Status = status;
        Done = done;
        Total = total;
    }

    /// <summary>The phase the run is in.</summary>
    public SyncPhase Phase { get; }

    /// <summary>What is being done now, as a sentence for a progress bar (e.g. "Reading the site's users (500 of 2000)").</summary>
    public string Status { get; }

    /// <summary>How many items of the phase are done (users read, changes applied, ...).</summary>
    public long Done { get; }

    /// <summary>How many items the phase has; 0 when it is not known.</summary>
    public long Total { get; }

    /// <summary>0-100, or -1 when the total is unknown.</summary>
    public int Percent => Total <= 0 ? -1 : (int)System.Math.Min(100, Done * 100 / Total);

    /// <inheritdoc/>
    public override string ToString() => $"{Phase}: {Status}";
}
