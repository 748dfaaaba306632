using System;
using System.Collections.Generic;

namespace Totara.Sync;

/// <summary>
/// The safety check between plan and apply: a plan that would suspend or delete more users, or
/// remove more audience memberships, than the limit allows (default 5% of the site's users, as
/// directory syncs do) is stopped before anything is sent, unless forced. Users and memberships
/// are counted apart, each against the limit: an empty or truncated source file is the usual cause
/// of either.
/// </summary>
public static class RemovalGuard
{
    /// <summary>Throws <see cref="SyncGuardException"/> when the plan exceeds the limit and is not forced.</summary>
    public static void Check(SyncPlan plan)
    {
        if (plan is null) throw new ArgumentNullException(nameof(plan));
        if (!plan.GuardRefuses) return;
        throw new SyncGuardException(plan);
    }
}

/// <summary>The removal guard stopped a plan; nothing was changed.</summary>
public sealed class SyncGuardException : Exception
{
    /// <summary>Describes the plan the guard stopped; the message names what was over the limit and how to go on (-Force or a higher -MaxRemovals).</summary>
    /// <param name="plan">The plan stopped.</param>
    public SyncGuardException(SyncPlan plan) : base(Describe(plan))
    {
        Removals = plan.Removals;
        MembershipRemovals = plan.MembershipRemovals;
        Allowed = plan.AllowedRemovals;
        SiteUsers = plan.SiteUserCount;
    }

    /// <summary>Users the plan suspends or deletes.</summary>
    public int Removals { get; }

    /// <summary>Audience memberships the plan removes.</summary>
    public int MembershipRemovals { get; }

    /// <summary>The limit, for users and for memberships each.</summary>
    public int Allowed { get; }

    /// <summary>How many users the site had (what a percentage limit is taken of).</summary>
    public int SiteUsers { get; }

    private static string Describe(SyncPlan plan)
    {
        var over = new List<string>(2);
        if (plan.Removals > plan.AllowedRemovals) over.Add("users");
        if (plan.MembershipRemovals > plan.AllowedRemovals) over.Add("audience memberships");
        return $"The sync would remove {plan.Removals} user(s) ({plan.Count(SyncAction.Suspend)} suspended, {plan.Count(SyncAction.Delete)} deleted) " +
               $"and {plan.MembershipRemovals} audience membership(s); MaxRemovals {plan.Options.MaxRemovals} allows {plan.AllowedRemovals} of each " +
               $"on a site of {plan.SiteUserCount} user(s), and the {string.Join(" and the ", over)} removed are more. " +
               "Nothing was changed. Check the source (an empty or truncated file is the usual cause); review the plan with -WhatIf, " +
               "then raise -MaxRemovals or use -Force if the removals are intended.";
    }
}
