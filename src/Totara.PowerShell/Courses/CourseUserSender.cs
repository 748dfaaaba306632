using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Courses;

/// <summary>
/// What the senders of the course commands share: users named by their identities (the same user
/// twice is refused), sent as user requests to one course, and the per-user error for a user no
/// reference matches.
/// </summary>
internal abstract class CourseUserSender : RecordSender<CourseUserRecord>
{
    protected CourseUserSender(CourseTarget course) => Course = course;

    protected CourseTarget Course { get; }

    /// <inheritdoc />
    public override IEnumerable<UniqueKey> UniqueKeys(TotaraSession session, CourseUserRecord record) => record.Identity.KeyFor(session.Url);

    /// <summary>The user requests of a batch, each tagged with its record.</summary>
    protected static List<UserRequest> Requests(TotaraSession session, IReadOnlyList<CourseUserRecord> batch) =>
        batch.Select(r => new UserRequest(r.Identity.CandidatesFor(session.Url), r)).ToList();

    /// <summary>Writes a user's failure: not found, state unknown after a lost answer, or refused by the site.</summary>
    protected static void WriteUserError(Cmdlet cmdlet, TotaraSession session, CourseUserRecord record, UserRequestResult result) =>
        cmdlet.WriteError(result.UserNotFound
            ? TotaraErrors.UserNotFound(record, $"no user matches {result.Request.Describe()} on {session.Url}.", "User", result.Error!.Category)
            : TotaraErrors.RecordFailure(record, result.Error!, null));
}
