using GraphQL.Utilities;
using Totara.Emulator.Api;

namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// core_course_courses, core_course_is_user_enrolled and the output types core_course,
/// core_category, core_course_format, core_course_section and core_course_module.
/// </summary>
public sealed class CourseResolvers : IResolverModule
{
    public void Register(TypeSettings types, EmulatorState state)
    {
        types.Root("Query", "core_course_courses", ctx => CourseListQuery.Run(state.Courses, ctx.ObjectArgument("query")));
        types.Root("Query", "core_course_is_user_enrolled", ctx =>
        {
            var userReference = ctx.ObjectArgument("user");
            var courseReference = ctx.ObjectArgument("course");
            if (CourseReference.IsEmpty(userReference))
            {
                throw new TotaraApiException("User reference is required.");
            }

            if (CourseReference.IsEmpty(courseReference))
            {
                throw new TotaraApiException("Course reference is required.");
            }

            var user = LearningUsers.Resolve(state, userReference);
            var course = CourseReference.Resolve(state.Courses, courseReference);
            return new EnrolledCheck(state.Enrolments.IsActivelyEnrolled(course.Id, user.Id, LearningClock.Now(state)));
        });

        var page = types.For("core_course_courses_result");
        page.IsTypeOfFunc = o => o is PageResult<CourseRecord>;
        page.Field<PageResult<CourseRecord>>("items", p => p.Items);
        page.Field<PageResult<CourseRecord>>("total", p => p.Total);
        page.Field<PageResult<CourseRecord>>("next_cursor", p => p.NextCursor);

        types.For("core_course_is_user_enrolled_result").Field<EnrolledCheck>("user_currently_enrolled", r => r.UserCurrentlyEnrolled);

        RegisterCourse(types.For("core_course"), state);
        RegisterCategory(types.For("core_category"), state);
        RegisterStructure(types);
    }

    private static void RegisterCourse(TypeConfig course, EmulatorState state)
    {
        course.IsTypeOfFunc = o => o is CourseRecord;
        course.Field<CourseRecord>("id", c => c.Id);
        course.Field<CourseRecord>("idnumber", c => c.IdNumber);
        course.Text<CourseRecord>("fullname", c => c.FullName);
        course.Text<CourseRecord>("shortname", c => c.ShortName);
        course.Text<CourseRecord>("summary", c => c.Summary);
        course.Field<CourseRecord>("summaryformat", c => c.SummaryFormat);
        course.Date<CourseRecord>("timecreated", c => c.TimeCreated);
        course.Date<CourseRecord>("timemodified", c => c.TimeModified);
        course.Field<CourseRecord>("category", c => state.Courses.GetCategory(c.CategoryId));
        course.Field<CourseRecord>("categoryid", c => c.CategoryId);
        course.Date<CourseRecord>("startdate", c => c.StartDate);
        course.Date<CourseRecord>("enddate", c => c.EndDate);
        course.Field<CourseRecord>("theme", c => c.Theme);
        course.Field<CourseRecord>("lang", c => c.Lang);
        course.Field<CourseRecord>("format", c => c.Format);
        course.Field<CourseRecord>("coursetype", c => c.CourseType);
        course.Field<CourseRecord>("icon", c => c.Icon);
        course.Field<CourseRecord>("image", c => $"{LearningClock.SiteUrl}/theme/image.php/ventura/core/1/course_defaultimage");
        course.Field<CourseRecord>("sections", c => c.Sections);
        course.Field<CourseRecord>("modcount", c => c.ModuleCount);
        course.Field<CourseRecord>("showgrades", c => c.ShowGrades);
        course.Field<CourseRecord>("completionenabled", c => c.CompletionEnabled);
        // "Completion for the current user": the API's service account is rarely a learner.
        course.Field<CourseRecord>("completion", (c, ctx) => c.CompletionEnabled ? state.Completions.Get(ctx.ActorId(), c.Id) : null);
        course.Field<CourseRecord>("criteria", c => Array.Empty<object>());
        course.Field<CourseRecord>("criteriaaggregation", c => c.CompletionEnabled ? "All" : null);
        course.Field<CourseRecord>("url", c => $"{LearningClock.SiteUrl}/course/view.php?id={c.Id}");
        course.Field<CourseRecord>("course_format", c => CourseFormat.For(c.Format));
        course.Field<CourseRecord>("tags", c => c.Tags.Select((name, i) => new CourseTag(i + 1, name)).ToList());
    }

    private static void RegisterCategory(TypeConfig category, EmulatorState state)
    {
        category.IsTypeOfFunc = o => o is CategoryRecord;
        category.Field<CategoryRecord>("id", c => c.Id);
        category.Text<CategoryRecord>("name", c => c.Name);
        category.Field<CategoryRecord>("idnumber", c => c.IdNumber);
        category.Text<CategoryRecord>("description", c => c.Description);
        category.Field<CategoryRecord>("descriptionformat", c => "HTML");
        category.Text<CategoryRecord>("full_path", c => string.Join(" / ", state.Courses.PathTo(c.Id).Select(p => p.Name)));
        category.Field<CategoryRecord>("parent", c => c.ParentId == 0 ? null : state.Courses.GetCategory(c.ParentId));
        category.Field<CategoryRecord>("children", c => state.Courses.Children(c.Id));
        category.Field<CategoryRecord>("depth", c => state.Courses.PathTo(c.Id).Count);
        category.Field<CategoryRecord>("courses", c => state.Courses.CoursesIn(c.Id));
        category.Field<CategoryRecord>("coursecount", c => state.Courses.CoursesIn(c.Id).Count);
        category.Date<CategoryRecord>("timemodified", c => c.TimeModified);
        category.Field<CategoryRecord>("theme", c => c.Theme);
    }

    private static void RegisterStructure(TypeSettings types)
    {
        var format = types.For("core_course_format");
        format.Field<CourseFormat>("format", f => f.Format);
        format.Field<CourseFormat>("name", f => f.Name);
        format.Field<CourseFormat>("has_course_view_page", f => f.HasCourseViewPage);

        var tag = types.For("core_tag");
        tag.Field<CourseTag>("id", t => t.Id);
        tag.Field<CourseTag>("name", t => t.Name.ToLowerInvariant());
        tag.Field<CourseTag>("rawname", t => t.Name);
        tag.Field<CourseTag>("display_name", t => t.Name);

        var section = types.For("core_course_section");
        section.Field<CourseSection>("id", s => s.Id);
        section.Text<CourseSection>("title", s => s.Title);
        section.Field<CourseSection>("modules", s => s.Modules);
        section.Field<CourseSection>("available", s => true);
        section.Field<CourseSection>("availablereason", s => Array.Empty<string>());
        section.Field<CourseSection>("visible", s => true);
        section.Text<CourseSection>("summary", s => s.Summary);
        section.Field<CourseSection>("summaryformat", s => "HTML");

        var module = types.For("core_course_module");
        module.Field<CourseModule>("id", m => m.Id);
        module.Field<CourseModule>("idnumber", m => null);
        module.Field<CourseModule>("instanceid", m => m.InstanceId);
        module.Field<CourseModule>("modtype", m => m.ModType);
        module.Text<CourseModule>("name", m => m.Name);
        module.Field<CourseModule>("viewurl", m => $"{LearningClock.SiteUrl}/mod/{m.ModType}/view.php?id={m.Id}");
        module.Field<CourseModule>("completion", m => m.CompletionEnabled ? "tracking_automatic" : "tracking_none");
        module.Field<CourseModule>("completionenabled", m => m.CompletionEnabled);
        module.Field<CourseModule>("completionstatus", m => "unknown");
        module.Field<CourseModule>("rpl", m => false);
        module.Field<CourseModule>("progress", m => 0);
        module.Field<CourseModule>("available", m => true);
        module.Field<CourseModule>("availablereason", m => Array.Empty<string>());
        module.Field<CourseModule>("visible", m => true);
        module.Field<CourseModule>("showdescription", m => false);
        module.Text<CourseModule>("description", m => null);
        module.Field<CourseModule>("descriptionformat", m => "HTML");
        module.Field<CourseModule>("gradefinal", m => null);
        module.Field<CourseModule>("grademax", m => null);
        module.Field<CourseModule>("gradepercentage", m => null);
    }
}

/// <summary>The answer of core_course_is_user_enrolled.</summary>
public sealed record EnrolledCheck(bool UserCurrentlyEnrolled);

/// <summary>A tag on a course (core_tag).</summary>
public sealed record CourseTag(long Id, string Name);

/// <summary>The core_course_format metadata of a course format plugin.</summary>
public sealed record CourseFormat(string Format, string Name, bool HasCourseViewPage)
{
    public static CourseFormat For(string format) => format switch
    {
        "weeks" => new("weeks", "Weekly format", true),
        "singleactivity" => new("singleactivity", "Single activity format", false),
        "social" => new("social", "Social format", true),
        "pathway" => new("pathway", "Pathway", false),
        _ => new("topics", "Topics format", true),
    };
}
