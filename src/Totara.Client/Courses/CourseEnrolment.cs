using System;
using System.Collections.Generic;
using Totara.Client.Users;

namespace Totara.Client.Courses;

/// <summary>What is done with a user's manual enrolment in a course.</summary>
public enum CourseEnrolmentAction
{
    /// <summary>Enrol the user manually (<c>enrol_manual_enrol_user</c>), with the <see cref="EnrolmentSettings"/> given; always sent, so the settings apply to a user enrolled already.</summary>
    Enrol,
    /// <summary>Remove the user's manual enrolment (<c>enrol_manual_unenrol_user</c>); sent only for a user actively enrolled.</summary>
    Unenrol,
    /// <summary>Only ask whether the user is actively enrolled (<c>core_course_is_user_enrolled</c>); nothing changes.</summary>
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
public sealed class CourseEnrolmentResult : UserRequestResult
{
    internal CourseEnrolmentResult(UserRequest request, UserReference tried, CourseEnrolmentOutcome? outcome,
        long? userId, string? username, TotaraGraphQLError? error, bool userNotFound, DateTimeOffset? start = null, DateTimeOffset? end = null, string? status = null, string? role = null)
        : base(request, tried, error, userNotFound)
    {
        Outcome = outcome;
        UserId = userId;
        Username = username;
        Start = start;
        End = end;
        Status = status;
        Role = role;
    }

    /// <summary>What was found or done; null when the request failed (see <see cref="UserRequestResult.Error"/>).</summary>
    public CourseEnrolmentOutcome? Outcome { get; }

    /// <summary>The user's id and username, when the site returned the user (enrols and unenrols).</summary>
    public long? UserId { get; }

    /// <summary>The user's username, when the site returned the user (enrols and unenrols); null otherwise.</summary>
    public string? Username { get; }

    /// <summary>The enrolment's start, end, status (ENROL_USER_ACTIVE / ENROL_USER_SUSPENDED) and role, after an enrol.</summary>
    public DateTimeOffset? Start { get; }

    /// <summary>When the enrolment ends, after an enrol; null when open-ended or not an enrol.</summary>
    public DateTimeOffset? End { get; }

    /// <summary>The enrolment's status after an enrol (ENROL_USER_ACTIVE or ENROL_USER_SUSPENDED, as the site sent it); null otherwise.</summary>
    public string? Status { get; }

    /// <summary>The shortname of the role the enrol gave; null when not an enrol or the site sent none.</summary>
    public string? Role { get; }

    /// <summary>Whether the user is enrolled after the operation (or, for a test, is enrolled).</summary>
    public bool IsEnrolled => Outcome is CourseEnrolmentOutcome.Enrolled or CourseEnrolmentOutcome.AlreadyEnrolled or CourseEnrolmentOutcome.IsEnrolled;

    internal CourseEnrolmentResult With(CourseEnrolmentOutcome outcome) =>
        new(Request, Tried, outcome, UserId, Username, null, false, Start, End, Status, Role);

    private protected override string AnswerText => Outcome.ToString() ?? "";
}
