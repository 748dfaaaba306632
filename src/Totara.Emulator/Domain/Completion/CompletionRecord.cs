namespace Totara.Emulator.Domain.Completion;

/// <summary>Totara's COMPLETION_STATUS_* values, stored in course_completions.status.</summary>
public enum CompletionStatus
{
    NotYetStarted = 10,
    InProgress = 25,
    Complete = 50,
    CompleteViaRpl = 75,
}

/// <summary>One user's completion of one course (mdl_course_completions).</summary>
public sealed class CompletionRecord
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public long CourseId { get; init; }
    public CompletionStatus Status { get; set; }
    public long TimeEnrolled { get; set; }
    public long TimeStarted { get; set; }
    public long TimeCompleted { get; set; }

    /// <summary>Percentage of the completion criteria met, 0-100.</summary>
    public double Progress { get; set; }
    public double? GradeFinal { get; set; }
    public double GradeMax { get; set; } = 100;

    /// <summary>The status key Totara's completion_completion::get_status() returns (a lang string key).</summary>
    public string StatusKey => Status switch
    {
        CompletionStatus.InProgress => "inprogress",
        CompletionStatus.Complete => "complete",
        CompletionStatus.CompleteViaRpl => "completeviarpl",
        _ => "notyetstarted",
    };
}
