using Bogus;
using Totara.Emulator.Domain.Completion;
using Totara.Emulator.Domain.Courses;
using Totara.Emulator.Domain.Enrolment;
using Totara.Emulator.Domain.Goals;

namespace Totara.Emulator.Domain;

/// <summary>
/// The learning half of the demo site: categories, ~25 courses with their enrolment methods,
/// manual enrolments for most demo users, completions, and personal goals for some users.
/// Everything derives from the seed and a fixed epoch, never from the clock, so two runs with
/// the same seed produce identical data.
/// </summary>
public static partial class DemoData
{
    /// <summary>The demo site's "now" for generated history: 1 November 2026, 00:00 UTC.</summary>
    public static readonly long LearningEpoch = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private const long Day = 86_400;

    static partial void PopulateLearning(EmulatorState state, int seed)
    {
        var random = new Randomizer(unchecked(seed * 31 + 7));
        var courses = CreateCatalogue(state, random);
        var learners = state.Users.Snapshot(u => u.Id > UserStore.AdminId && u.Auth != "nologin" && !u.Suspended);
        foreach (var user in learners)
        {
            EnrolAndComplete(state, random, user, courses);
            if (random.Bool(0.3f))
            {
                AddGoals(state, random, user);
            }
        }
    }

    private static List<(CourseRecord Course, DemoCourse Demo, EnrolInstance? Manual)> CreateCatalogue(EmulatorState state, Randomizer random)
    {
        var categories = new Dictionary<string, CategoryRecord>();
        foreach (var (name, idNumber, parent) in DemoCourseCatalog.Categories)
        {
            var parentId = parent is null ? 0 : categories[parent].Id;
            categories[name] = state.Courses.AddCategory(name, idNumber, $"<p>{name} courses.</p>", parentId, LearningEpoch - 400 * Day);
        }

        var result = new List<(CourseRecord, DemoCourse, EnrolInstance?)>();
        foreach (var demo in DemoCourseCatalog.Courses)
        {
            var created = LearningEpoch - random.Long(120, 700) * Day;
            var course = state.Courses.AddCourse(c =>
            {
                c.IdNumber = "CRS-" + demo.ShortName;
                c.ShortName = demo.ShortName;
                c.FullName = demo.FullName;
                c.Summary = demo.Summary;
                c.CategoryId = categories[demo.Category].Id;
                c.Format = random.Bool(0.8f) ? "topics" : "weeks";
                c.StartDate = created + Day;
                c.TimeCreated = created;
                c.TimeModified = created + random.Long(0, 100) * Day;
                c.Tags.AddRange(demo.Tags);
            });

            var sections = random.Int(1, 3);
            for (var s = 1; s <= sections; s++)
            {
                var kinds = random.ListItems(DemoCourseCatalog.ActivityKinds.ToList(), random.Int(1, 3));
                state.Courses.AddSection(course, sections == 1 ? demo.FullName : $"Part {s}", null,
                    kinds.Select(k => (k.ModType, string.Format(System.Globalization.CultureInfo.InvariantCulture, k.Name, demo.FullName))));
            }

            EnrolInstance? manual = null;
            if (demo.Enrol == "manual")
            {
                manual = state.Enrolments.AddInstance(course.Id, "manual");
                state.Enrolments.AddInstance(course.Id, "self", random.Bool(0.3f) ? EnrolInstanceStatus.Enabled : EnrolInstanceStatus.Disabled);
            }
            else
            {
                state.Enrolments.AddInstance(course.Id, demo.Enrol);
            }

            result.Add((course, demo, manual));
        }

        return result;
    }

    private static void EnrolAndComplete(EmulatorState state, Randomizer random, UserRecord user, List<(CourseRecord Course, DemoCourse Demo, EnrolInstance? Manual)> courses)
    {
        foreach (var (course, demo, manual) in courses)
        {
            if (manual is null || !random.Bool(demo.Mandatory ? 0.85f : 0.12f))
            {
                continue;
            }

            var enrolled = LearningEpoch - random.Long(5, 300) * Day;
            var suspended = random.Bool(0.03f);
            state.Enrolments.Upsert(manual, user.Id, (ue, _) =>
            {
                ue.Status = suspended ? UserEnrolmentStatus.Suspended : UserEnrolmentStatus.Active;
                ue.TimeStart = enrolled;
                ue.TimeModified = enrolled;
                ue.ModifiedBy = UserStore.AdminId;
                ue.RoleIds.Add(RoleStore.LearnerRoleId);
            }, enrolled);

            var roll = random.Double();
            if (roll < 0.45)
            {
                var completed = enrolled + random.Long(1, 60) * Day;
                state.Completions.Set(user.Id, course.Id, CompletionStatus.Complete, 100, enrolled, enrolled + Day,
                    Math.Min(completed, LearningEpoch), Math.Round(random.Double(60, 100), 1));
            }
            else if (roll < 0.75)
            {
                state.Completions.Set(user.Id, course.Id, CompletionStatus.InProgress, random.Int(1, 9) * 10, enrolled, enrolled + Day);
            }
            else if (roll < 0.9)
            {
                state.Completions.Set(user.Id, course.Id, CompletionStatus.NotYetStarted, 0, enrolled);
            }
        }
    }

    private static void AddGoals(EmulatorState state, Randomizer random, UserRecord user)
    {
        var count = random.Int(1, 3);
        foreach (var name in random.ListItems(DemoCourseCatalog.GoalNames.ToList(), count))
        {
            var start = LearningEpoch - random.Long(10, 200) * Day;
            var status = random.ArrayElement(new[] { "not_started", "in_progress", "in_progress", "completed", "cancelled" });
            var target = random.ArrayElement(new[] { 1.0, 5.0, 10.0, 100.0 });
            var current = status switch
            {
                "completed" => target,
                "in_progress" => Math.Round(target * random.Double(0.1, 0.9), target >= 10 ? 0 : 1),
                _ => 0,
            };
            state.Goals.Add(g =>
            {
                g.ContextId = GoalStatuses.UserContextId(user.Id);
                g.OwnerId = user.Id;
                g.UserId = user.Id;
                g.Name = name;
                g.IdNumber = $"GOAL-{user.Id}-{g.Id}";
                g.Description = $"<p>{name}, agreed with my manager.</p>";
                g.StartDate = start;
                g.TargetDate = start + random.Long(60, 365) * Day;
                g.TargetValue = target;
                g.CurrentValue = current;
                g.CurrentValueUpdatedAt = start + Day;
                g.Status = status;
                g.StatusUpdatedAt = start + Day;
                g.ClosedAt = GoalStatuses.IsClosed(status) ? start + 30 * Day : null;
                g.CreatedAt = start;
                g.UpdatedAt = start + Day;
            });
        }
    }
}
