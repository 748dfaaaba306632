using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;
using static Totara.Emulator.Tests.Learning.LearningFixtures;

namespace Totara.Emulator.Tests.Learning;

public class CourseReferenceTests
{
    [Fact]
    public void Finds_a_course_by_id_idnumber_or_shortname_and_ands_several_keys()
    {
        var state = SiteWithCourses("Induction", "Fire Safety");
        Assert.Equal("Induction", CourseReference.Resolve(state.Courses, Input(("id", "2"))).FullName);
        Assert.Equal("Fire Safety", CourseReference.Resolve(state.Courses, Input(("idnumber", "id-c2"))).FullName);
        Assert.Equal("Fire Safety", CourseReference.Resolve(state.Courses, Input(("shortname", "C2"), ("id", 3L))).FullName);
        Assert.Equal(CourseReference.NotFound,
            Assert.Throws<TotaraApiException>(() => CourseReference.Resolve(state.Courses, Input(("shortname", "C2"), ("id", 2L)))).Message);
    }

    [Fact]
    public void Reports_missing_columns_no_match_and_ambiguity_with_Totaras_messages()
    {
        var state = SiteWithCourses("Induction", "Fire Safety");
        state.Courses.GetCourse(3)!.IdNumber = "ID-C1"; // idnumber is not unique in Totara
        Assert.Equal("Course reference columns are not being passed.",
            Assert.Throws<TotaraApiException>(() => CourseReference.Resolve(state.Courses, Input(("id", 0)))).Message);
        Assert.Equal("Course reference not found",
            Assert.Throws<TotaraApiException>(() => CourseReference.Resolve(state.Courses, Input(("id", 99)))).Message);
        Assert.Equal("Course reference must resolve one record only",
            Assert.Throws<TotaraApiException>(() => CourseReference.Resolve(state.Courses, Input(("idnumber", "ID-C1")))).Message);
    }

    [Fact]
    public void Role_reference_takes_id_or_shortname()
    {
        var state = SiteWithCourses();
        Assert.Equal("student", state.Roles.Resolve(Input(("id", 5))).ShortName);
        Assert.Equal(3, state.Roles.Resolve(Input(("shortname", "editingteacher"))).Id);
        Assert.Equal("Role reference not found", Assert.Throws<TotaraApiException>(() => state.Roles.Resolve(Input(("id", 5), ("shortname", "teacher")))).Message);
        Assert.Equal("Role reference columns are not being passed.", Assert.Throws<TotaraApiException>(() => state.Roles.Resolve(Input())).Message);
    }
}
