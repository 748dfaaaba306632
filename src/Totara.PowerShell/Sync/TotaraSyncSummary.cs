using System;
using System.Linq;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>
/// What one Invoke-TotaraSync run did, for a runbook's log: counts by action, outcome totals,
/// duration and every error. Written with -Summary, and always to the information stream
/// (tag TotaraSyncSummary), so <c>-InformationVariable</c> captures it beside the changes.
/// </summary>
public sealed class TotaraSyncSummary
{
    internal TotaraSyncSummary(SyncSummary summary, Uri site, DateTimeOffset startedAt, (long Requests, long Points) spent)
    {
        Site = site;
        RunKind = summary.RunKind.ToString();
        RunReason = summary.RunReason;
        Requests = spent.Requests;
        ComplexityPoints = spent.Points;
        StartedAt = startedAt;
        Duration = summary.Duration;
        WhatIf = summary.WhatIf;
        Stopped = summary.Stopped;
        SiteUsers = summary.SiteUsers;
        Invalid = summary.Invalid;
        Unchanged = summary.Unchanged;
        Planned = summary.Planned;
        Applied = summary.Applied;
        Failed = summary.Failed;
        Skipped = summary.Skipped;
        Created = summary.ByAction[SyncAction.Create];
        Updated = summary.ByAction[SyncAction.Update];
        Unsuspended = summary.ByAction[SyncAction.Unsuspend];
        Suspended = summary.ByAction[SyncAction.Suspend];
        Deleted = summary.ByAction[SyncAction.Delete];
        MembersAdded = summary.ByAction[SyncAction.AddMember];
        MembersRemoved = summary.ByAction[SyncAction.RemoveMember];
        JobAssignmentsCreated = summary.ByAction[SyncAction.CreateJobAssignment];
        JobAssignmentsUpdated = summary.ByAction[SyncAction.UpdateJobAssignment];
        PlannedUserRemovals = summary.PlannedUserRemovals;
        PlannedMembershipRemovals = summary.PlannedMembershipRemovals;
        AllowedRemovals = summary.AllowedRemovals;
        RemovalLimitExceeded = summary.RemovalLimitExceeded;
        Errors = summary.Errors.ToArray();
    }

    /// <summary>The site's base URL.</summary>
    public Uri Site { get; }

    /// <summary>When the command began (local time with its offset).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>From the start of the command to the summary: reading the source and the site, planning and applying.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Full (every user, job assignment and listed membership read) or Delta (only what changed).</summary>
    /// <remarks>Text, not Totara.Sync's enum: a value-type field of another assembly's type would make PowerShell load
    /// Totara.Sync while it scans the cmdlets, before the module's dependency resolver is installed.</remarks>
    public string RunKind { get; }

    /// <summary>Why the run was full or delta (e.g. "-Full was given.", "the state file does not exist yet.").</summary>
    public string RunReason { get; }

    /// <summary>GraphQL requests this run sent (retries included), as the client counted them.</summary>
    public long Requests { get; }

    /// <summary>Complexity points this run spent, as the client counted them: what a runbook logs against the site's budget.</summary>
    public long ComplexityPoints { get; }

    /// <summary>True for -WhatIf: the counts are what the sync would do.</summary>
    public bool WhatIf { get; }

    /// <summary>True when a stop request cut the run short (from the engine; after Ctrl+C the cmdlet reports with a warning instead).</summary>
    public bool Stopped { get; }

    /// <summary>Users on the site when it was read.</summary>
    public int SiteUsers { get; }

    /// <summary>Source rows refused (each has its own error record).</summary>
    public int Invalid { get; }

    /// <summary>Source rows whose user needed no change.</summary>
    public int Unchanged { get; }

    /// <summary>Changes in the plan, of every kind.</summary>
    public int Planned { get; }

    /// <summary>Changes the site applied.</summary>
    public int Applied { get; }

    /// <summary>Changes the site refused or whose answer was lost (each has its own error record).</summary>
    public int Failed { get; }

    /// <summary>Changes not sent: the run was stopped, or the user they depend on was not created.</summary>
    public int Skipped { get; }

    /// <summary>Users created (planned, with -WhatIf; so for every count below).</summary>
    public int Created { get; }

    /// <summary>Users whose profile fields were changed.</summary>
    public int Updated { get; }

    /// <summary>Users unsuspended.</summary>
    public int Unsuspended { get; }

    /// <summary>Users suspended.</summary>
    public int Suspended { get; }

    /// <summary>Users deleted.</summary>
    public int Deleted { get; }

    /// <summary>Audience memberships added.</summary>
    public int MembersAdded { get; }

    /// <summary>Audience memberships removed.</summary>
    public int MembersRemoved { get; }

    /// <summary>Job assignments created.</summary>
    public int JobAssignmentsCreated { get; }

    /// <summary>Job assignments whose fields were changed.</summary>
    public int JobAssignmentsUpdated { get; }

    /// <summary>Users the plan suspended or deleted, as the removal guard counted them.</summary>
    public int PlannedUserRemovals { get; }

    /// <summary>Audience memberships the plan removed, counted by the guard on their own.</summary>
    public int PlannedMembershipRemovals { get; }

    /// <summary>What -MaxRemovals allows on this site: that many users, and that many memberships.</summary>
    public int AllowedRemovals { get; }

    /// <summary>True when the removal guard refused the plan (with -WhatIf: would refuse it); nothing was changed.</summary>
    public bool RemovalLimitExceeded { get; }

    /// <summary>One line per refused row and failed change.</summary>
    public string[] Errors { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{RunKind} run ({RunReason}) {Requests} request(s), {ComplexityPoints} complexity point(s). " +
        $"{(WhatIf ? "Planned" : "Applied")}: {Created} created, {Updated} updated, {Unsuspended} unsuspended, {Suspended} suspended, " +
        $"{Deleted} deleted, {JobAssignmentsCreated} job assignment(s) created, {JobAssignmentsUpdated} updated, " +
        $"{MembersAdded} audience member(s) added, {MembersRemoved} removed; {Failed} failed, {Invalid} invalid row(s), " +
        $"{Skipped} skipped, in {Duration.TotalSeconds:0.#} s; removal guard: {PlannedUserRemovals} user(s) and {PlannedMembershipRemovals} " +
        $"membership(s) planned, {AllowedRemovals} of each allowed{(RemovalLimitExceeded ? " (refused)" : "")}";
}
