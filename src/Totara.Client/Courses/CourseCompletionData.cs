using System;
using System.Text.Json;
using Totara.Client.Users;

namespace Totara.Client.Courses;

/// <summary>Totara's course completion states (COMPLETION_STATUS_*), plus "no record".</summary>
public enum CourseCompletionState
{
    /// <summary>The site holds no completion record (not enrolled, or completion tracking is off).</summary>
    NoRecord,
    NotYetStarted,
    InProgress,
    Complete,
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

    public long? UserId { get; set; }

    public string? Username { get; set; }

    public long? CourseId { get; set; }

    public string? CourseShortName { get; set; }

    public string? CourseFullName { get; set; }

    public long? CompletionId { get; set; }

    public CourseCompletionState State { get; set; }

    /// <summary>Totara's raw status value (10, 25, 50, 75) as text.</summary>
    public string? StatusCode { get; set; }

    public double? Progress { get; set; }

    public DateTimeOffset? TimeCompleted { get; set; }

    public double? GradeFinal { get; set; }

    public double? GradeMax { get; set; }

    public double? GradePercentage { get; set; }

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
public sealed class CourseCompletionResult
{
    internal CourseCompletionResult(UserRequest request, UserReference tried, CourseCompletionData? completion, TotaraGraphQLError? error, bool userNotFound)
    {
        Request = request;
        Tried = tried;
        Completion = completion;
        Error = error;
        UserNotFound = userNotFound;
    }

    public UserRequest Request { get; }

    public UserReference Tried { get; }

    public CourseCompletionData? Completion { get; }

    public TotaraGraphQLError? Error { get; }

    public bool UserNotFound { get; }

    public bool Succeeded => Error is null;

    public override string ToString() => Succeeded ? $"{Tried}: {Completion!.State}" : $"{Tried}: {Error!.Message}";
}
