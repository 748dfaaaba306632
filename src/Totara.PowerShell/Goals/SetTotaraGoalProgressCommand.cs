using System.Collections.Generic;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Goals;

/// <summary>
/// <para type="synopsis">Updates the progress of Totara goals: status and current value, one or many from the pipeline.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "TotaraGoalProgress", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraGoalProgress))]
public sealed class SetTotaraGoalProgressCommand : GoalTargetCmdlet
{
    /// <summary>The new status: NotStarted, InProgress, Completed or Cancelled. The goal's own when absent.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("NotStarted", "InProgress", "Completed", "Cancelled", "not_started", "in_progress", "completed", "cancelled", IgnoreCase = true)]
    public string? Status { get; set; }

    /// <summary>The value achieved so far. The goal's own when absent.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Progress")]
    public double? CurrentValue { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Updating Totara goal progress";

    /// <inheritdoc />
    protected override string Action => "Update goal progress";

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var bound = MyInvocation.BoundParameters;
        if (!MyInvocation.ExpectingInput && !bound.ContainsKey(nameof(Status)) && !bound.ContainsKey(nameof(CurrentValue)))
            ThrowTerminatingError(TotaraErrors.Create("Give -Status, -CurrentValue or both.", ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, null));
        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override IEnumerable<GoalBatchRecord> ReadRecords(TotaraSession session)
    {
        if (TargetRecord(session, null) is not { } record) yield break;
        record.Status = GoalValues.StatusCode(Status);
        record.CurrentValue = CurrentValue;
        if (record.Status is null && record.CurrentValue is null)
        {
            Refuse(new TotaraRecordException(record, "neither a status nor a current value was given.", "Status"), record.Target, ErrorIds.InvalidInput, ErrorCategory.InvalidData);
            yield break;
        }
        if (record.CurrentValue is double v && (double.IsNaN(v) || v < 0 || v > 99999))
        {
            Refuse(new TotaraRecordException(record, $"{GoalValues.Text(v)} is not between 0 and 99999.", "CurrentValue"), record.Target, ErrorIds.InvalidInput, ErrorCategory.InvalidData);
            yield break;
        }
        yield return record;
    }

    private protected override RecordSender<GoalBatchRecord> Sender { get; } = new GoalProgressSender();
}
