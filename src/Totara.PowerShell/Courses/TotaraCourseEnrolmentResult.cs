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

    /// <summary>The course's id; the course is resolved before anything is sent, so a result always carries it.</summary>
    public long? CourseId { get; }

    /// <summary>The user as given on input (username, idnumber, email or id).</summary>
    public string User { get; }

    /// <summary>The user's id and username, when the site returned them (enrols and unenrols).</summary>
    public long? UserId { get; }

    /// <summary>The user's username, when the site returned the user (enrols and unenrols); null for a test and when nothing was sent.</summary>
    public string? Username { get; }

    /// <summary>What the command found or did for this user; <see cref="IsEnrolled"/> and <see cref="Changed"/> read it.</summary>
    public TotaraEnrolmentResult Result { get; }

    /// <summary>After an enrol: the role's shortname, the enrolment's start and end (UTC), and whether it is suspended.</summary>
    public string? Role { get; }

    /// <summary>After an enrol, when the enrolment starts (UTC); null otherwise or when the site sent none.</summary>
    public DateTime? Start { get; }

    /// <summary>After an enrol, when the enrolment ends (UTC); null when it is open-ended or this was not an enrol.</summary>
    public DateTime? End { get; }

    /// <summary>After an enrol, whether the enrolment is suspended (ENROL_USER_SUSPENDED); null when this was not an enrol or the site sent no status.</summary>
    public bool? Suspended { get; }

    /// <summary>Whether the user is enrolled now (after an enrol) or was found to be (a test).</summary>
    public bool IsEnrolled => Result is TotaraEnrolmentResult.Enrolled or TotaraEnrolmentResult.AlreadyEnrolled or TotaraEnrolmentResult.IsEnrolled;

    /// <summary>Whether this command changed the user's enrolment state.</summary>
    public bool Changed => Result is TotaraEnrolmentResult.Enrolled or TotaraEnrolmentResult.Unenrolled;

    /// <summary>The site the course is on (the session's URL).</summary>
    public Uri Site { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{User}: {Result}";
}
