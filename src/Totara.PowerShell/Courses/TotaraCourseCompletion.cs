using System;
using Totara.Client.Courses;

namespace Totara.PowerShell.Courses;

/// <summary>A learner's completion state in a course (Totara's COMPLETION_STATUS_*), or NoRecord.</summary>
public enum TotaraCompletionStatus
{
    /// <summary>No completion record: not enrolled, or completion tracking is off for the course.</summary>
    NoRecord,
    /// <summary>Completion is tracked but the user has done nothing towards it yet (COMPLETION_STATUS_NOTYETSTARTED, 10).</summary>
    NotYetStarted,
    /// <summary>The user has started but not completed the course (COMPLETION_STATUS_INPROGRESS, 25).</summary>
    InProgress,
    /// <summary>The user has completed the course (COMPLETION_STATUS_COMPLETE, 50).</summary>
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

    /// <summary>The user's id as the site returned it; null when the answer had no user.</summary>
    public long? UserId { get; }

    /// <summary>The user's username as the site returned it; null when the answer had no user.</summary>
    public string? Username { get; }

    /// <summary>The course's full name.</summary>
    public string Course { get; }

    /// <summary>The course's shortname; null when the answer had no course.</summary>
    public string? CourseShortName { get; }

    /// <summary>The course's id; null when the answer had no course.</summary>
    public long? CourseId { get; }

    /// <summary>The user's completion state in the course; <see cref="TotaraCompletionStatus.NoRecord"/> when the site holds no completion record.</summary>
    public TotaraCompletionStatus Status { get; }

    /// <summary>True for Complete and CompleteViaRpl.</summary>
    public bool IsComplete => Status is TotaraCompletionStatus.Complete or TotaraCompletionStatus.CompleteViaRpl;

    /// <summary>Percentage of the completion criteria met (0-100), when the site reports it.</summary>
    public double? Progress { get; }

    /// <summary>When the user completed the course (UTC); null if not complete.</summary>
    public DateTime? TimeCompleted { get; }

    /// <summary>The user's final course grade, in the course's grade points (out of <see cref="GradeMax"/>); null when not graded.</summary>
    public double? GradeFinal { get; }

    /// <summary>The most points the course grade can reach; null when the site sent none.</summary>
    public double? GradeMax { get; }

    /// <summary>The final grade as a percentage (0-100) of <see cref="GradeMax"/>; null when not graded.</summary>
    public double? GradePercentage { get; }

    /// <summary>The site the completion was read from (the session's URL).</summary>
    public Uri Site { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{User}: {Status}";
}
