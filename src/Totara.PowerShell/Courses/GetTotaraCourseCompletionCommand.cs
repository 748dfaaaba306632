using System.Management.Automation;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Courses;

/// <summary>
/// <para type="synopsis">Gets users' completion of a Totara course: status, progress, completion date and grade, one object per user.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TotaraCourseCompletion")]
[OutputType(typeof(TotaraCourseCompletion))]
public sealed class GetTotaraCourseCompletionCommand : CourseUserCmdlet
{
    /// <inheritdoc />
    protected override string Activity => "Reading Totara course completion";

    /// <inheritdoc />
    protected override string Action => $"Read completion of course '{Course}'";

    private CompletionSender? _sender;

    private protected override RecordSender<CourseUserRecord> Sender => _sender ??= new CompletionSender(Target);
}
