using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.Cohorts;

namespace Totara.Sync;

/// <summary>
/// Applies a plan in order, in batches of one request's worth of one kind of change. Between
/// batches it honours a stop request (Ctrl+C): the batch in flight finishes, the rest are
/// skipped. The state file is saved after every membership batch.
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

    /// <param name="onBatch">Called with each batch once its changes have their outcomes.</param>
    /// <param name="stop">Checked between batches: once cancelled, no further batch is sent.</param>
    /// <param name="abort">Passed to the requests of the batch in flight.</param>
    public async Task ApplyAsync(SyncPlan plan, Action<IReadOnlyList<SyncChange>>? onBatch, Action<SyncProgress>? progress,
        CancellationToken stop, CancellationToken abort)
    {
        foreach (var stale in plan.StaleState) _state.Forget(stale);
        _state.Save();

        var userBatch = _client.Users.MutationsPerRequest();
        var memberBatch = new CohortsClient(_client).OperationsPerRequest(CohortMembershipAction.Add);
        var changes = plan.Changes;
        var done = 0;
        var start = 0;
        while (start < changes.Count)
        {
            var action = changes[start].Action;
            var size = changes[start].RecordType == SyncRecordType.AudienceMember ? memberBatch : userBatch;
            var end = start;
            while (end < changes.Count && end - start < size && changes[end].Action == action) end++;
            var batch = changes.GetRange(start, end - start);

            if (stop.IsCancellationRequested)
            {
                Stopped = true;
                for (var i = start; i < changes.Count; i++) changes[i].Settle(SyncOutcome.Skipped, "the sync was stopped before this change was sent.");
                onBatch?.Invoke(changes.GetRange(start, changes.Count - start));
                return;
            }

            await ApplyBatchAsync(batch, abort).ConfigureAwait(false);
            done += batch.Count;
            progress?.Invoke(new SyncProgress(SyncPhase.Apply, $"Applying changes ({done} of {changes.Count}): {action}", done, changes.Count));
            onBatch?.Invoke(batch);
            start = end;
        }
    }

    private async Task ApplyBatchAsync(List<SyncChange> batch, CancellationToken ct)
    {
        try
        {
            if (batch[0].RecordType == SyncRecordType.AudienceMember)
            {
                await MembershipApplier.ApplyAsync(_client, batch, _state, ct).ConfigureAwait(false);
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
