using Totara.Emulator.Api;

namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// Resolves a core_course_course_reference (id / idnumber / shortname) to exactly one course,
/// the way Totara's course_record_reference does: every key given must match (they are ANDed),
/// and anything but one match is an error with Totara's own wording.
/// </summary>
public static class CourseReference
{
    public const string NoColumns = "Course reference columns are not being passed.";
    public const string NotFound = "Course reference not found";
    public const string NotUnique = "Course reference must resolve one record only";

    public static CourseRecord Resolve(CourseStore courses, IReadOnlyDictionary<string, object?>? reference)
    {
        var id = GraphInput.Long(reference, "id");
        if (id == 0)
        {
            id = null; // core_id converts 0 to null
        }

        var idNumber = GraphInput.String(reference, "idnumber");
        var shortName = GraphInput.String(reference, "shortname");
        if (id is null && idNumber is null && shortName is null)
        {
            throw new TotaraApiException(NoColumns);
        }

        var matches = courses.FindCourses(id, idNumber, shortName);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new TotaraApiException(NotFound),
            _ => throw new TotaraApiException(NotUnique),
        };
    }

    /// <summary>True when the argument was absent or an empty object (Totara's <c>empty($ref)</c>).</summary>
    public static bool IsEmpty(IReadOnlyDictionary<string, object?>? reference) =>
        reference is null || reference.Values.All(v => v is null);
}
