using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Users;

namespace Totara.Client.JobAssignments;

/// <summary>
/// Runs job-assignment requests the way HR Import would have them applied: settles managers named
/// without a job (their first assignment on the site, else the first one the run creates for
/// them), refuses before sending what the site would refuse (an unknown holder, a create of an
/// idnumber the holder has, a change of one the holder lacks, a management cycle), orders the
/// rest manager-first, and sends them as batched mutations.
/// </summary>
/// <remarks>
/// Totara runs a request's mutations in order, so a manager created earlier in the request exists
/// when a later alias points at it. A failed alias costs every other alias of its request a
/// look-up (its data is lost with the answer), so keeping failures out of requests pays.
/// </remarks>
internal static class CheckedJobAssignmentRun
{
    public static async Task<IReadOnlyList<JobAssignmentRequestOutcome>> RunAsync(JobAssignmentsClient jobs, IReadOnlyList<JobAssignmentRequest> requests, CancellationToken ct)
    {
        var outcomes = new JobAssignmentRequestOutcome?[requests.Count];

        // One batched read of every holder's and every job-less manager's assignment idnumbers.
        var holders = requests.Select(r => r.Assignment).Where(a => a.User is not null && a.IdNumber is not null).Select(a => a.User!);
        var managers = requests.SelectMany(r => new[] { r.ManagerWithoutJob, r.TempManagerWithoutJob }).OfType<UserReference>();
        var known = await jobs.IdNumbersAsync(holders.Concat(managers), ct).ConfigureAwait(false);
        for (var i = 0; i < requests.Count; i++)
            outcomes[i] = CheckHolder(requests[i], known) ?? SettleManagers(requests, i, known);

        var live = Enumerable.Range(0, requests.Count).Where(i => outcomes[i] is null).ToList();
        var ordering = ManagerOrdering.Order(live, i => KeyOf(requests[i].Assignment), i => ManagersOf(requests[i].Change));
        foreach (var cycle in ordering.Cycles)
        {
            var members = cycle.Select(i => requests[i]).ToList();
            foreach (var i in cycle)
                outcomes[i] = new JobAssignmentRequestOutcome(requests[i], JobAssignmentRefusal.ManagementCycle, "management cycle in the input", cycle: members);
        }

        var positions = new Dictionary<JobAssignmentRequest, int>();
        for (var i = 0; i < requests.Count; i++) positions[requests[i]] = i;
        var operations = ordering.Ordered.Select(i => Operation(jobs, requests[i])).ToList();
        await foreach (var result in jobs.RunAsync(operations, ct).ConfigureAwait(false))
        {
            var request = (JobAssignmentRequest)result.Tag!;
            outcomes[positions[request]] = new JobAssignmentRequestOutcome(request, result);
        }
        return outcomes.Select(o => o!).ToList();
    }

    /// <summary>The mutation for a request, tagged with the request itself (its outcome finds it by that).</summary>
    private static BatchOperation Operation(JobAssignmentsClient jobs, JobAssignmentRequest request) => request.Kind switch
    {
        JobAssignmentOperationKind.Create => jobs.Create(request.Assignment.User!, request.Assignment.IdNumber!, request.Change, tag: request),
        JobAssignmentOperationKind.Update => jobs.Update(request.Assignment, request.Change!, tag: request),
        _ => jobs.Delete(request.Assignment, tag: request),
    };

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

    /// <summary>A refusal for a request the site would refuse for its holder or its idnumber; null when it may be sent.</summary>
    private static JobAssignmentRequestOutcome? CheckHolder(JobAssignmentRequest request, IReadOnlyDictionary<UserReference, IReadOnlyList<string>> known)
    {
        if (request.Assignment is not { User: { } holder, IdNumber: { } idNumber }) return null;
        if (!known.TryGetValue(holder, out var held))
            return new JobAssignmentRequestOutcome(request, JobAssignmentRefusal.HolderNotFound, $"no user matches {holder}.");
        var has = held.Contains(idNumber, StringComparer.Ordinal);
        if (request.Kind == JobAssignmentOperationKind.Create && has)
            return new JobAssignmentRequestOutcome(request, JobAssignmentRefusal.AlreadyExists, $"user {holder} already has a job assignment '{idNumber}'.");
        if (request.Kind != JobAssignmentOperationKind.Create && !has)
            return new JobAssignmentRequestOutcome(request, JobAssignmentRefusal.NotFound, $"no job assignment matches {request.Assignment}.");
        return null;
    }

    /// <summary>Sets the managers of a request named without a job; a refusal when that cannot be done.</summary>
    private static JobAssignmentRequestOutcome? SettleManagers(IReadOnlyList<JobAssignmentRequest> requests, int index,
        IReadOnlyDictionary<UserReference, IReadOnlyList<string>> known)
    {
        var request = requests[index];
        foreach (var temporary in new[] { false, true })
        {
            if ((temporary ? request.TempManagerWithoutJob : request.ManagerWithoutJob) is not { } manager) continue;
            var job = FirstJob(requests, manager, known, out var refusal, out var problem);
            if (job is null) return new JobAssignmentRequestOutcome(request, refusal, problem!, aboutTempManager: temporary);
            if (temporary) request.Change!.SetTempManager(job); else request.Change!.SetManager(job);
        }
        return null;
    }

    private static JobAssignmentReference? FirstJob(IReadOnlyList<JobAssignmentRequest> requests, UserReference manager,
        IReadOnlyDictionary<UserReference, IReadOnlyList<string>> known, out JobAssignmentRefusal refusal, out string? problem)
    {
        (refusal, problem) = (default, null);
        if (known.TryGetValue(manager, out var onSite) && onSite.Count > 0) return JobAssignmentReference.ByIdNumber(manager, onSite[0]);
        // No assignment on the site yet: the first one this run creates for the manager will be it.
        if (requests.FirstOrDefault(r => r.Kind == JobAssignmentOperationKind.Create && Equals(r.Assignment.User, manager)) is { } created)
            return created.Assignment;
        (refusal, problem) = known.ContainsKey(manager)
            ? (JobAssignmentRefusal.ManagerHasNoJob, $"the manager {manager} has no job assignment to manage through; name their job assignment's idnumber too, or create it first.")
            : (JobAssignmentRefusal.ManagerNotFound, $"no user matches the manager {manager}.");
        return null;
    }
}
