using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.Cohorts;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// Settles the plan's membership candidates by asking the site (batched is-member queries, one
/// audience at a time): an add for a user who is a member already, or a removal of a user who is
/// not one any more, is dropped; a state entry found not to be a membership is forgotten.
/// </summary>
internal static class MembershipChecker
{
    public static async Task CheckAsync(TotaraClient client, SyncPlan plan, Action<SyncProgress>? progress, CancellationToken ct)
    {
        var candidates = plan.Changes.Where(c => c.NeedsCheck).ToList();
        if (candidates.Count == 0) return;
        var cohorts = new CohortsClient(client);
        var drop = new HashSet<SyncChange>();
        var done = 0;
        foreach (var group in candidates.GroupBy(c => c.CohortId!.Value))
        {
            var changes = group.ToList();
            var requests = changes.Select(c => new UserRequest(UserReference.ById(c.UserId!.Value), c)).ToList();
            var results = await cohorts.RunMembershipAsync(CohortReference.ById(group.Key), CohortMembershipAction.Test, requests, ct).ConfigureAwait(false);
            foreach (var result in results)
            {
                var change = (SyncChange)result.Request.Tag!;
                change.NeedsCheck = false;
                if (!result.Succeeded && change.Action == SyncAction.RemoveMember && result.Error!.Outcome.IsNotFound)
                {
                    // The audience or the user was deleted since the sync added the membership: nothing left to remove.
                    drop.Add(change);
                    plan.StaleState.Add(new Membership(group.Key, change.UserId!.Value));
                    continue;
                }
                if (!result.Succeeded)
                    throw new TotaraException($"Checking {change.Key}'s membership of audience {change.Audience} failed: {result.Error!.Explanation}", result.Error.Category);
                var alreadyThere = change.Action == SyncAction.AddMember ? result.IsMember : !result.IsMember;
                if (!alreadyThere) continue;
                drop.Add(change);
                if (change.Action == SyncAction.RemoveMember) plan.StaleState.Add(new Membership(group.Key, change.UserId!.Value));
            }
            done += changes.Count;
            progress?.Invoke(new SyncProgress(SyncPhase.Read, $"Checking audience memberships ({done} of {candidates.Count})", done, candidates.Count));
        }
        if (drop.Count > 0) plan.Changes.RemoveAll(drop.Contains);
    }

}
