using System.Management.Automation;
using Totara.Client.Courses;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Courses;

/// <summary>
/// <para type="synopsis">Removes users' manual enrolments from a Totara course, in batched requests: one result per user.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "TotaraCourseEnrolment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(TotaraCourseEnrolmentResult))]
public sealed class RemoveTotaraCourseEnrolmentCommand : CourseUserCmdlet
{
    /// <inheritdoc />
    protected override string Activity => "Unenrolling users from a Totara course";

    /// <inheritdoc />
    protected override string Action => $"Remove manual enrolment from course '{Course}'";

    private EnrolmentSender? _sender;

    private protected override RecordSender<CourseUserRecord> Sender =>
        _sender ??= new EnrolmentSender(Target, CourseEnrolmentAction.Unenrol, null, (cmdlet, result) => cmdlet.WriteObject(result));
}
