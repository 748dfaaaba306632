using Totara.Client.Courses;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.Courses;

/// <summary>One user of a course command (to enrol, unenrol, test or report on), and the site's answer.</summary>
public sealed class CourseUserRecord : BatchRecord
{
    internal CourseUserRecord(int number, object? input, UserIdentity identity) : base(number, input, identity.Text) => Identity = identity;

    /// <summary>The user, as given.</summary>
    public UserIdentity Identity { get; }

    /// <summary>The answer to an enrol, unenrol or test, once sent.</summary>
    internal CourseEnrolmentResult? Enrolment { get; set; }

    /// <summary>The answer to a completion read, once sent.</summary>
    internal CourseCompletionResult? Completion { get; set; }

    internal override bool Succeeded => Enrolment?.Succeeded ?? Completion?.Succeeded ?? false;
}
