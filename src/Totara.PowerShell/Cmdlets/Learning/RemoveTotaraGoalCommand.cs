using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client;
using Totara.Client.Goals;

namespace Totara.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Deletes Totara goals, one or many from the pipeline.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "TotaraGoal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveTotaraGoalCommand : GoalBatchCmdlet
{
    /// <summary>The goal: its id, its id_number, a TotaraGoal, or a record with Id/GoalId or IdNumber/GoalIdNumber.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Goal")]
    [GoalIdentityTransformation]
    [ValidateNotNull]
    public GoalIdentity Identity { get; set; } = null!;

    /// <inheritdoc />
    protected override string Activity => "Deleting Totara goals";

    /// <inheritdoc />
    protected override string Action => "Delete goal";

    /// <inheritdoc />
    protected override IEnumerable<GoalBatchRecord> ReadRecords(TotaraSession session)
    {
        var number = NextRecordNumber();
        var target = ReferenceOf(Identity, session, number, InputOf(Identity));
        if (target is null) yield break;
        yield return new GoalBatchRecord(number, InputOf(Identity), Identity.Text, target, null);
    }

    private protected override BatchOperation BuildOperation(GoalsClient goals, GoalBatchRecord record) => goals.Delete(record.Reference!, record);

    private protected override void WriteSuccess(GoalBatchRecord record, GoalOperationResult result, TotaraSession session) =>
        WriteVerbose($"Deleted goal {record.Label} on {session.Url}.");
}
