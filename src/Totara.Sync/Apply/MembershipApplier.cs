using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.Cohorts;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// Sends one batch of audience adds or removes, keeping the state file a superset of what the
/// sync added: an add is recorded (and saved) before it is sent, a removal forgotten only after
/// it is applied. A crash at any moment thus leaves at most a recorded add that never happened,
/// which the next run tests, finds missing and either makes or forgets.
/// </summary>
internal static class MembershipApplier
{
    public static async Task ApplyAsync(TotaraClient client, IReadOnlyList<SyncChange> batch, StateKeeper state, CancellationToken ct)
    {
        var add = batch[0].Action == SyncAction.AddMember;
        var ready = new List<SyncChange>(batch.Count);
        var recordedBefore = new HashSet<SyncChange>();
        foreach (var change in batch)
        {
            if (change.DependsOn is { } create)
            {
                if (create.Outcome != SyncOutcome.Applied) { change.Settle(SyncOutcome.Skipped, $"the user was not created ({create.Outcome})."); continue; }
                change.UserId ??= create.UserId;
            }
            if (add && change.UserId is long id && state.Record(new Membership(change.CohortId!.Value, id))) recordedBefore.Add(change);
            ready.Add(change);
        }
        if (ready.Count == 0) return;
        if (add) state.Save();

        var cohorts = new CohortsClient(client);
        foreach (var group in ready.GroupBy(c => c.CohortId!.Value))
        {
            var requests = group.Select(c => new UserRequest(Reference(c), c)).ToList();
            var results = await cohorts.RunMembershipAsync(CohortReference.ById(group.Key),
                add ? CohortMembershipAction.Add : CohortMembershipAction.Remove, requests, ct).ConfigureAwait(false);
            foreach (var result in results)
            {
                var change = (SyncChange)result.Request.Tag!;
                change.UserId ??= result.UserId;
                var membership = change.UserId is long userId ? new Membership(group.Key, userId) : (Membership?)null;
                if (!result.Succeeded)
                {
                    change.Settle(SyncOutcome.Failed, result.Error!.Explanation);
                    if (add && membership is { } failed && recordedBefore.Contains(change)) state.Forget(failed);
                    continue;
                }
                change.Settle(SyncOutcome.Applied);
                if (membership is not { } done) continue;
                // A member already (someone else added them): not the sync's to remove later.
                if (add && result.Outcome == CohortMembershipOutcome.AlreadyMember && recordedBefore.Contains(change)) state.Forget(done);
                else if (add) state.Record(done);
                else state.Forget(done);
            }
        }
        state.Save();
    }

    private static UserReference Reference(SyncChange change) =>
        change.UserId is long id ? UserReference.ById(id) : UserReference.ByUsername(change.Username!);
}
