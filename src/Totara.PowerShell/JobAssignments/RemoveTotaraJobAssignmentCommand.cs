using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.JobAssignments;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// <para type="synopsis">Deletes job assignments; staff managed through one lose that manager.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "TotaraJobAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveTotaraJobAssignmentCommand : BatchingCmdlet<JobAssignmentRecord>
{
    /// <summary>The user holding the assignment: a username, an id, an email or a TotaraUser.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [UserIdentityTransformation]
    [ValidateNotNull]
    public UserIdentity? User { get; set; }

    /// <summary>The idnumber of the user holding the assignment (HR Import's useridnumber).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserIdNumber { get; set; }

    /// <summary>The piped record (bound whole, so errors can point at it).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

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

    private protected override RecordSender<JobAssignmentRecord> Sender { get; } = new JobAssignmentSender(writesAssignment: false);

    private JobAssignmentInput Input => new(MyInvocation.BoundParameters, IsExplicit, InputObject, User, UserIdNumber);

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
        yield return new JobAssignmentRecord(number, Input.Target, label, JobAssignmentRequest.Delete(target));
    }
}
