using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Users;

namespace Totara.Client.Goals;

/// <summary>
/// The goal batches that need a look at the site first: creates (users looked up before
/// sending) and progress updates (the value or status left out is read from the goal).
/// </summary>
public static class GoalBatches
{
    /// <summary>
    /// Creates the goals, one result per request in input order. Each user is looked up first (a
    /// string may be a username or an idnumber), and so is each owner given, so an unknown user fails alone, unsent, instead
    /// of nulling the answer of the whole batch (as a failed alias does).
    /// </summary>
    /// <remarks>
    /// Goals without an id_number are sent apart from (before) those with one, each in a request of
    /// its own. A create that fails on the site (an id_number in use: the usual refusal on a re-run)
    /// nulls the data of its whole request, and a 429 can cut a request off part-way; goals with an
    /// id_number are then read back by it (ran: their data; did not run: resent), while a goal
    /// without one could not be told apart, so it never shares a request.
    /// </remarks>
    public static async Task<IReadOnlyList<GoalOperationResult>> CreateAsync(this GoalsClient goals, IReadOnlyList<GoalCreateRequest> requests, CancellationToken ct = default)
    {
        var results = new GoalOperationResult?[requests.Count];
        var users = await goals.ResolveUsersAsync(requests.Select(r => new UserRequest(r.UserCandidates, r.Tag)).ToList(), ct).ConfigureAwait(false);
        var owned = Enumerable.Range(0, requests.Count).Where(i => requests[i].OwnerCandidates is not null).ToList();
        var owners = await goals.ResolveUsersAsync(owned.Select(i => new UserRequest(requests[i].OwnerCandidates!, requests[i].Tag)).ToList(), ct).ConfigureAwait(false);
        for (var k = 0; k < owned.Count; k++)
        {
            var i = owned[k];
            if (owners[k].UserId is long ownerId) requests[i].Goal.Owner = UserReference.ById(ownerId);
            else results[i] = Failed(GoalOperationKind.Create, null, requests[i].Tag, Owner(owners[k].Error!));
        }

        var send = new List<int>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (results[i] is not null) continue;
            if (users[i].UserId is long id)
            {
                requests[i].Goal.User = UserReference.ById(id);
                send.Add(i);
            }
            else
            {
                results[i] = Failed(GoalOperationKind.Create, null, requests[i].Tag, users[i].Error!);
            }
        }
        var withoutIdNumber = send.Where(i => requests[i].Goal.IdNumber is null).ToList();
        var withIdNumber = send.Where(i => requests[i].Goal.IdNumber is not null).ToList();
        await RunEachAloneInto(goals, results, withoutIdNumber, withoutIdNumber.Select(i => goals.Create(requests[i].Goal, requests[i].Tag)).ToList(), ct).ConfigureAwait(false);
        await RunInto(goals, results, withIdNumber, withIdNumber.Select(i => goals.Create(requests[i].Goal, requests[i].Tag)).ToList(), ct).ConfigureAwait(false);
        return results.Select(r => r!).ToList();
    }

    /// <summary>Updates progress, one result per request in input order; goals missing a value are read first (one batched query).</summary>
    public static async Task<IReadOnlyList<GoalOperationResult>> UpdateProgressAsync(this GoalsClient goals, IReadOnlyList<GoalProgressRequest> requests, CancellationToken ct = default)
    {
        var results = new GoalOperationResult?[requests.Count];
        var status = requests.Select(r => r.Status).ToArray();
        var value = requests.Select(r => r.CurrentValue).ToArray();
        var incomplete = Enumerable.Range(0, requests.Count).Where(i => status[i] is null || value[i] is null).ToList();
        var read = await goals.GetManyAsync(incomplete.Select(i => requests[i].Goal).ToList(), ct).ConfigureAwait(false);
        for (var k = 0; k < incomplete.Count; k++)
        {
            var i = incomplete[k];
            if (read[k].Goal is { } goal)
            {
                status[i] ??= goal.Status;
                value[i] ??= goal.CurrentValue ?? 0;
            }
            else
            {
                results[i] = Failed(GoalOperationKind.Progress, requests[i].Goal, requests[i].Tag, read[k].Error ?? new TotaraGraphQLError("Can not find record", "not_found"));
            }
        }

        var send = Enumerable.Range(0, requests.Count).Where(i => results[i] is null).ToList();
        await RunInto(goals, results, send, send.Select(i => goals.UpdateProgress(requests[i].Goal, status[i]!, value[i]!.Value, requests[i].Tag)).ToList(), ct).ConfigureAwait(false);
        return results.Select(r => r!).ToList();
    }

    private static async Task RunInto(GoalsClient goals, GoalOperationResult?[] results, List<int> positions, List<BatchOperation> operations, CancellationToken ct)
    {
        var k = 0;
        await foreach (var result in goals.RunAsync(operations, ct).ConfigureAwait(false))
            results[positions[k++]] = result;
    }

    /// <summary>
    /// Runs each operation in a request of its own, a few at a time. For goals without an
    /// id_number: nothing can show afterwards whether one was created, and Totara checks its rate
    /// limit before every root field, so a 429 to a batch of them could come after some were
    /// created. A request of one root field is refused before it runs, so its 429 is safely retried.
    /// </summary>
    private static async Task RunEachAloneInto(GoalsClient goals, GoalOperationResult?[] results, List<int> positions, List<BatchOperation> operations, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(MaxAloneInFlight);
        await Task.WhenAll(operations.Select(async (operation, k) =>
        {
            await slots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await RunInto(goals, results, new List<int> { positions[k] }, new List<BatchOperation> { operation }, ct).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);
    }

    /// <summary>One-goal requests in flight at once: enough to hide the round trips, few enough to keep the input order readable in logs.</summary>
    private const int MaxAloneInFlight = 4;

    /// <summary>An owner's lookup error, said to be about the owner (GoalOperationResult maps "owner" to the Owner field).</summary>
    private static TotaraGraphQLError Owner(TotaraGraphQLError error) =>
        new("Owner: " + error.Message, error.Category, error.DebugMessage is null ? null : "Owner: " + error.DebugMessage, error.Path);

    private static GoalOperationResult Failed(GoalOperationKind kind, GoalReference? target, object? tag, TotaraGraphQLError error) =>
        new(kind, target, tag, null, null, null, error);
}
