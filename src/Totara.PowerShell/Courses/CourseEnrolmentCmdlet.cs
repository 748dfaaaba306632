using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Courses;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Courses;

/// <summary>
/// One user's enrolment outcome, as the batching base sees it. A module type on purpose:
/// PowerShell reads cmdlet base classes before the module can resolve Totara.Client.
/// </summary>
public sealed class EnrolmentOutcome
{
    internal EnrolmentOutcome(CourseEnrolmentResult result) => Result = result;

    internal CourseEnrolmentResult Result { get; }
}

/// <summary>One user's completion answer, as the batching base sees it (a module type, as the base requires).</summary>
public sealed class CompletionOutcome
{
    internal CompletionOutcome(CourseCompletionResult result) => Result = result;

    internal CourseCompletionResult Result { get; }
}

/// <summary>Base of Add-, Remove- and Test-TotaraCourseEnrolment: batched requests, one result per user.</summary>
public abstract class CourseEnrolmentCmdlet : CourseUserCmdlet<EnrolmentOutcome>
{
    private protected abstract CourseEnrolmentAction EnrolmentAction { get; }

    /// <summary>The enrolment settings sent with every enrol (null for unenrol and test).</summary>
    private protected virtual EnrolmentSettings? Settings => null;

    /// <summary>Writes a successful result.</summary>
    private protected abstract void WriteEnrolment(TotaraCourseEnrolmentResult result);

    /// <inheritdoc />
    protected override int BatchSize(TotaraSession session) => session.Client.Courses.OperationsPerRequest(EnrolmentAction);

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<EnrolmentOutcome>> SendAsync(TotaraSession session, IReadOnlyList<CourseUserRecord> batch, CancellationToken ct)
    {
        var results = await session.Client.Courses.RunEnrolmentAsync(CourseReference!, EnrolmentAction, Requests(session, batch), Settings, ct).ConfigureAwait(false);
        return results.Select(r => new EnrolmentOutcome(r)).ToList();
    }

    /// <inheritdoc />
    protected override bool Succeeded(EnrolmentOutcome outcome) => outcome.Result.Succeeded;

    /// <inheritdoc />
    protected override bool WriteResult(CourseUserRecord record, EnrolmentOutcome outcome)
    {
        var result = outcome.Result;
        if (!result.Succeeded)
        {
            WriteUserError(record, result.Error!, result.UserNotFound, result.Request.Describe());
            return false;
        }
        bool? suspended = result.Status is null ? null : result.Status == "ENROL_USER_SUSPENDED";
        WriteEnrolment(new TotaraCourseEnrolmentResult(CourseLabel, CourseId, record.Label, result.UserId, result.Username, Map(result.Outcome!.Value),
            result.Role, result.Start?.UtcDateTime, result.End?.UtcDateTime, suspended, ActiveSession!.Url));
        return true;
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
