using System.Text.Json;
using Totara.Emulator.Domain;
using Totara.Emulator.Domain.Completion;
using static Totara.Emulator.Tests.Learning.LearningFixtures;

namespace Totara.Emulator.Tests.Learning;

/// <summary>The learning resolvers driven through GraphQL.NET with variables, aliases and field arguments.</summary>
public class LearningGraphTests
{
    private static (EmulatorState State, LearningGraph Graph) Site()
    {
        var state = SiteWithCourses("Induction", "Health & Safety", "Fire Safety", "Manual Handling", "First Aid");
        AddUser(state, "alearner", "EMP100");
        AddUser(state, "blearner", "EMP200");
        return (state, new LearningGraph(state));
    }

    private static string? Error(JsonElement result, int index = 0) =>
        result.TryGetProperty("errors", out var errors) ? errors[index].GetProperty("message").GetString() : null;

    [Fact]
    public async Task Courses_page_with_variables_and_format_arguments()
    {
        var (_, graph) = Site();
        const string query = """
            query($query: core_course_courses_query) {
              core_course_courses(query: $query) {
                items { id shortname fullname(format: PLAIN) created: timecreated(format: DATE) stamp: timecreated category { name full_path depth } }
                total next_cursor
              }
            }
            """;
        var first = await graph.RunAsync(query, new { query = new { pagination = new { limit = 2 } } });
        Assert.Null(Error(first));
        var page = first.GetProperty("data").GetProperty("core_course_courses");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        var item = page.GetProperty("items")[0];
        Assert.Equal("14 November 2023", item.GetProperty("created").GetString());
        Assert.Equal("1700000000", item.GetProperty("stamp").GetString()); // core_date output is a string
        Assert.Equal("Testing", item.GetProperty("category").GetProperty("full_path").GetString());

        var ids = new List<string>();
        var cursor = page.GetProperty("next_cursor").GetString();
        while (!string.IsNullOrEmpty(cursor))
        {
            var next = (await graph.RunAsync(query, new { query = new { pagination = new { cursor } } })).GetProperty("data").GetProperty("core_course_courses");
            ids.AddRange(next.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("shortname").GetString()!));
            cursor = next.GetProperty("next_cursor").GetString();
        }

        Assert.Equal(new[] { "C3", "C4", "C5" }, ids);
    }

    [Fact]
    public async Task Courses_sort_by_fullname_descending_through_the_enum()
    {
        var (_, graph) = Site();
        var result = await graph.RunAsync(
            "{ core_course_courses(query: {sort: [{column: \"fullname\", direction: DESC}], pagination: {limit: 3}}) { items { fullname } total } }");
        var names = result.GetProperty("data").GetProperty("core_course_courses").GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("fullname").GetString()).ToList();
        Assert.Equal(new[] { "Manual Handling", "Induction" }, names.Take(2));
        Assert.StartsWith("Health &", names[2]);
        var bad = await graph.RunAsync("{ core_course_courses(query: {sort: [{column: \"startdate\"}]}) { total } }");
        Assert.Equal("Coding error detected, it must be fixed by a programmer: sort field must be one of these: id, fullname", Error(bad));
    }

    [Fact]
    public async Task Enrol_reports_role_and_enrolment_then_is_user_enrolled_agrees()
    {
        var (_, graph) = Site();
        const string enrol = """
            mutation($input: enrol_manual_enrol_user_input!) {
              enrol_manual_enrol_user(input: $input) {
                user { username } course { shortname } role { id shortname }
                enrolment { status enrolment { enrol status } timeend }
                success was_already_enrolled
              }
            }
            """;
        var input = new { input = new { user = new { idnumber = "EMP100" }, course = new { idnumber = "ID-C2" }, role = new { shortname = "student" } } };
        var result = (await graph.RunAsync(enrol, input)).GetProperty("data").GetProperty("enrol_manual_enrol_user");
        Assert.False(result.GetProperty("was_already_enrolled").GetBoolean());
        Assert.Equal("5", result.GetProperty("role").GetProperty("id").ToString());
        Assert.Equal("ENROL_USER_ACTIVE", result.GetProperty("enrolment").GetProperty("status").GetString());
        Assert.Equal("manual", result.GetProperty("enrolment").GetProperty("enrolment").GetProperty("enrol").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("enrolment").GetProperty("timeend").ValueKind);
        Assert.True((await graph.RunAsync(enrol, input)).GetProperty("data").GetProperty("enrol_manual_enrol_user").GetProperty("was_already_enrolled").GetBoolean());

        const string check = """
            query($u: core_user_user_reference!, $c: core_course_course_reference!) {
              core_course_is_user_enrolled(user: $u, course: $c) { user_currently_enrolled }
            }
            """;
        var enrolled = await graph.RunAsync(check, new { u = new { username = "alearner" }, c = new { id = "3" } });
        Assert.True(enrolled.GetProperty("data").GetProperty("core_course_is_user_enrolled").GetProperty("user_currently_enrolled").GetBoolean());
        var other = await graph.RunAsync(check, new { u = new { username = "blearner" }, c = new { id = 3 } });
        Assert.False(other.GetProperty("data").GetProperty("core_course_is_user_enrolled").GetProperty("user_currently_enrolled").GetBoolean());
        var missing = await graph.RunAsync(check, new { u = new { username = "blearner" }, c = new { shortname = "NOPE" } });
        Assert.Equal("Course reference not found", Error(missing));
    }

    [Fact]
    public async Task An_enrolment_ends_at_its_timeend_on_the_sites_clock()
    {
        var (state, graph) = Site();
        var time = new SettableTime(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        state.LearningTime = time;
        var end = time.Now.AddDays(30);
        var enrol = await graph.RunAsync(
            "mutation($input: enrol_manual_enrol_user_input!) { enrol_manual_enrol_user(input: $input) { enrolment { timestart timeend(format: DATE) } } }",
            new { input = new { user = new { username = "alearner" }, course = new { shortname = "C1" }, timeend = end.ToString("O") } });
        var enrolment = enrol.GetProperty("data").GetProperty("enrol_manual_enrol_user").GetProperty("enrolment");
        Assert.Equal("23 December 2026", enrolment.GetProperty("timeend").GetString());
        Assert.Equal((time.Now.ToUnixTimeSeconds() / 100 * 100 - 1).ToString(), enrolment.GetProperty("timestart").GetString());

        const string check = "{ core_course_is_user_enrolled(user: {username: \"alearner\"}, course: {shortname: \"C1\"}) { user_currently_enrolled } }";
        Assert.True((await graph.RunAsync(check)).GetProperty("data").GetProperty("core_course_is_user_enrolled").GetProperty("user_currently_enrolled").GetBoolean());
        time.Now = end.AddSeconds(1);
        Assert.False((await graph.RunAsync(check)).GetProperty("data").GetProperty("core_course_is_user_enrolled").GetProperty("user_currently_enrolled").GetBoolean());
    }

    [Fact]
    public async Task A_failing_alias_reports_its_own_error_and_earlier_aliases_stay_applied()
    {
        var (state, graph) = Site();
        const string batch = """
            mutation {
              ok: enrol_manual_enrol_user(input: {user: {username: "alearner"}, course: {shortname: "C1"}}) { success }
              bad: enrol_manual_enrol_user(input: {user: {username: "alearner"}, course: {shortname: "NOPE"}}) { success }
              ok2: enrol_manual_enrol_user(input: {user: {username: "blearner"}, course: {shortname: "C1"}}) { success }
            }
            """;
        var result = await graph.RunAsync(batch);
        // The result types are non-null, so the failed alias nulls the whole data object (as in
        // Totara); the error names the alias, and the alias before it was applied regardless.
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").ValueKind);
        Assert.Equal("Course reference not found", Error(result));
        Assert.Equal("bad", result.GetProperty("errors")[0].GetProperty("path")[0].GetString());
        Assert.True(state.Enrolments.HasAnyEnrolment(2, state.Users.GetByUsername("alearner")!.Id));
    }

    [Fact]
    public async Task Completion_is_null_without_a_record_and_detailed_with_one()
    {
        var (state, graph) = Site();
        const string query = """
            query($q: core_completion_get_course_completion_input!) {
              core_completion_get_course_completion(query: $q) {
                user { username } course { shortname }
                completion { status statuskey progress timecompleted(format: ISO8601) gradefinal gradepercentage }
              }
            }
            """;
        var none = await graph.RunAsync(query, new { q = new { user = new { username = "alearner" }, course = new { shortname = "C1" } } });
        Assert.Equal(JsonValueKind.Null, none.GetProperty("data").GetProperty("core_completion_get_course_completion").GetProperty("completion").ValueKind);

        var user = state.Users.GetByUsername("alearner")!;
        state.Completions.Set(user.Id, 2, CompletionStatus.Complete, 100, 1_700_000_000, 1_700_000_100, 1_700_086_400, 80);
        var done = await graph.RunAsync(query, new { q = new { user = new { id = user.Id }, course = new { shortname = "C1" } } });
        var completion = done.GetProperty("data").GetProperty("core_completion_get_course_completion").GetProperty("completion");
        Assert.Equal("50", completion.GetProperty("status").GetString());
        Assert.Equal("complete", completion.GetProperty("statuskey").GetString());
        Assert.Equal("2023-11-15T22:13:20+0000", completion.GetProperty("timecompleted").GetString());
        Assert.Equal(80, completion.GetProperty("gradepercentage").GetDouble());

        var noUser = await graph.RunAsync(query, new { q = new { user = new { username = "nobody" }, course = new { shortname = "C1" } } });
        Assert.Equal("User reference not found", Error(noUser));
    }
}
