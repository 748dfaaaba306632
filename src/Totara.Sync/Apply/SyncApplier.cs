using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.Cohorts;

namespace Totara.Sync;

/// <summary>
/// Applies a plan's batches, each one request's worth of one kind of change (<see cref="BatchScheduler"/>
/// is the loop). The state file is saved after every membership batch and every batch of deletions.
/// </summary>
internal sealed class SyncApplier
{
    private readonly TotaraClient _client;
    private readonly StateKeeper _state;

    public SyncApplier(TotaraClient client, StateKeeper state)
    {
        _client = client;
        _state = state;
    }

    /// <summary>True when a stop request left part of the plan unsent.</summary>
    public bool Stopped { get; private set; }

    /// <summary>
    /// The plan's changes cut into batches: consecutive changes of one action, at most one
    /// request's worth each.
    /// </summary>
    public static List<List<SyncChange>> Batches(TotaraClient client, SyncPlan plan)
    {
        var userBatch = client.Users.OperationsPerRequest();
        var memberBatch = client.Cohorts.OperationsPerRequest(CohortMembershipAction.Add);
        var jobBatch = client.JobAssignments.OperationsPerRequest();
        var changes = plan.Changes;
        var batches = new List<List<SyncChange>>();
        var start = 0;
        while (start < changes.Count)
        {
            var action = changes[start].Action;
            var size = changes[start].RecordType switch
            {
                SyncRecordType.AudienceMember => memberBatch,
                SyncRecordType.JobAssignment => jobBatch,
                _ => userBatch,
            };
            var end = start;
            while (end < changes.Count && end - start < size && changes[end].Action == action) end++;
            batches.Add(changes.GetRange(start, end - start));
            start = end;
        }
        return batches;
    }

    /// <summary>
    /// Whether batches like this one may be in flight together: creates, updates and (un)suspensions
    /// each name other users (the plan has one change a user), and they leave the state file alone.
    /// Job assignments go one batch after another (managers first); memberships and deletions write state.
    /// </summary>
    public static bool CanOverlap(IReadOnlyList<SyncChange> batch) =>
        batch.Count > 0 && batch[0].RecordType == SyncRecordType.User
        && batch[0].Action is SyncAction.Create or SyncAction.Update or SyncAction.Suspend or SyncAction.Unsuspend;

    /// <summary>Forgets the state entries planning found stale; call once before the first batch.</summary>
    public void Begin(SyncPlan plan)
    {
        foreach (var stale in plan.StaleState) _state.Forget(stale);
        _state.Save();
    }

    /// <summary>Marks every change of the remaining batches as skipped (the run was stopped).</summary>
    public void Skip(IEnumerable<List<SyncChange>> remaining)
    {
        Stopped = true;
        foreach (var batch in remaining)
            foreach (var change in batch)
                if (change.Outcome == SyncOutcome.Planned) change.Settle(SyncOutcome.Skipped, "the sync was stopped before this change was sent.");
    }

    /// <summary>Sends one batch; every change of it has its outcome when this returns.</summary>
    public async Task ApplyBatchAsync(IReadOnlyList<SyncChange> batch, CancellationToken ct)
    {
        try
        {
            if (batch[0].RecordType == SyncRecordType.AudienceMember)
            {
                await MembershipApplier.ApplyAsync(_client, batch, _state, ct).ConfigureAwait(false);
                return;
            }

            if (batch[0].RecordType == SyncRecordType.JobAssignment)
            {
                await JobApplier.ApplyAsync(_client, batch, ct).ConfigureAwait(false);
                return;
            }

            await UserApplier.ApplyAsync(_client, batch, ct).ConfigureAwait(false);
            if (batch[0].Action == SyncAction.Delete)
            {
                var deleted = new HashSet<long>();
                foreach (var change in batch)
                    if (change.Outcome == SyncOutcome.Applied && change.UserId is long id) deleted.Add(id);
                _state.ForgetUsers(deleted);
                _state.Save();
            }
        }
        catch (Exception ex) when (ex is TotaraException or System.Net.Http.HttpRequestException or TimeoutException
                                   && ex is not TotaraAuthenticationException)
        {
            // The batch failed as a whole (after the client's retries): each of its changes says so; later batches go on.
            foreach (var change in batch)
                if (change.Outcome == SyncOutcome.Planned) change.Settle(SyncOutcome.Failed, ex.Message);
            _state.Save();
        }
    }
}
