using System;
using System.Text.Json;
using Totara.Client.Users;

namespace Totara.Client.Courses;

/// <summary>Totara's course completion states (COMPLETION_STATUS_*), plus "no record".</summary>
public enum CourseCompletionState
{
    /// <summary>The site holds no completion record (not enrolled, or completion tracking is off).</summary>
    NoRecord,
    /// <summary>Tracked, but nothing done yet (COMPLETION_STATUS_NOTYETSTARTED, status 10).</summary>
    NotYetStarted,
    /// <summary>Started but not complete (COMPLETION_STATUS_INPROGRESS, status 25).</summary>
    InProgress,
    /// <summary>Completed (COMPLETION_STATUS_COMPLETE, status 50).</summary>
    Complete,
    /// <summary>Completed through recognition of prior learning (COMPLETION_STATUS_COMPLETEVIARPL, status 75).</summary>
    CompleteViaRpl,
}

/// <summary>One user's completion of one course (<c>core_completion_get_course_completion</c>).</summary>
public sealed class CourseCompletionData
{
    /// <summary>What is asked for each user: the user, the course, and the completion record.</summary>
    public const string Selection =
        "user { id username } course { id shortname fullname } completion { id status statuskey progress timecompleted gradefinal grademax gradepercentage }";

    /// <summary>Query 5, user 3, course 4, completion 9.</summary>
    public const int Cost = 21;

    /// <summary>The user's id as the site returned it; null when the answer had no user.</summary>
    public long? UserId { get; set; }

    /// <summary>The user's username as the site returned it; null when the answer had no user.</summary>
    public string? Username { get; set; }

    /// <summary>The course's id; null when the answer had no course.</summary>
    public long? CourseId { get; set; }

    /// <summary>The course's shortname; null when the answer had no course.</summary>
    public string? CourseShortName { get; set; }

    /// <summary>The course's full name; null when the answer had no course.</summary>
    public string? CourseFullName { get; set; }

    /// <summary>The completion record's id; null when the site holds no record (<see cref="State"/> is then <see cref="CourseCompletionState.NoRecord"/>).</summary>
    public long? CompletionId { get; set; }

    /// <summary>The completion state, from the status key or, failing that, the numeric status (see <see cref="StateOf"/>).</summary>
    public CourseCompletionState State { get; set; }

    /// <summary>Totara's raw status value (10, 25, 50, 75) as text.</summary>
    public string? StatusCode { get; set; }

    /// <summary>The progress the site reports for the course (Totara gives a percentage, 0 to 100); null when it sent none.</summary>
    public double? Progress { get; set; }

    /// <summary>When the course was completed (from unix seconds); null when not complete or the site sent 0.</summary>
    public DateTimeOffset? TimeCompleted { get; set; }

    /// <summary>The user's final course grade, in the course's grade points; null when not graded.</summary>
    public double? GradeFinal { get; set; }

    /// <summary>The most points the course grade can reach; null when the site sent none.</summary>
    public double? GradeMax { get; set; }

    /// <summary>The final grade as a percentage of <see cref="GradeMax"/>; null when not graded.</summary>
    public double? GradePercentage { get; set; }

    /// <summary>Reads one answer of <c>core_completion_get_course_completion</c> selected with <see cref="Selection"/>; a missing part leaves its properties null (a missing completion gives <see cref="CourseCompletionState.NoRecord"/>).</summary>
    /// <param name="result">The answer's JSON object.</param>
    public static CourseCompletionData FromJson(JsonElement result)
    {
        var data = new CourseCompletionData();
        if (result.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object)
        {
            data.UserId = JsonValues.Long(user, "id");
            data.Username = JsonValues.Text(user, "username");
        }
        if (result.TryGetProperty("course", out var course) && course.ValueKind == JsonValueKind.Object)
        {
            data.CourseId = JsonValues.Long(course, "id");
            data.CourseShortName = JsonValues.Text(course, "shortname");
            data.CourseFullName = JsonValues.Text(course, "fullname");
        }
        if (result.TryGetProperty("completion", out var completion) && completion.ValueKind == JsonValueKind.Object)
        {
            data.CompletionId = JsonValues.Long(completion, "id");
            data.StatusCode = JsonValues.Text(completion, "status");
            data.State = StateOf(JsonValues.Text(completion, "statuskey"), data.StatusCode);
            data.Progress = JsonValues.Double(completion, "progress");
            data.TimeCompleted = JsonValues.Timestamp(completion, "timecompleted");
            data.GradeFinal = JsonValues.Double(completion, "gradefinal");
            data.GradeMax = JsonValues.Double(completion, "grademax");
            data.GradePercentage = JsonValues.Double(completion, "gradepercentage");
        }
        return data;
    }

    /// <summary>From the status key (a language string key) when given, else from Totara's numeric status.</summary>
    public static CourseCompletionState StateOf(string? statusKey, string? statusCode)
    {
        switch (statusKey?.Trim().ToLowerInvariant())
        {
            case "notyetstarted": return CourseCompletionState.NotYetStarted;
            case "inprogress": return CourseCompletionState.InProgress;
            case "complete": return CourseCompletionState.Complete;
            case "completeviarpl": return CourseCompletionState.CompleteViaRpl;
        }
        return statusCode?.Trim() switch
        {
            "10" => CourseCompletionState.NotYetStarted,
            "25" => CourseCompletionState.InProgress,
            "50" => CourseCompletionState.Complete,
            "75" => CourseCompletionState.CompleteViaRpl,
            _ => CourseCompletionState.NoRecord,
        };
    }
}

/// <summary>The answer for one user of a completion request.</summary>
public sealed class CourseCompletionResult : UserRequestResult
{
    internal CourseCompletionResult(UserRequest request, UserReference tried, CourseCompletionData? completion, TotaraGraphQLError? error, bool userNotFound)
        : base(request, tried, error, userNotFound)
    {
        Completion = completion;
    }

    /// <summary>The user's completion; null when the request failed.</summary>
    public CourseCompletionData? Completion { get; }

    private protected override string AnswerText => Completion!.State.ToString();
}
