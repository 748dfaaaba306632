using System;

namespace Totara.Sync;

/// <summary>
/// The safety check between plan and apply: a plan that would suspend or delete more users than
/// the limit allows (default 5% of the site's users, as directory syncs do) is stopped before
/// anything is sent, unless forced. An empty or truncated source file is the usual cause.
/// </summary>
public static class RemovalGuard
{
    /// <summary>Throws <see cref="SyncGuardException"/> when the plan exceeds the limit and is not forced.</summary>
    public static void Check(SyncPlan plan)
    {
        if (plan is null) throw new ArgumentNullException(nameof(plan));
        if (!plan.ExceedsGuard || plan.Options.Force) return;
        throw new SyncGuardException(plan);
    }
}

/// <summary>The removal guard stopped a plan; nothing was changed.</summary>
public sealed class SyncGuardException : Exception
{
    public SyncGuardException(SyncPlan plan) : base(Describe(plan))
    {
        Removals = plan.Removals;
        Allowed = plan.AllowedRemovals;
        SiteUsers = plan.SiteUserCount;
    }

    public int Removals { get; }

    public int Allowed { get; }

    public int SiteUsers { get; }

    private static string Describe(SyncPlan plan) =>
        $"The sync would remove {plan.Removals} user(s) ({plan.Count(SyncAction.Suspend)} suspended, {plan.Count(SyncAction.Delete)} deleted) " +
        $"of the site's {plan.SiteUserCount}, more than the {plan.AllowedRemovals} that MaxRemovals {plan.Options.MaxRemovals} allows. " +
        "Nothing was changed. Check the source (an empty or truncated file is the usual cause); review the plan with -WhatIf, " +
        "then raise -MaxRemovals or use -Force if the removals are intended.";
}
