using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Users;

/// <summary>The answer of one per-user query: the reference that matched (or the last tried), and the data or error.</summary>
internal sealed class UserQueryAnswer
{
    public UserQueryAnswer(UserReference tried, JsonElement? data, TotaraGraphQLError? error, bool userNotFound)
    {
        Tried = tried;
        Data = data;
        Error = error;
        UserNotFound = userNotFound;
    }

    public UserReference Tried { get; }

    public JsonElement? Data { get; }

    public TotaraGraphQLError? Error { get; }

    public bool UserNotFound { get; }
}

/// <summary>
/// Runs one query per user request, batched, trying each request's references in turn: a
/// reference that matches no user ("User reference not found", or at response_debug NONE a
/// text-less failure whose user cannot be read) is retried with the next one.
/// Queries change nothing, so this is also how mutations learn which reference to use.
/// </summary>
internal static class UserFallbackQuery
{
    public static Task<IReadOnlyList<UserQueryAnswer>> RunAsync(TotaraClient client, IReadOnlyList<UserRequest> requests,
        Func<UserReference, int, BatchOperation> query, CancellationToken ct) =>
        RunAsync(client, requests.Select(r => r.Candidates).ToList(), query, ct);

    /// <param name="client">The client whose batching runs the queries.</param>
    /// <param name="candidates">Per request, the references that may name its user, in the order to try them.</param>
    /// <param name="query">Builds the query for a reference; its tag must be the request's index (the int given).</param>
    /// <param name="ct">Stops the queries; requests not yet answered are abandoned.</param>
    public static async Task<IReadOnlyList<UserQueryAnswer>> RunAsync(TotaraClient client, IReadOnlyList<IReadOnlyList<UserReference>> candidates,
        Func<UserReference, int, BatchOperation> query, CancellationToken ct)
    {
        var answers = new UserQueryAnswer?[candidates.Count];
        var attempts = new int[candidates.Count];
        var pending = Enumerable.Range(0, candidates.Count).ToList();
        while (pending.Count > 0)
        {
            var operations = pending.Select(i => query(candidates[i][attempts[i]], i)).ToList();
            var userMissing = new List<(int Index, TotaraGraphQLError Error)>();
            var textless = new List<(int Index, TotaraGraphQLError Error)>();
            await foreach (var item in client.ExecuteBatchAsync(operations, ct).ConfigureAwait(false))
            {
                var i = (int)item.Operation.Tag!;
                if (!item.Succeeded && item.Error!.Outcome.IsUserNotFound) userMissing.Add((i, item.Error!));
                else if (!item.Succeeded && item.Error!.Outcome.IsTextless) textless.Add((i, item.Error));
                else answers[i] = new UserQueryAnswer(candidates[i][attempts[i]], item.Data, item.Error, false);
            }

            // At response_debug NONE the failure does not say which reference matched nothing: read
            // the user alone. No user means the user reference failed; a user means the other did.
            if (textless.Count > 0)
            {
                var missing = await UsersMissingAsync(client, textless.Select(t => candidates[t.Index][attempts[t.Index]]).ToList(), ct).ConfigureAwait(false);
                for (var k = 0; k < textless.Count; k++)
                {
                    var (i, error) = textless[k];
                    if (missing[k]) userMissing.Add((i, error));
                    else answers[i] = new UserQueryAnswer(candidates[i][attempts[i]], null, error, false);
                }
            }

            var retry = new List<int>();
            foreach (var (i, error) in userMissing)
            {
                if (attempts[i] + 1 < candidates[i].Count)
                {
                    attempts[i]++;
                    retry.Add(i);
                }
                else
                {
                    answers[i] = new UserQueryAnswer(candidates[i][attempts[i]], null, error, true);
                }
            }
            pending = retry;
        }
        return answers.Select(a => a!).ToList();
    }

    // Per user, whether a read of that user alone fails (see RecordOutcome.IsMissingOnRead).
    private static async Task<bool[]> UsersMissingAsync(TotaraClient client, IReadOnlyList<UserReference> users, CancellationToken ct)
    {
        var missing = new bool[users.Count];
        var reads = users.Select((user, k) => new BatchOperation("core_user_user", false,
            new[] { new BatchArgument("reference", "core_user_user_reference!", user.ToInput()) }, "user { id }", k)).ToList();
        await foreach (var read in client.ExecuteBatchAsync(reads, ct).ConfigureAwait(false))
            missing[(int)read.Operation.Tag!] = Outcomes.ReadFailure.MeansMissing(read.Error)
                || (read.Succeeded && !(read.Data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object));
        return missing;
    }
}
