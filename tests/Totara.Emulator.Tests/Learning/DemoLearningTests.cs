using Totara.Emulator.Domain;
using Totara.Emulator.Domain.Completion;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Tests.Learning;

public class DemoLearningTests
{
    private static EmulatorState Populate(int seed)
    {
        var state = new EmulatorState();
        DemoData.Populate(state, seed);
        return state;
    }

    private static string Fingerprint(EmulatorState state)
    {
        var users = state.Users.Snapshot();
        var courses = state.Courses.SnapshotCourses();
        var enrolments = users.SelectMany(u => courses.Select(c => (u.Id, c.Id, Any: state.Enrolments.HasAnyEnrolment(c.Id, u.Id))))
            .Where(x => x.Any).Select(x => $"{x.Item1}:{x.Item2}");
        var completions = users.SelectMany(u => courses.Select(c => state.Completions.Get(u.Id, c.Id)))
            .OfType<CompletionRecord>().Select(r => $"{r.UserId}:{r.CourseId}:{r.Status}:{r.TimeCompleted}");
        var goals = users.SelectMany(u => state.Goals.ForUser(u.Id)).Select(g => $"{g.Id}:{g.UserId}:{g.Name}:{g.Status}:{g.TargetDate}");
        return string.Join("|", courses.Select(c => $"{c.Id}:{c.ShortName}:{c.TimeCreated}:{c.ModuleCount}"))
               + "#" + string.Join("|", enrolments) + "#" + string.Join("|", completions) + "#" + string.Join("|", goals);
    }

    [Fact]
    public void Same_seed_gives_the_same_learning_data()
    {
        Assert.Equal(Fingerprint(Populate(DemoData.DefaultSeed)), Fingerprint(Populate(DemoData.DefaultSeed)));
    }

    [Fact]
    public void Demo_catalogue_has_the_expected_shape()
    {
        var state = Populate(DemoData.DefaultSeed);
        var courses = state.Courses.SnapshotCourses();
        Assert.Equal(DemoCourseCatalog.Courses.Count, courses.Count);
        Assert.InRange(courses.Count, 20, 30);
        Assert.Contains(courses, c => c.FullName == "Induction");
        Assert.Contains(courses, c => c.FullName == "Health & Safety");
        Assert.All(courses, c => Assert.True(c.Sections.Count > 0));
        // The programme-only course has no manual enrolment, for trying that error.
        var change = courses.Single(c => c.ShortName == "CHANGE");
        Assert.Null(state.Enrolments.EnabledManualInstance(change.Id));
        Assert.Equal(new[] { "Compliance", "Health and Safety" }, state.Courses.PathTo(courses.Single(c => c.ShortName == "HS101").CategoryId).Select(c => c.Name));
    }

    [Fact]
    public void Demo_users_get_enrolments_completions_and_goals_when_there_are_users()
    {
        var state = Populate(DemoData.DefaultSeed);
        var learners = state.Users.Snapshot(u => u.Id > UserStore.AdminId && u.Auth != "nologin" && !u.Suspended);
        if (learners.Count == 0)
        {
            // Without the people half there is nobody to enrol; nothing may be invented.
            Assert.Equal(0, state.Enrolments.Count);
            return;
        }

        Assert.True(state.Enrolments.Count >= learners.Count, "most demo users are enrolled in the mandatory courses");
        Assert.True(state.Completions.Count > 0);
        Assert.True(state.Goals.Count > 0);
    }
}
