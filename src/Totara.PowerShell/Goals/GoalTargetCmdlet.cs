using System;
using System.Management.Automation;
using Totara.Client.Goals;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Goals;

/// <summary>
/// Base of the goal cmdlets that act on an existing goal (Set-TotaraGoal, Set-TotaraGoalProgress,
/// Remove-TotaraGoal): the same -Identity parameter and the same way of turning it into a record.
/// </summary>
public abstract class GoalTargetCmdlet : BatchingCmdlet<GoalBatchRecord>
{
    /// <summary>The goal: its id, its id_number, a TotaraGoal, or a record with Id/GoalId or IdNumber/GoalIdNumber.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Goal")]
    [GoalIdentityTransformation]
    [ValidateNotNull]
    public GoalIdentity Identity { get; set; } = null!;

    /// <summary>
    /// The next record, for the goal <see cref="Identity"/> names and <paramref name="change"/>;
    /// null when the identity names no goal here (the record is refused with an error).
    /// </summary>
    private protected GoalBatchRecord? TargetRecord(TotaraSession session, GoalChange? change)
    {
        var number = NextRecordNumber();
        var input = Identity.Source;
        try
        {
            return new GoalBatchRecord(number, input, Identity.Text, Identity.ReferenceFor(session.Url), change);
        }
        catch (ArgumentException ex)
        {
            RefuseInput(number, input, Identity.Text, ex.Message, "Identity", ErrorCategory.InvalidArgument);
            return null;
        }
    }
}
