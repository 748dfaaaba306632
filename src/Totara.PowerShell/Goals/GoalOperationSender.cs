using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.Goals;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Goals;

/// <summary>How Set- and Remove-TotaraGoal send: one batched goal mutation a record.</summary>
internal sealed class GoalOperationSender : GoalSender
{
    private readonly Func<GoalsClient, GoalBatchRecord, BatchOperation> _build;

    /// <param name="build">The operation for a record.</param>
    /// <param name="writeSuccess">Writes a record's success; by default the goal itself.</param>
    public GoalOperationSender(Func<GoalsClient, GoalBatchRecord, BatchOperation> build, Action<Cmdlet, TotaraSession, GoalBatchRecord>? writeSuccess = null)
        : base(writeSuccess) => _build = build;

    /// <inheritdoc />
    public override async Task SendAsync(TotaraSession session, IReadOnlyList<GoalBatchRecord> batch, CancellationToken ct)
    {
        var goals = session.Client.Goals;
        var i = 0;
        await foreach (var result in goals.RunAsync(batch.Select(r => _build(goals, r)).ToList(), ct).ConfigureAwait(false))
            batch[i++].Result = result;
    }
}
