using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Courses;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Courses;

/// <summary>How Get-TotaraCourseCompletion reads: users' completions in batched requests, one object per user.</summary>
internal sealed class CompletionSender : CourseUserSender
{
    public CompletionSender(CourseTarget course) : base(course) { }

    /// <inheritdoc />
    public override int BatchSize(TotaraSession session) => session.Client.OperationsPerRequest(CourseCompletionData.Cost);

    /// <inheritdoc />
    public override async Task SendAsync(TotaraSession session, IReadOnlyList<CourseUserRecord> batch, CancellationToken ct)
    {
        var results = await session.Client.Courses.GetCompletionsAsync(Course.Reference!, Requests(session, batch), ct).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++) batch[i].Completion = results[i];
    }

    /// <inheritdoc />
    public override void Write(Cmdlet cmdlet, TotaraSession session, CourseUserRecord record)
    {
        var result = record.Completion!;
        if (!result.Succeeded)
        {
            WriteUserError(cmdlet, session, record, result);
            return;
        }
        cmdlet.WriteObject(new TotaraCourseCompletion(record.Label, result.Completion!, Course.Label, session.Url));
    }
}
