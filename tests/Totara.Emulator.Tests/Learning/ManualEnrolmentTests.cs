using Totara.Emulator.Api;
using Totara.Emulator.Domain;
using Totara.Emulator.Domain.Courses;
using Totara.Emulator.Domain.Enrolment;
using static Totara.Emulator.Tests.Learning.LearningFixtures;

namespace Totara.Emulator.Tests.Learning;

public class ManualEnrolmentTests
{
    private const long Now = 1_800_000_050;

    private static (EmulatorState State, ManualEnrolment Manual, UserRecord User) Site()
    {
        var state = SiteWithCourses("Induction", "Health & Safety");
        var user = AddUser(state, "jlearner", "EMP001");
        return (state, new ManualEnrolment(state), user);
    }

    private static Dictionary<string, object?> EnrolInput(string courseShortName, params (string, object?)[] extra) =>
        new[] { ("user", (object?)Input(("username", "jlearner"))), ("course", Input(("shortname", courseShortName))) }
            .Concat(extra).ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public void First_enrolment_is_new_the_second_reports_already_enrolled()
    {
        var (state, manual, user) = Site();
        var first = manual.Enrol(EnrolInput("C1"), UserStore.AdminId, Now);
        Assert.True(first.Success);
        Assert.False(first.WasAlreadyEnrolled);
        Assert.Equal("student", first.Role.ShortName);
        Assert.Equal(UserEnrolmentStatus.Active, first.Enrolment.Status);
        Assert.Equal(1_799_999_999, first.Enrolment.TimeStart); // rounded down to 100 s, minus one
        Assert.True(state.Enrolments.IsActivelyEnrolled(first.Course.Id, user.Id, Now));

        var second = manual.Enrol(EnrolInput("C1", ("role", Input(("shortname", "teacher")))), UserStore.AdminId, Now);
        Assert.True(second.WasAlreadyEnrolled);
        Assert.Equal(first.Enrolment.Id, second.Enrolment.Id);
        Assert.Equal(new long[] { 4, 5 }, second.Enrolment.RoleIds);
    }

    [Fact]
    public void Suspended_enrolment_counts_as_enrolled_but_not_as_currently_enrolled()
    {
        var (state, manual, user) = Site();
        var result = manual.Enrol(EnrolInput("C1", ("suspended", true)), UserStore.AdminId, Now);
        Assert.Equal(UserEnrolmentStatus.Suspended, result.Enrolment.Status);
        Assert.False(state.Enrolments.IsActivelyEnrolled(result.Course.Id, user.Id, Now));
        Assert.True(manual.Enrol(EnrolInput("C1"), UserStore.AdminId, Now).WasAlreadyEnrolled);
        Assert.True(state.Enrolments.IsActivelyEnrolled(result.Course.Id, user.Id, Now));
    }

    [Theory]
    [InlineData("nosuchrole", "Role reference not found")]
    [InlineData("guest", "This role can not be assigned to the target user on this course.")]
    public void Refuses_unknown_and_non_course_roles(string role, string message)
    {
        var (_, manual, _) = Site();
        var error = Assert.Throws<TotaraApiException>(() => manual.Enrol(EnrolInput("C1", ("role", Input(("shortname", role)))), UserStore.AdminId, Now));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Applies_Totaras_date_rules()
    {
        var (_, manual, _) = Site();
        Assert.Equal("The enrolment start date can not be in the past.",
            Assert.Throws<TotaraApiException>(() => manual.Enrol(EnrolInput("C1", ("timestart", Now - 200_000)), UserStore.AdminId, Now)).Message);
        Assert.Equal("Enrolment end date can not be before the start date.",
            Assert.Throws<TotaraApiException>(() => manual.Enrol(EnrolInput("C1", ("timestart", Now + 1000), ("timeend", Now + 10)), UserStore.AdminId, Now)).Message);

        // Earlier today counts as now; a future start and end are kept.
        Assert.Equal(1_799_999_999, manual.Enrol(EnrolInput("C1", ("timestart", Now - 3600)), UserStore.AdminId, Now).Enrolment.TimeStart);
        var future = manual.Enrol(EnrolInput("C2", ("timestart", "2027-02-15T00:00:00Z"), ("timeend", Now + 9_000_000)), UserStore.AdminId, Now);
        Assert.Equal(new DateTimeOffset(2027, 2, 15, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), future.Enrolment.TimeStart);
        Assert.Equal(Now + 9_000_000, future.Enrolment.TimeEnd);
    }

    [Fact]
    public void A_course_without_an_enabled_manual_instance_is_refused()
    {
        var (state, manual, _) = Site();
        var course = state.Courses.FindCourses(null, null, "C2").Single();
        state.Enrolments.InstancesOf(course.Id).Single().Status = EnrolInstanceStatus.Disabled;
        Assert.Equal("Manual enrolment is not enabled in this course.",
            Assert.Throws<TotaraApiException>(() => manual.Enrol(EnrolInput("C2"), UserStore.AdminId, Now)).Message);
        Assert.Equal("Manual enrolment is not enabled in this course.",
            Assert.Throws<TotaraApiException>(() => manual.Unenrol(EnrolInput("C2"), Now)).Message);
    }

    // enrol_manual\webapi\resolver\mutation\enrol_user: `enrol ?? '' === 'manual'` takes the first enabled instance.
    [Fact]
    public void Manual_enrolment_takes_the_first_enabled_instance_of_any_plugin_so_a_course_whose_first_is_not_manual_fails()
    {
        var (state, manual, _) = Site();
        var course = state.Courses.FindCourses(null, null, "C2").Single();
        state.Enrolments.InstancesOf(course.Id).Single().Status = EnrolInstanceStatus.Disabled;
        state.Enrolments.AddInstance(course.Id, "self");
        state.Enrolments.AddInstance(course.Id, "manual");

        Assert.Equal("Coding error detected, it must be fixed by a programmer: invalid enrol instance!",
            Assert.Throws<TotaraApiException>(() => manual.Enrol(EnrolInput("C2"), UserStore.AdminId, Now)).Message);
        // Unenrol compares with ===, so it finds the enabled manual instance.
        Assert.False(manual.Unenrol(EnrolInput("C2"), Now).UserHadManualEnrolment);
    }

    [Fact]
    public void Unenrol_reports_whether_a_manual_enrolment_existed()
    {
        var (state, manual, user) = Site();
        manual.Enrol(EnrolInput("C1"), UserStore.AdminId, Now);
        var removed = manual.Unenrol(EnrolInput("C1"), Now);
        Assert.True(removed.Success);
        Assert.True(removed.UserHadManualEnrolment);
        Assert.False(state.Enrolments.HasAnyEnrolment(removed.Course.Id, user.Id));

        var again = manual.Unenrol(EnrolInput("C1"), Now);
        Assert.True(again.Success);
        Assert.False(again.UserHadManualEnrolment);
    }

    [Fact]
    public void Unenrol_leaves_a_suspended_only_enrolment_alone_as_Totara_does()
    {
        var (state, manual, user) = Site();
        var enrolled = manual.Enrol(EnrolInput("C1", ("suspended", true)), UserStore.AdminId, Now);
        var result = manual.Unenrol(EnrolInput("C1"), Now);
        Assert.False(result.UserHadManualEnrolment);
        Assert.True(state.Enrolments.HasAnyEnrolment(enrolled.Course.Id, user.Id));
    }

    [Fact]
    public void Unenrol_requires_both_references_with_Totaras_wording()
    {
        var (_, manual, _) = Site();
        Assert.Equal("User reference is required.",
            Assert.Throws<TotaraApiException>(() => manual.Unenrol(Input(("user", Input()), ("course", Input(("id", 2)))), Now)).Message);
        Assert.Equal("Course reference is required..",
            Assert.Throws<TotaraApiException>(() => manual.Unenrol(Input(("user", Input(("id", 3))), ("course", Input())), Now)).Message);
    }
}
