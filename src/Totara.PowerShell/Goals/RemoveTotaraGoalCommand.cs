using System.Collections.Generic;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Goals;

/// <summary>
/// <para type="synopsis">Deletes Totara goals, one or many from the pipeline.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "TotaraGoal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveTotaraGoalCommand : GoalTargetCmdlet
{
    /// <inheritdoc />
    protected override string Activity => "Deleting Totara goals";

    /// <inheritdoc />
    protected override string Action => "Delete goal";

    /// <inheritdoc />
    protected override IEnumerable<GoalBatchRecord> ReadRecords(TotaraSession session)
    {
        if (TargetRecord(session, null) is { } record) yield return record;
    }

    private protected override RecordSender<GoalBatchRecord> Sender { get; } = new GoalOperationSender(
        (goals, record) => goals.Delete(record.Reference!, record),
        (cmdlet, session, record) => cmdlet.WriteVerbose($"Deleted goal {record.Label} on {session.Url}."));
}
