using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.JobAssignments;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// Sends one batch of job-assignment creates or updates. A create whose answer is lost is looked
/// up by user and idnumber before it is sent again, so no assignment is ever created twice.
/// </summary>
internal static class JobApplier
{
    public static async Task ApplyAsync(TotaraClient client, IReadOnlyList<SyncChange> batch, CancellationToken ct)
    {
        var jobs = client.JobAssignments;
        var operations = new List<BatchOperation>(batch.Count);
        foreach (var change in batch)
        {
            if (change.DependsOn is { } create)
            {
                if (create.Outcome != SyncOutcome.Applied) { change.Settle(SyncOutcome.Skipped, $"the user was not created ({create.Outcome})."); continue; }
                change.UserId ??= create.UserId;
            }
            // The sync reads nothing from the answer but success: the id alone is the cheapest answer Totara allows.
            operations.Add(change.Action == SyncAction.CreateJobAssignment
                ? jobs.Create(User(change), change.Job!, change.JobChange, change, answerIdOnly: true)
                : jobs.Update(JobAssignmentReference.ById(change.JobId!.Value), change.JobChange!, change, answerIdOnly: true));
        }
        await foreach (var result in jobs.RunAsync(operations, ct).ConfigureAwait(false))
        {
            var change = (SyncChange)result.Tag!;
            if (result.Succeeded) change.Settle(SyncOutcome.Applied);
            else change.Settle(SyncOutcome.Failed, result.Error!.Explanation);
        }
    }

    private static UserReference User(SyncChange change) =>
        change.UserId is long id ? UserReference.ById(id) : UserReference.ByUsername(change.Username!);
}
