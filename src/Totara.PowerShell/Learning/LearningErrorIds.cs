namespace Totara.PowerShell;

/// <summary>Error ids of the course and goal cmdlets (besides <see cref="RecordErrorIds"/> for per-record errors).</summary>
public static class LearningErrorIds
{
    /// <summary>No course (or more than one) has the id, idnumber, shortname or name given to -Course / -Identity.</summary>
    public const string CourseNotFound = "TotaraCourseNotFound";

    /// <summary>No goal matches the id or id_number given.</summary>
    public const string GoalNotFound = "TotaraGoalNotFound";
}
