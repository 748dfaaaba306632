using System;

namespace Totara.PowerShell.Courses;

/// <summary>What Add-, Remove- or Test-TotaraCourseEnrolment found or did for one user.</summary>
public enum TotaraEnrolmentResult
{
    /// <summary>The user was not enrolled; the command enrolled them.</summary>
    Enrolled,

    /// <summary>The user was enrolled already; the manual enrolment was (re)applied with the settings given.</summary>
    AlreadyEnrolled,

    /// <summary>The command removed the user's manual enrolment.</summary>
    Unenrolled,

    /// <summary>The user had no manual enrolment to remove (not enrolled, or enrolled by another method only).</summary>
    NotManuallyEnrolled,

    /// <summary>A test: the user is actively enrolled.</summary>
    IsEnrolled,

    /// <summary>A test: the user is not actively enrolled.</summary>
    IsNotEnrolled,
}

/// <summary>One user's enrolment result: which course, which user, and what happened.</summary>
public sealed class TotaraCourseEnrolmentResult
{
    internal TotaraCourseEnrolmentResult(string course, long? courseId, string user, long? userId, string? username, TotaraEnrolmentResult result,
        string? role, DateTime? start, DateTime? end, bool? suspended, Uri site)
    {
        Course = course;
        CourseId = courseId;
        User = user;
        UserId = userId;
        Username = username;
        Result = result;
        Role = role;
        Start = start;
        End = end;
        Suspended = suspended;
        Site = site;
    }

    /// <summary>The course, by full name and shortname.</summary>
    public string Course { get; }

    public long? CourseId { get; }

    /// <summary>The user as given on input (username, idnumber, email or id).</summary>
    public string User { get; }

    /// <summary>The user's id and username, when the site returned them (enrols and unenrols).</summary>
    public long? UserId { get; }

    public string? Username { get; }

    public TotaraEnrolmentResult Result { get; }

    /// <summary>After an enrol: the role's shortname, the enrolment's start and end (UTC), and whether it is suspended.</summary>
    public string? Role { get; }

    public DateTime? Start { get; }

    public DateTime? End { get; }

    public bool? Suspended { get; }

    /// <summary>Whether the user is enrolled now (after an enrol) or was found to be (a test).</summary>
    public bool IsEnrolled => Result is TotaraEnrolmentResult.Enrolled or TotaraEnrolmentResult.AlreadyEnrolled or TotaraEnrolmentResult.IsEnrolled;

    /// <summary>Whether this command changed the user's enrolment state.</summary>
    public bool Changed => Result is TotaraEnrolmentResult.Enrolled or TotaraEnrolmentResult.Unenrolled;

    public Uri Site { get; }

    public override string ToString() => $"{User}: {Result}";
}
