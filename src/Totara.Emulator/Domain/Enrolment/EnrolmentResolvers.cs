using GraphQL.Utilities;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Enrolment;

/// <summary>
/// enrol_manual_enrol_user, enrol_manual_unenrol_user and the output types core_role,
/// core_enrol and core_user_enrolment.
/// </summary>
public sealed class EnrolmentResolvers : IResolverModule
{
    public void Register(TypeSettings types, EmulatorState state)
    {
        var manual = new ManualEnrolment(state);
        types.Root("Mutation", "enrol_manual_enrol_user", ctx => manual.Enrol(ctx.ObjectArgument("input"), ctx.ActorId(), LearningClock.Now(state)));
        types.Root("Mutation", "enrol_manual_unenrol_user", ctx => manual.Unenrol(ctx.ObjectArgument("input"), LearningClock.Now(state)));

        var enrolled = types.For("enrol_manual_enrol_user_result");
        enrolled.Field<EnrolResult>("user", r => r.User);
        enrolled.Field<EnrolResult>("course", r => r.Course);
        enrolled.Field<EnrolResult>("role", r => r.Role);
        enrolled.Field<EnrolResult>("enrolment", r => r.Enrolment);
        enrolled.Field<EnrolResult>("success", r => r.Success);
        enrolled.Field<EnrolResult>("was_already_enrolled", r => r.WasAlreadyEnrolled);

        var unenrolled = types.For("enrol_manual_unenrol_user_result");
        unenrolled.Field<UnenrolResult>("user", r => r.User);
        unenrolled.Field<UnenrolResult>("course", r => r.Course);
        unenrolled.Field<UnenrolResult>("success", r => r.Success);
        unenrolled.Field<UnenrolResult>("user_had_manual_enrolment", r => r.UserHadManualEnrolment);

        var role = types.For("core_role");
        role.IsTypeOfFunc = o => o is RoleRecord;
        role.Field<RoleRecord>("id", r => r.Id);
        role.Text<RoleRecord>("name", r => r.Name);
        role.Field<RoleRecord>("shortname", r => r.ShortName);
        role.Text<RoleRecord>("description", r => r.Description);

        var instance = types.For("core_enrol");
        instance.IsTypeOfFunc = o => o is EnrolInstance;
        instance.Field<EnrolInstance>("id", i => i.Id);
        instance.Field<EnrolInstance>("enrol", i => i.Enrol);
        instance.Field<EnrolInstance>("status", i => i.Status == EnrolInstanceStatus.Enabled ? "ENROL_INSTANCE_ENABLED" : "ENROL_INSTANCE_DISABLED");
        instance.Field<EnrolInstance>("course", i => state.Courses.GetCourse(i.CourseId));
        instance.Field<EnrolInstance>("sortorder", i => i.SortOrder);

        var userEnrolment = types.For("core_user_enrolment");
        userEnrolment.IsTypeOfFunc = o => o is UserEnrolment;
        userEnrolment.Field<UserEnrolment>("id", ue => ue.Id);
        userEnrolment.Field<UserEnrolment>("enrolment", ue => state.Enrolments.GetInstance(ue.EnrolId));
        userEnrolment.Field<UserEnrolment>("status", ue => ue.Status == UserEnrolmentStatus.Active ? "ENROL_USER_ACTIVE" : "ENROL_USER_SUSPENDED");
        userEnrolment.Date<UserEnrolment>("timestart", ue => ue.TimeStart);
        userEnrolment.Date<UserEnrolment>("timeend", ue => ue.TimeEnd);
        userEnrolment.Date<UserEnrolment>("timecreated", ue => ue.TimeCreated);
        userEnrolment.Date<UserEnrolment>("timemodified", ue => ue.TimeModified);
        userEnrolment.Field<UserEnrolment>("modified_by", ue => state.Users.GetById(ue.ModifiedBy));
    }
}
