namespace Totara.Sync;

/// <summary>The sync's phases, in order.</summary>
public enum SyncPhase
{
    Validate,
    Read,
    Plan,
    Guard,
    Apply,
    Report,
}

/// <summary>How far a phase is: <see cref="Done"/> of <see cref="Total"/> (Total 0 when unknown).</summary>
public sealed class SyncProgress
{
    public SyncProgress(SyncPhase phase, string status, long done, long total)
    {
        Phase = phase;
        Status = status;
        Done = done;
        Total = total;
    }

    public SyncPhase Phase { get; }

    public string Status { get; }

    public long Done { get; }

    public long Total { get; }

    /// <summary>0-100, or -1 when the total is unknown.</summary>
    public int Percent => Total <= 0 ? -1 : (int)System.Math.Min(100, Done * 100 / Total);

    public override string ToString() => $"{Phase}: {Status}";
}
