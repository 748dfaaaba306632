using System.Collections.Generic;
using System.Linq;

namespace Totara.Sync;

/// <summary>What a sync will do: the changes in the order they are applied, and what the guard judges.</summary>
public sealed class SyncPlan
{
    internal SyncPlan(SyncOptions options, int siteUserCount)
    {
        Options = options;
        SiteUserCount = siteUserCount;
    }

    /// <summary>The options the plan was made with; the guard reads <see cref="SyncOptions.MaxRemovals"/> and <see cref="SyncOptions.Force"/> here.</summary>
    public SyncOptions Options { get; }

    /// <summary>Full or delta, and why.</summary>
    public SyncRunDecision Run { get; internal set; } = new(SyncRunKind.Full, "no -StatePath: without a state file every run reads everything.");

    /// <summary>Every change, in apply order (creates and updates first, suspensions and deletions last).</summary>
    public List<SyncChange> Changes { get; } = new();

    /// <summary>Rows refused while planning (e.g. a new user without the fields a create needs).</summary>
    public List<SyncProblem> Problems { get; } = new();

    /// <summary>Source values the site keeps in another form (markup removed), matched in that form and not resent.</summary>
    public List<RewrittenValue> RewrittenValues { get; } = new();

    /// <summary>Users on the site when it was read (deleted users excluded).</summary>
    public int SiteUserCount { get; }

    /// <summary>Rows that passed validation.</summary>
    internal int ValidRows { get; set; }

    /// <summary>Valid rows for which nothing is planned (no user, job or membership change, and not refused while planning).</summary>
    public int Unchanged =>
        ValidRows - Problems.Select(p => p.RowNumber).Distinct().Count()
        - Changes.Where(c => c.Source is not null).Select(c => c.Source!.RowNumber).Distinct().Count();

    /// <summary>
    /// Users left alone only because a refused row carries one of their keys: a delta run reads them
    /// again, since they are judged afresh once that row is fixed or leaves the source.
    /// </summary>
    internal HashSet<long> HandsOff { get; } = new();

    /// <summary>Memberships in the state file found not to be memberships any more: dropped from the state.</summary>
    internal List<Membership> StaleState { get; } = new();

    /// <summary>Suspensions plus deletions of users: what the removal guard counts first.</summary>
    public int Removals => Changes.Count(c => c.IsRemoval);

    /// <summary>Audience memberships removed (CohortMode Exact): what the removal guard counts second, on their own.</summary>
    public int MembershipRemovals => Changes.Count(c => c.Action == SyncAction.RemoveMember);

    /// <summary>How many removals the guard allows on this site: that many users, and that many memberships.</summary>
    public int AllowedRemovals => Options.MaxRemovals.AllowedFor(SiteUserCount);

    /// <summary>True when the guard would stop this plan (unless forced): too many users or too many memberships removed.</summary>
    public bool ExceedsGuard => Removals > AllowedRemovals || MembershipRemovals > AllowedRemovals;

    /// <summary>True when the guard stops this plan: it exceeds the guard and -Force was not given.</summary>
    public bool GuardRefuses => ExceedsGuard && !Options.Force;

    /// <summary>How many of the plan's changes do <paramref name="action"/>.</summary>
    /// <param name="action">The action to count.</param>
    public int Count(SyncAction action) => Changes.Count(c => c.Action == action);
}
