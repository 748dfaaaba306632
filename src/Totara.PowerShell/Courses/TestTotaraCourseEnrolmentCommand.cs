using System.Management.Automation;
using Totara.Client.Courses;

namespace Totara.PowerShell.Courses;

/// <summary>
/// <para type="synopsis">Tests whether users are enrolled in a Totara course: one answer per user.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "TotaraCourseEnrolment")]
[OutputType(typeof(bool), typeof(TotaraCourseEnrolmentResult))]
public sealed class TestTotaraCourseEnrolmentCommand : CourseEnrolmentCmdlet
{
    /// <summary>Returns a result object per user (user, course, IsEnrolled / IsNotEnrolled) instead of a boolean.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Testing Totara course enrolment";

    /// <inheritdoc />
    protected override string Action => $"Test enrolment in course '{Course}'";

    private protected override CourseEnrolmentAction EnrolmentAction => CourseEnrolmentAction.Test;

    private protected override void WriteEnrolment(TotaraCourseEnrolmentResult result)
    {
        if (Detailed.IsPresent) WriteObject(result);
        else WriteObject(result.IsEnrolled);
    }
}
