using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Courses;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Courses;

/// <summary>How Add-, Remove- and Test-TotaraCourseEnrolment send: batched requests, one result per user.</summary>
internal sealed class EnrolmentSender : CourseUserSender
{
    private readonly CourseEnrolmentAction _action;
    private readonly EnrolmentSettings? _settings;
    private readonly Action<Cmdlet, TotaraCourseEnrolmentResult> _writeEnrolment;

    /// <param name="course">The course the command works on; resolved by the cmdlet before the first batch is sent.</param>
    /// <param name="action">Enrol, unenrol or test; also decides the batch size.</param>
    /// <param name="settings">Sent with every enrol (null for unenrol and test).</param>
    /// <param name="writeEnrolment">Writes one successful result; the cmdlet decides how (Test- writes a bool unless -Detailed, for example).</param>
    public EnrolmentSender(CourseTarget course, CourseEnrolmentAction action, EnrolmentSettings? settings, Action<Cmdlet, TotaraCourseEnrolmentResult> writeEnrolment)
        : base(course)
    {
        _action = action;
        _settings = settings;
        _writeEnrolment = writeEnrolment;
    }

    /// <inheritdoc />
    public override int BatchSize(TotaraSession session) => session.Client.Courses.OperationsPerRequest(_action);

    /// <inheritdoc />
    public override async Task SendAsync(TotaraSession session, IReadOnlyList<CourseUserRecord> batch, CancellationToken ct)
    {
        var results = await session.Client.Courses.RunEnrolmentAsync(Course.Reference!, _action, Requests(session, batch), _settings, ct).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++) batch[i].Enrolment = results[i];
    }

    /// <inheritdoc />
    public override void Write(Cmdlet cmdlet, TotaraSession session, CourseUserRecord record)
    {
        var result = record.Enrolment!;
        if (!result.Succeeded)
        {
            WriteUserError(cmdlet, session, record, result);
            return;
        }
        bool? suspended = result.Status is null ? null : result.Status == "ENROL_USER_SUSPENDED";
        _writeEnrolment(cmdlet, new TotaraCourseEnrolmentResult(Course.Label, Course.Id, record.Label, result.UserId, result.Username, Map(result.Outcome!.Value),
            result.Role, result.Start?.UtcDateTime, result.End?.UtcDateTime, suspended, session.Url));
    }

    private static TotaraEnrolmentResult Map(CourseEnrolmentOutcome outcome) => outcome switch
    {
        CourseEnrolmentOutcome.Enrolled => TotaraEnrolmentResult.Enrolled,
        CourseEnrolmentOutcome.AlreadyEnrolled => TotaraEnrolmentResult.AlreadyEnrolled,
        CourseEnrolmentOutcome.Unenrolled => TotaraEnrolmentResult.Unenrolled,
        CourseEnrolmentOutcome.NotManuallyEnrolled => TotaraEnrolmentResult.NotManuallyEnrolled,
        CourseEnrolmentOutcome.IsEnrolled => TotaraEnrolmentResult.IsEnrolled,
        _ => TotaraEnrolmentResult.IsNotEnrolled,
    };
}
