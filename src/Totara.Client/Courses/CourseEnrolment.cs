using System;
using System.Collections.Generic;
using System.Linq;
using Totara.Client.Users;

namespace Totara.Client.Courses;

/// <summary>What is done with a user's manual enrolment in a course.</summary>
public enum CourseEnrolmentAction
{
    Enrol,
    Unenrol,
    Test,
}

/// <summary>What an enrolment operation found or did.</summary>
public enum CourseEnrolmentOutcome
{
    /// <summary>The user was not enrolled; this request enrolled them.</summary>
    Enrolled,

    /// <summary>The user was enrolled already; the manual enrolment was (re)applied with the settings given.</summary>
    AlreadyEnrolled,

    /// <summary>This request removed the user's manual enrolment(s).</summary>
    Unenrolled,

    /// <summary>The user had no active enrolment (nothing was sent), or is enrolled by another method only.</summary>
    NotManuallyEnrolled,

    /// <summary>A test: the user is actively enrolled (by any method).</summary>
    IsEnrolled,

    /// <summary>A test: the user is not actively enrolled.</summary>
    IsNotEnrolled,
}

/// <summary>Settings of a manual enrolment (all optional; Totara's defaults apply when absent).</summary>
public sealed class EnrolmentSettings
{
    /// <summary>The role's shortname (e.g. student, editingteacher); the enrol instance's default role when null.</summary>
    public string? RoleShortName { get; set; }

    /// <summary>When the enrolment starts; now when null. Totara refuses a start earlier than today.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>When the enrolment ends; open-ended when null.</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>Creates (or sets) the enrolment as suspended.</summary>
    public bool? Suspended { get; set; }

    internal void AddTo(IDictionary<string, object?> input)
    {
        if (!string.IsNullOrWhiteSpace(RoleShortName)) input["role"] = new Dictionary<string, object?> { ["shortname"] = RoleShortName!.Trim() };
        if (Start is { } start) input["timestart"] = start.ToUnixTimeSeconds();
        if (End is { } end) input["timeend"] = end.ToUnixTimeSeconds();
        if (Suspended is bool suspended) input["suspended"] = suspended;
    }
}

/// <summary>The result of one enrolment request.</summary>
public sealed class CourseEnrolmentResult
{
    internal CourseEnrolmentResult(UserRequest request, UserReference tried, CourseEnrolmentOutcome? outcome,
        long? userId, string? username, TotaraGraphQLError? error, bool userNotFound, DateTimeOffset? start = null, DateTimeOffset? end = null, string? status = null, string? role = null)
    {
        Request = request;
        Tried = tried;
        Outcome = outcome;
        UserId = userId;
        Username = username;
        Error = error;
        UserNotFound = userNotFound;
        Start = start;
        End = end;
        Status = status;
        Role = role;
    }

    public UserRequest Request { get; }

    /// <summary>The reference that matched (or, on failure, the last one tried).</summary>
    public UserReference Tried { get; }

    public CourseEnrolmentOutcome? Outcome { get; }

    /// <summary>The user's id and username, when the site returned the user (enrols and unenrols).</summary>
    public long? UserId { get; }

    public string? Username { get; }

    /// <summary>The enrolment's start, end, status (ENROL_USER_ACTIVE / ENROL_USER_SUSPENDED) and role, after an enrol.</summary>
    public DateTimeOffset? Start { get; }

    public DateTimeOffset? End { get; }

    public string? Status { get; }

    public string? Role { get; }

    public TotaraGraphQLError? Error { get; }

    /// <summary>True when no reference of the request matched a user.</summary>
    public bool UserNotFound { get; }

    public bool Succeeded => Error is null;

    /// <summary>Whether the user is enrolled after the operation (or, for a test, is enrolled).</summary>
    public bool IsEnrolled => Outcome is CourseEnrolmentOutcome.Enrolled or CourseEnrolmentOutcome.AlreadyEnrolled or CourseEnrolmentOutcome.IsEnrolled;

    internal CourseEnrolmentResult With(CourseEnrolmentOutcome outcome) =>
        new(Request, Tried, outcome, UserId, Username, null, false, Start, End, Status, Role);

    public override string ToString() => Succeeded ? $"{Tried}: {Outcome}" : $"{Tried}: {Error!.Message}";
}
