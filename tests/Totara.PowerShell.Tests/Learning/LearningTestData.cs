using Totara.Emulator.Domain;
using Totara.Emulator.Domain.Courses;
using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.Learning;

/// <summary>Courses, enrolments and goals put straight into the emulator for the learning cmdlet tests.</summary>
internal static class LearningTestData
{
    /// <summary>A course no other test uses, with a manual enrolment instance (tests share one emulator per class).</summary>
    public static CourseRecord NewCourse(this EmulatorRunspaceFixture site, string prefix, params string[] tags)
    {
        var name = UserTestData.UniqueName(prefix).ToUpperInvariant();
        var course = site.Host.State.Courses.AddCourse(c =>
        {
            c.ShortName = name;
            c.FullName = "Course " + name;
            c.IdNumber = "CRS-" + name;
            c.CategoryId = 1;
            c.TimeCreated = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            c.Tags.AddRange(tags);
        });
        site.Host.State.Enrolments.AddInstance(course.Id, "manual");
        return course;
    }

    public static bool IsEnrolled(this EmulatorRunspaceFixture site, CourseRecord course, UserRecord user) =>
        site.Host.State.Enrolments.IsActivelyEnrolled(course.Id, user.Id, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 10);

    public static void Enrol(this EmulatorRunspaceFixture site, CourseRecord course, UserRecord user)
    {
        var instance = site.Host.State.Enrolments.EnabledManualInstance(course.Id)!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 100;
        site.Host.State.Enrolments.Upsert(instance, user.Id, (ue, _) =>
        {
            ue.TimeStart = now;
            ue.TimeModified = now;
            ue.RoleIds.Add(5);
        }, now);
    }
}
