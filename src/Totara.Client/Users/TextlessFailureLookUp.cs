using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Outcomes;

namespace Totara.Client.Users;

/// <summary>
/// Settles update and delete failures the site sent without any text (response_debug NONE):
/// one batched read of the users they named. A user that cannot be read is not there (Totara's
/// user reference matches no single user), so the change failed as "not found"; a user that is
/// there refused the change for a reason the site did not say.
/// </summary>
internal sealed class TextlessFailureLookUp
{
    private readonly TotaraClient _client;

    public TextlessFailureLookUp(TotaraClient client) => _client = client;

    public async Task SettleAsync(IReadOnlyList<UserOperationResult> failures, CancellationToken ct)
    {
        if (failures.Count == 0) return;
        var reads = failures.Select(f => UserReadBack.Of(f.Target!)).ToList();
        await foreach (var read in _client.ExecuteBatchAsync(reads, ct).ConfigureAwait(false))
        {
            var failure = failures[read.Index];
            failure.Settled(read.Succeeded
                ? new RecordOutcome(RecordOutcomeKind.Refused, null, null, null, false)
                : new RecordOutcome(RecordOutcomeKind.NotFound, null, null, "Target user", false));
        }
    }
}
