using GraphQL.Utilities;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Completion;

/// <summary>The answer of core_completion_get_course_completion; Completion is null when no record exists.</summary>
public sealed record CourseCompletionResult(UserRecord User, CourseRecord Course, CompletionRecord? Completion);

/// <summary>
/// core_completion_get_course_completion and the core_course_completion type, as Totara's
/// completion_get_course_completion resolver and course_completion type resolver behave.
/// </summary>
public sealed class CompletionResolvers : IResolverModule
{
    public void Register(TypeSettings types, EmulatorState state)
    {
        types.Root("Query", "core_completion_get_course_completion", ctx =>
        {
            var query = ctx.ObjectArgument("query");
            var userReference = GraphInput.AsObject(GraphInput.Get(query, "user"));
            if (CourseReference.IsEmpty(userReference))
            {
                throw new TotaraApiException("User reference is required.");
            }

            var user = LearningUsers.Resolve(state, userReference);
            var courseReference = GraphInput.AsObject(GraphInput.Get(query, "course"));
            if (CourseReference.IsEmpty(courseReference))
            {
                throw new TotaraApiException("Course reference is required.");
            }

            var course = CourseReference.Resolve(state.Courses, courseReference);
            var completion = course.CompletionEnabled ? state.Completions.Get(user.Id, course.Id) : null;
            return new CourseCompletionResult(user, course, completion);
        });

        var result = types.For("core_completion_get_course_completion_result");
        result.Field<CourseCompletionResult>("user", r => r.User);
        result.Field<CourseCompletionResult>("course", r => r.Course);
        result.Field<CourseCompletionResult>("completion", r => r.Completion);

        var completion = types.For("core_course_completion");
        completion.IsTypeOfFunc = o => o is CompletionRecord;
        completion.Field<CompletionRecord>("id", c => c.Id);
        // The raw status value as Totara stores it (e.g. "50" for complete); statuskey names it.
        completion.Field<CompletionRecord>("status", c => ((int)c.Status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        completion.Field<CompletionRecord>("statuskey", c => c.StatusKey);
        completion.Field<CompletionRecord>("progress", c => c.Progress);
        completion.Date<CompletionRecord>("timecompleted", c => c.TimeCompleted);
        completion.Field<CompletionRecord>("gradefinal", c => c.GradeFinal);
        completion.Field<CompletionRecord>("grademax", c => c.GradeMax);
        completion.Field<CompletionRecord>("gradepercentage", c => c.GradeFinal is { } g && c.GradeMax > 0 ? g / c.GradeMax * 100 : (double?)null);
    }
}
