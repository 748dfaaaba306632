using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Users;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Users;

/// <summary>
/// Sends a batch of user records through <see cref="UsersClient"/>. A string identity may name
/// a user by more than one key (username, then idnumber): records whose first key matched
/// nobody are sent again with the next key, in a follow-up batch, until one matches or none is left.
/// </summary>
internal static class UserBatchSender
{
    public static async Task<IReadOnlyList<UserOperationResult>> SendAsync(
        TotaraSession session, IReadOnlyList<UserRecord> batch, Func<UserRecord, UserReference?, Totara.Client.BatchOperation> build,
        CancellationToken ct)
    {
        var users = session.Client.Users;
        var results = new UserOperationResult[batch.Count];
        var attempts = new int[batch.Count];
        var pending = Enumerable.Range(0, batch.Count).ToList();
        while (pending.Count > 0)
        {
            var operations = pending.Select(i => build(batch[i], Candidate(session, batch[i], attempts[i]))).ToList();
            var retry = new List<int>();
            await foreach (var result in users.RunAsync(operations, ct).ConfigureAwait(false))
            {
                var i = pending[result.Index];
                // The settled outcome: at response_debug NONE a look-up decided it, the error has no text.
                if (!result.Succeeded && result.Outcome.IsNotFound && HasCandidate(session, batch[i], attempts[i] + 1))
                {
                    attempts[i]++;
                    retry.Add(i);
                }
                else
                {
                    results[i] = result;
                }
            }
            pending = retry;
        }
        return results;
    }

    /// <summary>Every reference tried for a record, for a not-found message: "username 'x' or idnumber 'x'".</summary>
    public static string Tried(TotaraSession session, UserRecord record) =>
        record.Identity is null ? record.Label : string.Join(" or ", record.Identity.CandidatesFor(session.Url).Select(c => c.ToString()));

    private static UserReference? Candidate(TotaraSession session, UserRecord record, int attempt) =>
        record.Identity?.CandidatesFor(session.Url)[attempt];

    private static bool HasCandidate(TotaraSession session, UserRecord record, int attempt) =>
        record.Identity is not null && attempt < record.Identity.CandidatesFor(session.Url).Count;
}
