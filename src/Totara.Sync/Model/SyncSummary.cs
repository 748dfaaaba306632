using System;
using System.Collections.Generic;
using System.Linq;

namespace Totara.Sync;

/// <summary>What a run did, in numbers a runbook can log: counts by action and outcome, duration, errors.</summary>
public sealed class SyncSummary
{
    /// <summary>Counts what a run planned and did.</summary>
    /// <param name="plan">The plan; null when the run stopped before it had one (e.g. every row refused).</param>
    /// <param name="problems">The rows refused.</param>
    /// <param name="duration">How long the run took.</param>
    /// <param name="whatIf">True for a run that only planned (-WhatIf).</param>
    /// <param name="stopped">True when the run was stopped before every change was sent.</param>
    public SyncSummary(SyncPlan? plan, IReadOnlyList<SyncProblem> problems, TimeSpan duration, bool whatIf, bool stopped)
    {
        var changes = (IReadOnlyList<SyncChange>?)plan?.Changes ?? Array.Empty<SyncChange>();
        Duration = duration;
        RunKind = plan?.Run.Kind ?? SyncRunKind.Full;
        RunReason = plan?.Run.Reason ?? "";
        WhatIf = whatIf;
        Stopped = stopped;
        SiteUsers = plan?.SiteUserCount ?? 0;
        Unchanged = plan?.Unchanged ?? 0;
        Invalid = problems.Select(p => p.RowNumber).Distinct().Count();
        Planned = changes.Count;
        Applied = changes.Count(c => c.Outcome == SyncOutcome.Applied);
        Failed = changes.Count(c => c.Outcome == SyncOutcome.Failed);
        Skipped = changes.Count(c => c.Outcome == SyncOutcome.Skipped);
        PlannedUserRemovals = plan?.Removals ?? 0;
        PlannedMembershipRemovals = plan?.MembershipRemovals ?? 0;
        AllowedRemovals = plan?.AllowedRemovals ?? 0;
        RemovalLimitExceeded = plan is not null && plan.GuardRefuses;
        // In a plan (WhatIf) the counts are what would be done; after applying, what was done.
        bool Counts(SyncChange c) => whatIf ? c.Outcome == SyncOutcome.Planned : c.Outcome == SyncOutcome.Applied;
        ByAction = Enum.GetValues(typeof(SyncAction)).Cast<SyncAction>()
            .ToDictionary(a => a, a => changes.Count(c => c.Action == a && Counts(c)));
        Errors = problems.Select(p => p.ToString())
            .Concat(changes.Where(c => c.Outcome == SyncOutcome.Failed).Select(c => $"{c.Action} {c.Key}{(c.Audience is null ? "" : " in " + c.Audience)}: {c.Error}"))
            .ToList();
    }

    /// <summary>How long the run took, wall clock, reading and applying included.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Full or delta.</summary>
    public SyncRunKind RunKind { get; }

    /// <summary>Why it was full or delta.</summary>
    public string RunReason { get; }

    /// <summary>True for a run that only planned (-WhatIf): the counts are what would be done.</summary>
    public bool WhatIf { get; }

    /// <summary>True when Ctrl+C stopped the run before every change was sent.</summary>
    public bool Stopped { get; }

    /// <summary>How many users the site had when it was read (what a percentage removal limit is taken of); 0 without a plan.</summary>
    public int SiteUsers { get; }

    /// <summary>Source rows whose user needed no change.</summary>
    public int Unchanged { get; }

    /// <summary>Source rows refused (validation or planning).</summary>
    public int Invalid { get; }

    /// <summary>How many changes the plan held, whatever their outcome.</summary>
    public int Planned { get; }

    /// <summary>How many changes the site made.</summary>
    public int Applied { get; }

    /// <summary>How many changes were sent and refused (or their answer lost); see <see cref="Errors"/>.</summary>
    public int Failed { get; }

    /// <summary>How many changes were never sent (waiting on a failed change, the service account, or a stopped run).</summary>
    public int Skipped { get; }

    /// <summary>Suspensions plus deletions the plan held, as the removal guard counted them.</summary>
    public int PlannedUserRemovals { get; }

    /// <summary>Audience membership removals the plan held, counted by the guard on their own.</summary>
    public int PlannedMembershipRemovals { get; }

    /// <summary>The guard's limit (-MaxRemovals on this site): that many users, and that many memberships.</summary>
    public int AllowedRemovals { get; }

    /// <summary>True when the guard refused (or, for -WhatIf, would refuse) the plan: nothing was changed.</summary>
    public bool RemovalLimitExceeded { get; }

    /// <summary>Changes done (or, for -WhatIf, to do) per action.</summary>
    public IReadOnlyDictionary<SyncAction, int> ByAction { get; }

    /// <summary>Every refused row and failed change, one line each.</summary>
    public IReadOnlyList<string> Errors { get; }
}
