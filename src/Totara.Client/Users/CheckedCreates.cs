using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Users;

/// <summary>
/// Runs a batch of user creates without sending the ones the site would refuse for their
/// username: one batched read finds the usernames the site has, and those creates get the
/// site's own answer ("Username already exists: x") without a mutation. The rest are sent.
/// </summary>
/// <remarks>
/// Totara runs a request's mutations in order and stops at the first that fails, so every
/// failing create costs a request and a resend of the rest: a rerun of an import already applied
/// took one request per record. A create that repeats the username of an earlier create of the
/// batch waits for that one's outcome: refused if it was created, sent in the next round if not,
/// so it fails or succeeds exactly as it would have on the site.
/// </remarks>
internal static class CheckedCreates
{
    /// <summary>The site's message for a create of a username it has (its user validator's text).</summary>
    // In the shape the site answers (response_debug normal): the text is in debugMessage.
    public static TotaraGraphQLError UsernameExists(string username) => new("Internal server error", "internal", "Username already exists: " + username);

    /// <summary>One result per create, in the batch's order (indexes are positions in <paramref name="creates"/>).</summary>
    public static async Task<IReadOnlyList<BatchItemResult>> RunAsync(TotaraClient client, IReadOnlyList<BatchOperation> creates, CancellationToken ct)
    {
        var usernames = creates.Select(UsernameOf).ToList();
        var taken = await ExistingUsernames.FindAsync(client, usernames, ct).ConfigureAwait(false);
        var results = new BatchItemResult[creates.Count];

        var next = 0;
        while (next < creates.Count)
        {
            // A round runs from the next create up to (not including) one that repeats a username of
            // the round: that one waits for the outcome of the first, and creates reach the site in order.
            var round = new List<int>();
            var inRound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (; next < creates.Count; next++)
            {
                if (taken.Contains(usernames[next])) results[next] = new BatchItemResult(next, creates[next], null, UsernameExists(usernames[next]));
                else if (!inRound.Add(usernames[next])) break;
                else round.Add(next);
            }

            await foreach (var item in client.ExecuteBatchAsync(round.Select(i => creates[i]), ct).ConfigureAwait(false))
            {
                var i = round[item.Index];
                results[i] = new BatchItemResult(i, item.Operation, item.Data, item.Error);
                if (item.Succeeded) taken.Add(usernames[i]);   // a later create of this username must now fail
            }
        }
        return results;
    }

    /// <summary>True for a create made by <see cref="UsersClient.Create"/>.</summary>
    public static bool IsCreate(BatchOperation? operation) =>
        operation?.Tag is UserOperationTag { Kind: UserOperationKind.Create, Change.Username: { } };

    private static string UsernameOf(BatchOperation create) => ((UserOperationTag)create.Tag!).Change!.Username!;
}
