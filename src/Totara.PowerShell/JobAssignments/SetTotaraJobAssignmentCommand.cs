using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.JobAssignments;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// <para type="synopsis">Changes job assignments: only the fields given are sent.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "TotaraJobAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraJobAssignment))]
public sealed class SetTotaraJobAssignmentCommand : JobAssignmentFieldsCmdlet
{
    /// <summary>The idnumber of the assignment to change (with -UserIdNumber or -User).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? IdNumber { get; set; }

    /// <summary>The id of the assignment to change (instead of user and idnumber).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("JobAssignmentId")]
    public long Id { get; set; }

    /// <summary>A new idnumber for the assignment.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? NewIdNumber { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Changing Totara job assignments";

    /// <inheritdoc />
    protected override string Action => "Change Totara job assignment";

    /// <inheritdoc />
    protected override IEnumerable<JobAssignmentRecord> ReadRecords(TotaraSession session)
    {
        var number = NextRecordNumber();
        var target = Input.TargetOf(session, Id, IdNumber, out var label, out var problem);
        if (target is null)
        {
            RefuseInput(number, Input.Target, label, problem!, nameof(IdNumber));
            yield break;
        }
        var builder = new JobAssignmentRecordBuilder();
        var change = BuildChange(session, builder, out problem, out var field);
        if (change is not null && Input.IsGiven(nameof(NewIdNumber), NewIdNumber))
        {
            if (string.IsNullOrWhiteSpace(NewIdNumber)) (change, problem, field) = (null, "a job assignment's idnumber cannot be emptied.", nameof(NewIdNumber));
            else change.SetIdNumber(NewIdNumber!);
        }
        if (change is null)
        {
            RefuseInput(number, Input.Target, label, problem!, field);
            yield break;
        }
        if (change.IsEmpty && builder.ManagerWithoutJob is null && builder.TempManagerWithoutJob is null)
        {
            RefuseInput(number, Input.Target, label, "no field to change was given.", null);
            yield break;
        }
        yield return builder.Build(number, Input.Target, label, JobAssignmentRequest.Update(target, change));
    }

    private protected override RecordSender<JobAssignmentRecord> Sender { get; } = new JobAssignmentSender(writesAssignment: true);
}
