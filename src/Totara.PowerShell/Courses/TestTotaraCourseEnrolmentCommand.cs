using System.Management.Automation;
using Totara.Client.Courses;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Courses;

/// <summary>
/// <para type="synopsis">Tests whether users are enrolled in a Totara course: one answer per user.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "TotaraCourseEnrolment")]
[OutputType(typeof(bool), typeof(TotaraCourseEnrolmentResult))]
public sealed class TestTotaraCourseEnrolmentCommand : CourseUserCmdlet
{
    /// <summary>Returns a result object per user (user, course, IsEnrolled / IsNotEnrolled) instead of a boolean.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Testing Totara course enrolment";

    /// <inheritdoc />
    protected override string Action => $"Test enrolment in course '{Course}'";

    private EnrolmentSender? _sender;

    private protected override RecordSender<CourseUserRecord> Sender => _sender ??= new EnrolmentSender(Target, CourseEnrolmentAction.Test, null, WriteEnrolment);

    private void WriteEnrolment(Cmdlet cmdlet, TotaraCourseEnrolmentResult result)
    {
        if (Detailed.IsPresent) cmdlet.WriteObject(result);
        else cmdlet.WriteObject(result.IsEnrolled);
    }
}
