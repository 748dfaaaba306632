using System;
using System.Management.Automation;
using Totara.Client.Courses;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Courses;

/// <summary>
/// <para type="synopsis">Enrols users in a Totara course (manual enrolment), in batched requests: one result per user.</para>
/// </summary>
[Cmdlet(VerbsCommon.Add, "TotaraCourseEnrolment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraCourseEnrolmentResult))]
public sealed class AddTotaraCourseEnrolmentCommand : CourseUserCmdlet
{
    /// <summary>The role's shortname (e.g. student, teacher); the course's default role (Learner) when absent.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Role { get; set; }

    /// <summary>When the enrolment starts (today or later); now when absent.</summary>
    [Parameter]
    public DateTime? StartDate { get; set; }

    /// <summary>When the enrolment ends; open-ended when absent.</summary>
    [Parameter]
    public DateTime? EndDate { get; set; }

    /// <summary>Enrols the users suspended (enrolled, but without access until the enrolment is made active).</summary>
    [Parameter]
    public SwitchParameter Suspended { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Enrolling users in a Totara course";

    /// <inheritdoc />
    protected override string Action => $"Enrol in course '{Course}'";

    private EnrolmentSender? _sender;

    private protected override RecordSender<CourseUserRecord> Sender =>
        _sender ??= new EnrolmentSender(Target, CourseEnrolmentAction.Enrol, Settings, (cmdlet, result) => cmdlet.WriteObject(result));

    private EnrolmentSettings Settings => new()
    {
        RoleShortName = Role,
        Start = StartDate is { } start ? new DateTimeOffset(start.ToUniversalTime()) : null,
        End = EndDate is { } end ? new DateTimeOffset(end.ToUniversalTime()) : null,
        Suspended = Suspended.IsPresent ? true : null,
    };

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (StartDate is { } start && EndDate is { } end && end < start)
            ThrowTerminatingError(TotaraErrors.Create($"-EndDate ({end:u}) is before -StartDate ({start:u}).", ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, EndDate));
        base.BeginProcessing();
    }
}
