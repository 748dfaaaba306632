using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Courses;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Courses;

/// <summary>
/// <para type="synopsis">Gets users' completion of a Totara course: status, progress, completion date and grade, one object per user.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TotaraCourseCompletion")]
[OutputType(typeof(TotaraCourseCompletion))]
public sealed class GetTotaraCourseCompletionCommand : CourseUserCmdlet<CompletionOutcome>
{
    /// <inheritdoc />
    protected override string Activity => "Reading Totara course completion";

    /// <inheritdoc />
    protected override string Action => $"Read completion of course '{Course}'";

    /// <inheritdoc />
    protected override int BatchSize(TotaraSession session) => session.Client.OperationsPerRequest(Totara.Client.Courses.CourseCompletionData.Cost);

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<CompletionOutcome>> SendAsync(TotaraSession session, IReadOnlyList<CourseUserRecord> batch, CancellationToken ct)
    {
        var results = await session.Client.Courses.GetCompletionsAsync(CourseReference!, Requests(session, batch), ct).ConfigureAwait(false);
        return results.Select(r => new CompletionOutcome(r)).ToList();
    }

    /// <inheritdoc />
    protected override bool Succeeded(CompletionOutcome outcome) => outcome.Result.Succeeded;

    /// <inheritdoc />
    protected override bool WriteResult(CourseUserRecord record, CompletionOutcome outcome)
    {
        var result = outcome.Result;
        if (!result.Succeeded)
        {
            WriteUserError(record, result.Error!, result.UserNotFound, result.Request.Describe());
            return false;
        }
        WriteObject(new TotaraCourseCompletion(record.Label, result.Completion!, CourseLabel, ActiveSession!.Url));
        return true;
    }
}
