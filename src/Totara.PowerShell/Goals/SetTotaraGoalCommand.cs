using System;
using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.Goals;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Goals;

/// <summary>
/// <para type="synopsis">Changes Totara goals: only the values given are sent, one or many goals from the pipeline.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "TotaraGoal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraGoal))]
public sealed class SetTotaraGoalCommand : GoalTargetCmdlet
{
    /// <summary>The new name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("GoalName")]
    public string? Name { get; set; }

    /// <summary>The new id_number (the goal's external identifier).</summary>
    [Parameter]
    public string? NewIdNumber { get; set; }

    /// <summary>The new description.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>The new start date.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public DateTime? StartDate { get; set; }

    /// <summary>The new target date.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("DueDate")]
    public DateTime? TargetDate { get; set; }

    /// <summary>The new target value.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public double? TargetValue { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Changing Totara goals";

    /// <inheritdoc />
    protected override string Action => "Change goal";

    /// <inheritdoc />
    protected override IEnumerable<GoalBatchRecord> ReadRecords(TotaraSession session)
    {
        var change = new GoalChange
        {
            Name = Name,
            IdNumber = string.IsNullOrWhiteSpace(NewIdNumber) ? null : NewIdNumber!.Trim(),
            Description = Description,
            StartDate = GoalValues.Instant(StartDate),
            TargetDate = GoalValues.Instant(TargetDate),
            TargetValue = TargetValue,
        };
        // A piped goal binds its own values too: send only what differs from it.
        if (Identity.Goal is { } known) DropUnchanged(change, known);
        if (TargetRecord(session, change) is not { } record) yield break;
        if (change.IsEmptyUpdate)
        {
            WriteVerbose($"{record}: nothing to change.");
            yield break;
        }
        var (problems, field) = GoalSender.Refusal(record, creating: false);
        if (RefuseInvalid(record, problems, field)) yield break;
        yield return record;
    }

    private protected override RecordSender<GoalBatchRecord> Sender { get; } =
        new GoalOperationSender((goals, record) => goals.Update(record.Reference!, record.Change!, record));

    private static void DropUnchanged(GoalChange change, TotaraGoal goal)
    {
        if (change.Name == goal.Name) change.Name = null;
        if (change.IdNumber == goal.IdNumber) change.IdNumber = null;
        if (change.Description == goal.Description) change.Description = null;
        if (change.StartDate?.UtcDateTime == goal.StartDate) change.StartDate = null;
        if (change.TargetDate?.UtcDateTime == goal.TargetDate) change.TargetDate = null;
        if (change.TargetValue == goal.TargetValue) change.TargetValue = null;
    }
}
