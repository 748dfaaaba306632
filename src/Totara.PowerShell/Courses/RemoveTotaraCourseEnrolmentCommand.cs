using System.Management.Automation;
using Totara.Client.Courses;

namespace Totara.PowerShell.Courses;

/// <summary>
/// <para type="synopsis">Removes users' manual enrolments from a Totara course, in batched requests: one result per user.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "TotaraCourseEnrolment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(TotaraCourseEnrolmentResult))]
public sealed class RemoveTotaraCourseEnrolmentCommand : CourseEnrolmentCmdlet
{
    /// <inheritdoc />
    protected override string Activity => "Unenrolling users from a Totara course";

    /// <inheritdoc />
    protected override string Action => $"Remove manual enrolment from course '{Course}'";

    private protected override CourseEnrolmentAction EnrolmentAction => CourseEnrolmentAction.Unenrol;

    private protected override void WriteEnrolment(TotaraCourseEnrolmentResult result) => WriteObject(result);
}
