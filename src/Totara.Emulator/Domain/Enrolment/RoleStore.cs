using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Enrolment;

/// <summary>A role of the emulated site (mdl_role).</summary>
public sealed record RoleRecord(long Id, string ShortName, string Name, string Description, bool AssignableInCourse);

/// <summary>
/// The standard roles of a fresh Totara site, with their usual ids. Roles are fixed: the API
/// cannot create them. Only course-level roles can be given through a manual enrolment.
/// </summary>
public sealed class RoleStore
{
    public const long LearnerRoleId = 5;

    private readonly IReadOnlyList<RoleRecord> _roles = new[]
    {
        new RoleRecord(1, "manager", "Site Manager", "Site managers can access courses and modify them, they usually do not participate in courses.", true),
        new RoleRecord(2, "coursecreator", "Course creator", "Course creators can create new courses.", false),
        new RoleRecord(3, "editingteacher", "Editing Trainer", "Editing trainers can do anything within a course, including changing the activities and grading learners.", true),
        new RoleRecord(4, "teacher", "Trainer", "Trainers can teach in courses and grade learners, but may not alter activities.", true),
        new RoleRecord(5, "student", "Learner", "Learners generally have fewer privileges within a course.", true),
        new RoleRecord(6, "guest", "Guest", "Guests have minimal privileges and usually can not enter text anywhere.", false),
        new RoleRecord(7, "user", "Authenticated user", "All logged in users.", false),
        new RoleRecord(8, "frontpage", "Authenticated user on frontpage", "All logged in users in the frontpage course.", false),
        new RoleRecord(9, "staffmanager", "Staff Manager", "Staff managers can see the records of the staff they manage.", false),
        new RoleRecord(10, "assessor", "Assessor", "Assessors can grade and give feedback on the work of learners.", false),
        new RoleRecord(11, "apiuser", "API user", "Role for service accounts of API clients.", false),
    };

    public IReadOnlyList<RoleRecord> All => _roles;

    public RoleRecord? Get(long id) => _roles.FirstOrDefault(r => r.Id == id);

    /// <summary>
    /// Resolves a core_role_role_reference (id / shortname, ANDed) to exactly one role, with the
    /// wording of Totara's role_record_reference.
    /// </summary>
    public RoleRecord Resolve(IReadOnlyDictionary<string, object?>? reference)
    {
        var id = GraphInput.Long(reference, "id");
        var shortName = GraphInput.String(reference, "shortname");
        if (id is null or 0 && shortName is null)
        {
            throw new TotaraApiException("Role reference columns are not being passed.");
        }

        var matches = _roles.Where(r =>
            (id is null or 0 || r.Id == id) &&
            (shortName is null || string.Equals(r.ShortName, shortName, StringComparison.OrdinalIgnoreCase))).ToList();
        return matches.Count == 1 ? matches[0] : throw new TotaraApiException("Role reference not found");
    }
}
