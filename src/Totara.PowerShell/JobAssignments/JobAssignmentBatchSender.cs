using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.JobAssignments;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// Sends a batch of job-assignment records: settles managers named without a job (their first
/// assignment on the site, else the first one the batch creates for them), refuses management
/// cycles before sending, orders the rest manager-first, and runs them as batched mutations
/// (Totara runs a request's mutations in order, so a manager created earlier in the request exists
/// when a later alias points at it). Returns one outcome per record, in the batch's order.
/// </summary>
internal static class JobAssignmentBatchSender
{
    public static async Task<IReadOnlyList<JobAssignmentOutcome>> SendAsync(
        TotaraSession session, IReadOnlyList<JobAssignmentRecord> batch, bool creates, Func<JobAssignmentRecord, BatchOperation> build, CancellationToken ct)
    {
        var outcomes = new JobAssignmentOutcome?[batch.Count];
        var jobs = session.Client.JobAssignments;

        // One batched read of every holder's and every job-less manager's assignment idnumbers: it settles
        // those managers, and refuses before sending what the site would refuse (an unknown user, a create of
        // an idnumber the user has, a change of one the user lacks). A failed alias costs every other alias of
        // its request a look-up (its data is lost with the answer), so keeping failures out of requests pays.
        var holders = batch.Select(r => r.Assignment).Where(a => a.User is not null && a.IdNumber is not null).Select(a => a.User!);
        var managers = batch.SelectMany(r => new[] { r.ManagerWithoutJob, r.TempManagerWithoutJob }).OfType<UserReference>();
        var known = await jobs.IdNumbersAsync(holders.Concat(managers), ct).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
            outcomes[i] = CheckHolder(batch[i], known, creates) ?? SettleManagers(batch, i, known, creates);

        var live = Enumerable.Range(0, batch.Count).Where(i => outcomes[i] is null).ToList();
        var ordering = ManagerOrdering.Order(live, i => KeyOf(batch[i].Assignment), i => ManagersOf(batch[i].Change));
        foreach (var cycle in ordering.Cycles)
        {
            var chain = string.Join(" -> ", cycle.Concat(new[] { cycle[0] }).Select(i => $"record {batch[i].Number} ({batch[i].Label})"));
            foreach (var i in cycle)
                outcomes[i] = new JobAssignmentOutcome(
                    $"management cycle in the input: {chain} (each managed by the next). None of these records was sent.",
                    batch[i].ManagerParameter, JobAssignmentErrorIds.ManagementCycle, ErrorCategory.InvalidData);
        }

        var positions = new Dictionary<JobAssignmentRecord, int>();
        for (var i = 0; i < batch.Count; i++) positions[batch[i]] = i;
        var operations = ordering.Ordered.Select(i => build(batch[i])).ToList();
        await foreach (var result in jobs.RunAsync(operations, ct).ConfigureAwait(false))
            outcomes[positions[(JobAssignmentRecord)result.Tag!]] = new JobAssignmentOutcome(result);
        return outcomes.Select(o => o!).ToList();
    }

    /// <summary>How the ordering names an assignment: its user's reference and its idnumber (or its id).</summary>
    private static JobAssignmentKey KeyOf(JobAssignmentReference reference) =>
        reference.User is { } user ? new JobAssignmentKey(UserKey(user), reference.IdNumber)
            : new JobAssignmentKey("#" + reference.Id, reference.IdNumber);

    private static IEnumerable<JobAssignmentKey> ManagersOf(JobAssignmentChange? change)
    {
        if (change?.Manager is { User: { } manager } m) yield return new JobAssignmentKey(UserKey(manager), m.IdNumber);
        if (change?.TempManager is { User: { } temp } t) yield return new JobAssignmentKey(UserKey(temp), t.IdNumber);
    }

    private static string UserKey(UserReference user) => user.FieldName + ":" + user.Value;

    /// <summary>An outcome for a record the site would refuse for its holder or its idnumber; null when it may be sent.</summary>
    private static JobAssignmentOutcome? CheckHolder(JobAssignmentRecord record, IReadOnlyDictionary<UserReference, IReadOnlyList<string>> known, bool creates)
    {
        if (record.Assignment is not { User: { } holder, IdNumber: { } idNumber }) return null;
        var field = holder.Kind == UserReferenceKind.IdNumber ? "UserIdNumber" : "User";
        if (!known.TryGetValue(holder, out var held))
            return new JobAssignmentOutcome($"no user matches {holder}.", field, RecordErrorIds.UserNotFound, ErrorCategory.ObjectNotFound);
        var has = held.Contains(idNumber, StringComparer.Ordinal);
        if (creates && has)
            return new JobAssignmentOutcome($"user {holder} already has a job assignment '{idNumber}'; change it with Set-TotaraJobAssignment.",
                "IdNumber", JobAssignmentErrorIds.JobAssignmentExists, ErrorCategory.ResourceExists);
        if (!creates && !has)
            return new JobAssignmentOutcome($"no job assignment matches {record.Assignment}.", "IdNumber",
                JobAssignmentErrorIds.JobAssignmentNotFound, ErrorCategory.ObjectNotFound);
        return null;
    }

    /// <summary>Sets the manager of a record named without a job; an outcome when that cannot be done.</summary>
    private static JobAssignmentOutcome? SettleManagers(IReadOnlyList<JobAssignmentRecord> batch, int index,
        IReadOnlyDictionary<UserReference, IReadOnlyList<string>> known, bool creates)
    {
        var record = batch[index];
        if (record.ManagerWithoutJob is { } manager)
        {
            var job = FirstJob(batch, manager, known, creates, out var problem);
            if (job is null) return new JobAssignmentOutcome(problem!, record.ManagerParameter, ProblemId(problem!), ProblemCategory(problem!));
            record.Change!.SetManager(job);
        }
        if (record.TempManagerWithoutJob is { } temp)
        {
            var job = FirstJob(batch, temp, known, creates, out var problem);
            if (job is null) return new JobAssignmentOutcome(problem!, record.TempManagerParameter, ProblemId(problem!), ProblemCategory(problem!));
            record.Change!.SetTempManager(job);
        }
        return null;
    }

    private static JobAssignmentReference? FirstJob(IReadOnlyList<JobAssignmentRecord> batch, UserReference manager,
        IReadOnlyDictionary<UserReference, IReadOnlyList<string>> known, bool creates, out string? problem)
    {
        problem = null;
        if (known.TryGetValue(manager, out var onSite) && onSite.Count > 0) return JobAssignmentReference.ByIdNumber(manager, onSite[0]);
        // No assignment on the site yet: the first one this batch creates for the manager will be it.
        if (creates && batch.FirstOrDefault(r => Equals(r.Assignment.User, manager)) is { } created)
            return created.Assignment;
        problem = known.ContainsKey(manager)
            ? $"the manager {manager} has no job assignment to manage through; name their job assignment's idnumber too, or create it first."
            : $"no user matches the manager {manager}.";
        return null;
    }

    private static string ProblemId(string problem) =>
        problem.StartsWith("no user", StringComparison.Ordinal) ? RecordErrorIds.UserNotFound : JobAssignmentErrorIds.ManagerHasNoJobAssignment;

    private static ErrorCategory ProblemCategory(string problem) =>
        problem.StartsWith("no user", StringComparison.Ordinal) ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidData;
}
