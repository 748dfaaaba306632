using System;
using Totara.Client.Courses;

namespace Totara.PowerShell.Courses;

/// <summary>A learner's completion state in a course (Totara's COMPLETION_STATUS_*), or NoRecord.</summary>
public enum TotaraCompletionStatus
{
    /// <summary>No completion record: not enrolled, or completion tracking is off for the course.</summary>
    NoRecord,
    NotYetStarted,
    InProgress,
    Complete,

    /// <summary>Complete through recognition of prior learning.</summary>
    CompleteViaRpl,
}

/// <summary>
/// One user's completion of one course, as Get-TotaraCourseCompletion returns it: flat, so
/// a report can go straight to Export-Csv.
/// </summary>
public sealed class TotaraCourseCompletion
{
    internal TotaraCourseCompletion(string user, CourseCompletionData data, string course, Uri site)
    {
        User = user;
        UserId = data.UserId;
        Username = data.Username;
        Course = data.CourseFullName ?? course;
        CourseShortName = data.CourseShortName;
        CourseId = data.CourseId;
        Status = (TotaraCompletionStatus)(int)data.State;
        Progress = data.Progress;
        TimeCompleted = data.TimeCompleted?.UtcDateTime;
        GradeFinal = data.GradeFinal;
        GradeMax = data.GradeMax;
        GradePercentage = data.GradePercentage;
        Site = site;
    }

    /// <summary>The user as given on input.</summary>
    public string User { get; }

    public long? UserId { get; }

    public string? Username { get; }

    /// <summary>The course's full name.</summary>
    public string Course { get; }

    public string? CourseShortName { get; }

    public long? CourseId { get; }

    public TotaraCompletionStatus Status { get; }

    /// <summary>True for Complete and CompleteViaRpl.</summary>
    public bool IsComplete => Status is TotaraCompletionStatus.Complete or TotaraCompletionStatus.CompleteViaRpl;

    /// <summary>Percentage of the completion criteria met (0-100), when the site reports it.</summary>
    public double? Progress { get; }

    /// <summary>When the user completed the course (UTC); null if not complete.</summary>
    public DateTime? TimeCompleted { get; }

    public double? GradeFinal { get; }

    public double? GradeMax { get; }

    public double? GradePercentage { get; }

    public Uri Site { get; }

    public override string ToString() => $"{User}: {Status}";
}
