using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Users;

/// <summary>
/// Which of some usernames the site already has, in one batched read: one <c>core_user_user</c>
/// alias per username, paced and split under the complexity limit like every batched request.
/// </summary>
internal static class ExistingUsernames
{
    /// <summary>
    /// Each alias asks back only <c>__typename</c>: Totara charges the root field (5 points) and
    /// nothing for the meta field, against 7 for the cheapest real field (<c>user { id }</c>).
    /// An answer at all means the user exists; "reference not found" means it does not.
    /// </summary>
    private const string Selection = "__typename";

    /// <summary>The usernames (compared case-insensitively, as Totara does) that belong to a user on the site.</summary>
    /// <remarks>
    /// A username whose look-up fails for another reason is left out: it is not known to exist, so
    /// its create is sent and the site decides, as it did before this read.
    /// </remarks>
    public static async Task<HashSet<string>> FindAsync(TotaraClient client, IEnumerable<string> usernames, CancellationToken ct)
    {
        // ByUsername lower-cases: Totara stores usernames lower-case.
        var references = usernames.Select(UserReference.ByUsername).Distinct().ToList();
        var operations = references.Select(reference => new BatchOperation("core_user_user", false,
            new[] { new BatchArgument("reference", "core_user_user_reference!", reference.ToInput()) }, Selection));

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var item in client.ExecuteBatchAsync(operations, ct).ConfigureAwait(false))
        {
            if (item.Succeeded) taken.Add(references[item.Index].Value);
        }
        return taken;
    }
}
