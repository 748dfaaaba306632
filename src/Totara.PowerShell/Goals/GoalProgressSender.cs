using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Goals;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Goals;

/// <summary>How Set-TotaraGoalProgress sends: progress updates, each written as a TotaraGoalProgress.</summary>
internal sealed class GoalProgressSender : GoalSender
{
    public GoalProgressSender() : base(WriteProgress) { }

    /// <inheritdoc />
    /// <remarks>Totara's progress update needs both values: goals missing one are read first (see GoalBatches.UpdateProgressAsync).</remarks>
    public override async Task SendAsync(TotaraSession session, IReadOnlyList<GoalBatchRecord> batch, CancellationToken ct)
    {
        var requests = batch.Select(r => new GoalProgressRequest(r.Reference!, r.Status, r.CurrentValue, r)).ToList();
        var results = await session.Client.Goals.UpdateProgressAsync(requests, ct).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++) batch[i].Result = results[i];
    }

    private static void WriteProgress(Cmdlet cmdlet, TotaraSession session, GoalBatchRecord record)
    {
        var result = record.Result!;
        cmdlet.WriteObject(new TotaraGoalProgress(record.Label, record.Reference!.Id, result.Status ?? record.Status, result.CurrentValue ?? record.CurrentValue, session.Url));
    }
}
