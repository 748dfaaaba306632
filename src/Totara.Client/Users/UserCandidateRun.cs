using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Users;

/// <summary>
/// Runs one operation per record, where a record may name its user by more than one reference (a
/// name a person gives may be a username or an idnumber): records whose reference matched nobody
/// are sent again with the next one, in a follow-up batch, until one matches or none is left.
/// </summary>
internal static class UserCandidateRun
{
    public static async Task<IReadOnlyList<UserOperationResult>> RunAsync(UsersClient users, IReadOnlyList<IReadOnlyList<UserReference>?> candidates,
        Func<int, UserReference?, BatchOperation> build, CancellationToken ct)
    {
        var results = new UserOperationResult[candidates.Count];
        var attempts = new int[candidates.Count];
        var pending = Enumerable.Range(0, candidates.Count).ToList();
        while (pending.Count > 0)
        {
            var operations = pending.Select(i => build(i, candidates[i]?[attempts[i]])).ToList();
            var retry = new List<int>();
            await foreach (var result in users.RunAsync(operations, ct).ConfigureAwait(false))
            {
                var i = pending[result.Index];
                // The settled outcome: at response_debug NONE a look-up decided it, the error has no text.
                if (!result.Succeeded && result.Outcome.IsNotFound && candidates[i] is { } tried && attempts[i] + 1 < tried.Count)
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
}
