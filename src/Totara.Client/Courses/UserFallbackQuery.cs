using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Cohorts;
using Totara.Client.Users;

namespace Totara.Client.Courses;

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
/// reference that matches no user ("User reference not found") is retried with the next one.
/// Queries change nothing, so this is also how mutations learn which reference to use.
/// </summary>
internal static class UserFallbackQuery
{
    public static Task<IReadOnlyList<UserQueryAnswer>> RunAsync(TotaraClient client, IReadOnlyList<UserRequest> requests,
        Func<UserReference, int, BatchOperation> query, CancellationToken ct) =>
        RunAsync(client, requests.Select(r => r.Candidates).ToList(), query, ct);

    /// <param name="candidates">Per request, the references that may name its user, in the order to try them.</param>
    /// <param name="query">Builds the query for a reference; its tag must be the request's index (the int given).</param>
    public static async Task<IReadOnlyList<UserQueryAnswer>> RunAsync(TotaraClient client, IReadOnlyList<IReadOnlyList<UserReference>> candidates,
        Func<UserReference, int, BatchOperation> query, CancellationToken ct)
    {
        var answers = new UserQueryAnswer?[candidates.Count];
        var attempts = new int[candidates.Count];
        var pending = Enumerable.Range(0, candidates.Count).ToList();
        while (pending.Count > 0)
        {
            var operations = pending.Select(i => query(candidates[i][attempts[i]], i)).ToList();
            var retry = new List<int>();
            await foreach (var item in client.ExecuteBatchAsync(operations, ct).ConfigureAwait(false))
            {
                var i = (int)item.Operation.Tag!;
                var tried = candidates[i][attempts[i]];
                if (!item.Succeeded && CohortsClient.IsUserNotFound(item.Error))
                {
                    if (++attempts[i] < candidates[i].Count) retry.Add(i);
                    else answers[i] = new UserQueryAnswer(tried, null, item.Error, true);
                    continue;
                }
                answers[i] = new UserQueryAnswer(tried, item.Data, item.Error, false);
            }
            pending = retry;
        }
        return answers.Select(a => a!).ToList();
    }
}
