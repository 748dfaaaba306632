using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.JobAssignments;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// <para type="synopsis">Creates job assignments: pipe the rows of an HR Import job-assignment CSV straight in.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "TotaraJobAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraJobAssignment))]
public sealed class NewTotaraJobAssignmentCommand : JobAssignmentFieldsCmdlet
{
    /// <summary>The new assignment's idnumber (unique per user).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string IdNumber { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override string Activity => "Creating Totara job assignments";

    /// <inheritdoc />
    protected override string Action => "Create Totara job assignment";

    private protected override RecordSender<JobAssignmentRecord> Sender { get; } = new JobAssignmentSender(writesAssignment: true);

    /// <inheritdoc />
    protected override IEnumerable<JobAssignmentRecord> ReadRecords(TotaraSession session)
    {
        var number = NextRecordNumber();
        if (InputObject?.BaseObject is TotaraUser)
        {
            RefuseInput(number, Input.Target, IdNumber, "a TotaraUser was piped in: pipe job-assignment records (e.g. Import-Csv rows), or give the user with -User.", nameof(User));
            yield break;
        }
        var holder = Input.HolderOf(session, out var problem);
        if (holder is null)
        {
            RefuseInput(number, Input.Target, IdNumber, problem!, nameof(UserIdNumber));
            yield break;
        }
        var label = $"job '{IdNumber.Trim()}' of {holder}";
        var builder = new JobAssignmentRecordBuilder();
        var change = BuildChange(session, builder, out problem, out var field);
        if (change is null)
        {
            RefuseInput(number, Input.Target, label, problem!, field);
            yield break;
        }
        yield return builder.Build(number, Input.Target, label, JobAssignmentRequest.Create(holder, IdNumber, change));
    }
}
