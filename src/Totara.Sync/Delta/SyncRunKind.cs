namespace Totara.Sync;

/// <summary>Full: reads every user, job assignment and listed membership. Delta: reads only what changed.</summary>
public enum SyncRunKind
{
    /// <summary>Reads every site user, job assignment and listed membership and reconciles them all.</summary>
    Full,
    /// <summary>Reads only the users whose rows changed since the last run (by id, from the state file) and trusts the state for the rest.</summary>
    Delta,
}

/// <summary>Which kind of run this is, and why (shown in the summary).</summary>
public sealed class SyncRunDecision
{
    /// <summary>Records the decision.</summary>
    /// <param name="kind">Which kind of run.</param>
    /// <param name="reason">Why, as a sentence for the summary.</param>
    public SyncRunDecision(SyncRunKind kind, string reason)
    {
        Kind = kind;
        Reason = reason;
    }

    /// <summary>Which kind of run this is.</summary>
    public SyncRunKind Kind { get; }

    /// <summary>Why this kind was chosen (e.g. no state yet, the last full run too old, too many rows changed), as a sentence for the summary.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}: {Reason}";
}
