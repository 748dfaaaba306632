namespace Totara.PowerShell.Courses;

/// <summary>Error ids of the course cmdlets (besides <see cref="Infrastructure.RecordErrorIds"/> for per-record errors).</summary>
public static class CourseErrorIds
{
    /// <summary>No course (or more than one) has the id, idnumber, shortname or name given to -Course / -Identity.</summary>
    public const string CourseNotFound = "TotaraCourseNotFound";
}
