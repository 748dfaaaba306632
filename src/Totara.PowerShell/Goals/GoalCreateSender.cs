using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Goals;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Goals;

/// <summary>How New-TotaraGoal sends: each goal's user (and owner) found by its references, then the creates.</summary>
internal sealed class GoalCreateSender : GoalSender
{
    public GoalCreateSender() { }

    /// <inheritdoc />
    /// <remarks>Users are looked up before the creates, which are sent as GoalBatches.CreateAsync explains.</remarks>
    public override async Task SendAsync(TotaraSession session, IReadOnlyList<GoalBatchRecord> batch, CancellationToken ct)
    {
        var requests = batch.Select(r => new GoalCreateRequest(r.Change!, r.UserCandidates!, r, r.OwnerCandidates)).ToList();
        var results = await session.Client.Goals.CreateAsync(requests, ct).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++) batch[i].Result = results[i];
    }
}
