using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Enrolment;

/// <summary>What enrol_manual_enrol_user returns.</summary>
public sealed record EnrolResult(UserRecord User, CourseRecord Course, RoleRecord Role, UserEnrolment Enrolment, bool Success, bool WasAlreadyEnrolled);

/// <summary>What enrol_manual_unenrol_user returns.</summary>
public sealed record UnenrolResult(UserRecord User, CourseRecord Course, bool Success, bool UserHadManualEnrolment);

/// <summary>
/// The rules of Totara 18's enrol_manual mutations (server/enrol/manual/classes/webapi/resolver/
/// mutation/enrol_user.php and unenrol_user.php), including their error texts.
/// </summary>
public sealed class ManualEnrolment
{
    private readonly EmulatorState _state;

    public ManualEnrolment(EmulatorState state) => _state = state;

    public EnrolResult Enrol(IReadOnlyDictionary<string, object?>? input, long actorId, long now)
    {
        var user = LearningUsers.Resolve(_state, GraphInput.AsObject(GraphInput.Get(input, "user")));
        var course = CourseReference.Resolve(_state.Courses, GraphInput.AsObject(GraphInput.Get(input, "course")));
        // enrol_manual\webapi\resolver\mutation\enrol_user: `$enrol_instance->enrol ?? '' === 'manual'`
        // parses as `enrol ?? ('' === 'manual')`, so it takes the first enabled instance of any plugin.
        var instance = _state.Enrolments.FirstEnabledInstance(course.Id)
                       ?? throw new TotaraApiException("Manual enrolment is not enabled in this course.");

        var roleReference = GraphInput.AsObject(GraphInput.Get(input, "role"));
        var role = CourseReference.IsEmpty(roleReference)
            ? _state.Roles.Get(instance.DefaultRoleId)!
            : _state.Roles.Resolve(roleReference);
        if (!role.AssignableInCourse)
        {
            throw new TotaraApiException("This role can not be assigned to the target user on this course.");
        }

        var (timeStart, timeEnd) = EnrolmentPeriod(GraphInput.Date(input, "timestart"), GraphInput.Date(input, "timeend"), now);
        var status = GraphInput.Bool(input, "suspended") == true ? UserEnrolmentStatus.Suspended : UserEnrolmentStatus.Active;

        // enrol_plugin::enrol_user (lib/enrollib.php): the manual plugin refuses another plugin's instance.
        if (instance.Enrol != "manual")
        {
            throw new TotaraApiException("Coding error detected, it must be fixed by a programmer: invalid enrol instance!");
        }

        var enrolment = _state.Enrolments.Upsert(instance, user.Id, (ue, isNew) =>
        {
            if (isNew || ue.TimeStart != timeStart || ue.TimeEnd != timeEnd || ue.Status != status)
            {
                ue.TimeStart = timeStart;
                ue.TimeEnd = timeEnd;
                ue.Status = status;
                ue.TimeModified = now;
                ue.ModifiedBy = actorId;
            }

            ue.RoleIds.Add(role.Id);
        }, now, out var wasAlreadyEnrolled);

        return new EnrolResult(user, course, role, enrolment, true, wasAlreadyEnrolled);
    }

    public UnenrolResult Unenrol(IReadOnlyDictionary<string, object?>? input, long now)
    {
        var userReference = GraphInput.AsObject(GraphInput.Get(input, "user"));
        var courseReference = GraphInput.AsObject(GraphInput.Get(input, "course"));
        if (CourseReference.IsEmpty(userReference))
        {
            throw new TotaraApiException("User reference is required.");
        }

        if (CourseReference.IsEmpty(courseReference))
        {
            // Totara's text has the double full stop.
            throw new TotaraApiException("Course reference is required..");
        }

        var user = LearningUsers.Resolve(_state, userReference);
        var course = CourseReference.Resolve(_state.Courses, courseReference);
        // enrol_manual\webapi\resolver\mutation\enrol_user: `$enrol_instance->enrol ?? '' === 'manual'`
        // parses as `enrol ?? ('' === 'manual')`, so it takes the first enabled instance of any plugin.
        var instance = _state.Enrolments.FirstEnabledInstance(course.Id)
                       ?? throw new TotaraApiException("Manual enrolment is not enabled in this course.");

        // Totara answers "nothing to do" unless the user is *actively* enrolled by any method, so a
        // suspended-only manual enrolment is reported as absent and left in place.
        if (!_state.Enrolments.IsActivelyEnrolled(course.Id, user.Id, now))
        {
            return new UnenrolResult(user, course, true, false);
        }

        var hadManual = _state.Enrolments.Remove(instance.Id, user.Id);
        return new UnenrolResult(user, course, true, hadManual);
    }

    /// <summary>
    /// Totara's start/end rules: no start (or a start earlier today) means "now" rounded down to
    /// the 100 seconds Totara's enrolment checks use; a start further in the past is refused; an
    /// end before the start is refused; no end means open-ended (0).
    /// </summary>
    public static (long Start, long End) EnrolmentPeriod(long? requestedStart, long? requestedEnd, long now)
    {
        var roundedNow = now / 100 * 100 - 1;
        long start;
        if (requestedStart is null or 0 || (requestedStart < roundedNow && requestedStart > roundedNow - 86400))
        {
            start = roundedNow;
        }
        else if (requestedStart < roundedNow)
        {
            throw new TotaraApiException("The enrolment start date can not be in the past.");
        }
        else
        {
            start = requestedStart.Value;
        }

        var end = requestedEnd ?? 0;
        if (end != 0 && end < start)
        {
            throw new TotaraApiException("Enrolment end date can not be before the start date.");
        }

        return (start, end);
    }
}
