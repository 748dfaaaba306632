namespace Totara.Sync;

/// <summary>Full: reads every user, job assignment and listed membership. Delta: reads only what changed.</summary>
public enum SyncRunKind
{
    Full,
    Delta,
}

/// <summary>Which kind of run this is, and why (shown in the summary).</summary>
public sealed class SyncRunDecision
{
    public SyncRunDecision(SyncRunKind kind, string reason)
    {
        Kind = kind;
        Reason = reason;
    }

    public SyncRunKind Kind { get; }

    public string Reason { get; }

    public override string ToString() => $"{Kind}: {Reason}";
}
