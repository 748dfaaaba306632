using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client;
using Totara.Client.JobAssignments;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// <para type="synopsis">Deletes job assignments; staff managed through one lose that manager.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "TotaraJobAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveTotaraJobAssignmentCommand : JobAssignmentBatchCmdlet
{
    /// <summary>The idnumber of the assignment to delete (with -UserIdNumber or -User).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? IdNumber { get; set; }

    /// <summary>The id of the assignment to delete (instead of user and idnumber).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("JobAssignmentId")]
    public long Id { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Deleting Totara job assignments";

    /// <inheritdoc />
    protected override string Action => "Delete Totara job assignment";

    /// <inheritdoc />
    protected override bool WritesAssignment => false;

    /// <inheritdoc />
    protected override IEnumerable<JobAssignmentRecord> ReadRecords(TotaraSession session)
    {
        var number = NextRecordNumber();
        var target = TargetOf(session, Id, IdNumber, out var label, out var problem);
        if (target is null)
        {
            RefuseRecord(number, label, problem!, nameof(IdNumber));
            yield break;
        }
        yield return new JobAssignmentRecord(number, PipedInput, label, target, null);
    }

    private protected override BatchOperation BuildOperation(JobAssignmentsClient jobs, JobAssignmentRecord record) =>
        jobs.Delete(record.Assignment, tag: record);
}
