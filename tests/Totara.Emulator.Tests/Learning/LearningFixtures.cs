using Totara.Emulator.Domain;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Tests.Learning;

/// <summary>Small, hand-built sites for the learning tests: a few users and courses with known keys.</summary>
internal static class LearningFixtures
{
    public static Dictionary<string, object?> Input(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    public static UserRecord AddUser(EmulatorState state, string username, string? idNumber = null)
    {
        var user = new UserRecord
        {
            Id = state.Users.NextId(),
            Username = username,
            IdNumber = idNumber,
            Email = username + "@example.com",
            FirstName = username,
            LastName = "Tester",
        };
        state.Users.Add(user);
        return user;
    }

    /// <summary>A site with one category and the given courses (shortname = idnumber suffix), each with a manual instance.</summary>
    public static EmulatorState SiteWithCourses(params string[] fullNames)
    {
        var state = new EmulatorState();
        var category = state.Courses.AddCategory("Testing", "CAT-T", null, 0);
        var created = 1_700_000_000L;
        foreach (var name in fullNames)
        {
            var shortName = "C" + (state.Courses.CourseCount + 1);
            var course = state.Courses.AddCourse(c =>
            {
                c.ShortName = shortName;
                c.IdNumber = "ID-" + shortName;
                c.FullName = name;
                c.CategoryId = category.Id;
                c.TimeCreated = created;
                c.TimeModified = created + 50;
            });
            state.Enrolments.AddInstance(course.Id, "manual");
            created += 100;
        }

        return state;
    }
}
