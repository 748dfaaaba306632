using System.Text.Json;
using Totara.Emulator.Domain;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Learning;

/// <summary>The learning operations over real HTTP: token, POST /api/graphql.php, Totara's error shape.</summary>
public class LearningHttpTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public LearningHttpTests(EmulatorFixture fixture) => _fixture = fixture;

    /// <summary>Adds a user and a course with a manual instance to the shared site, under names no other test uses.</summary>
    private (UserRecord User, string CourseShortName) Seed(string tag)
    {
        var state = _fixture.Host.State;
        var user = LearningFixtures.AddUser(state, "http_" + tag);
        var category = state.Courses.AddCategory("HTTP " + tag, null, null, 0);
        var course = state.Courses.AddCourse(c =>
        {
            c.ShortName = "HTTP-" + tag;
            c.IdNumber = "HTTP-ID-" + tag;
            c.FullName = "Over HTTP " + tag;
            c.CategoryId = category.Id;
        });
        state.Enrolments.AddInstance(course.Id, "manual");
        return (user, course.ShortName);
    }

    private static JsonElement Field(ApiResponse response, string name)
    {
        Assert.True(response.Errors.Count == 0, response.Text);
        return response.Data.GetProperty(name);
    }

    [Fact]
    public async Task Enrol_check_and_unenrol_over_http()
    {
        var (user, course) = Seed("enrol");
        using var client = _fixture.CreateClient();
        const string enrol = "mutation($input: enrol_manual_enrol_user_input!) { enrol_manual_enrol_user(input: $input) { user { id } course { shortname } role { shortname } enrolment { status } success was_already_enrolled } }";
        var input = new { input = new { user = new { id = user.Id }, course = new { shortname = course } } };

        using var first = await client.PostAsync(enrol, input);
        var result = Field(first, "enrol_manual_enrol_user");
        Assert.False(result.GetProperty("was_already_enrolled").GetBoolean());
        Assert.Equal("student", result.GetProperty("role").GetProperty("shortname").GetString());
        Assert.Equal("ENROL_USER_ACTIVE", result.GetProperty("enrolment").GetProperty("status").GetString());
        using var second = await client.PostAsync(enrol, input);
        Assert.True(Field(second, "enrol_manual_enrol_user").GetProperty("was_already_enrolled").GetBoolean());

        const string check = "query($u: core_user_user_reference!, $c: core_course_course_reference!) { core_course_is_user_enrolled(user: $u, course: $c) { user_currently_enrolled } }";
        using var enrolled = await client.PostAsync(check, new { u = new { id = user.Id.ToString() }, c = new { shortname = course } });
        Assert.True(Field(enrolled, "core_course_is_user_enrolled").GetProperty("user_currently_enrolled").GetBoolean());

        const string unenrol = "mutation($input: enrol_manual_unenrol_user_input!) { enrol_manual_unenrol_user(input: $input) { success user_had_manual_enrolment } }";
        using var removed = await client.PostAsync(unenrol, input);
        Assert.True(Field(removed, "enrol_manual_unenrol_user").GetProperty("user_had_manual_enrolment").GetBoolean());
        using var again = await client.PostAsync(unenrol, input);
        Assert.False(Field(again, "enrol_manual_unenrol_user").GetProperty("user_had_manual_enrolment").GetBoolean());
        using var after = await client.PostAsync(check, new { u = new { id = user.Id }, c = new { shortname = course } });
        Assert.False(Field(after, "core_course_is_user_enrolled").GetProperty("user_currently_enrolled").GetBoolean());
    }

    [Fact]
    public async Task Reference_errors_come_back_in_Totaras_error_shape()
    {
        var (user, _) = Seed("refs");
        using var client = _fixture.CreateClient();
        const string check = "query($u: core_user_user_reference!, $c: core_course_course_reference!) { core_course_is_user_enrolled(user: $u, course: $c) { user_currently_enrolled } }";
        using var missing = await client.PostAsync(check, new { u = new { id = user.Id }, c = new { idnumber = "NO-SUCH-COURSE" } });
        var error = Assert.Single(missing.Errors);
        Assert.Equal("Course reference not found", error.DebugMessage());
        Assert.True(error.GetProperty("extensions").TryGetProperty("category", out _), missing.Text);

        const string enrol = "mutation($input: enrol_manual_enrol_user_input!) { enrol_manual_enrol_user(input: $input) { success } }";
        using var badRole = await client.PostAsync(enrol, new { input = new { user = new { id = user.Id }, course = new { shortname = "HTTP-refs" }, role = new { shortname = "nope" } } });
        Assert.Equal("Role reference not found", Assert.Single(badRole.Errors).DebugMessage());
    }

    [Fact]
    public async Task Aliased_enrolments_report_the_failing_alias_and_keep_the_ones_before_it()
    {
        var (user, course) = Seed("alias");
        using var client = _fixture.CreateClient();
        var document = $$$"""
            mutation {
              a: enrol_manual_enrol_user(input: {user: {id: {{{user.Id}}}}, course: {shortname: "{{{course}}}"}}) { success }
              b: enrol_manual_enrol_user(input: {user: {id: {{{user.Id}}}}, course: {shortname: "NO-SUCH"}}) { success }
            }
            """;
        using var response = await client.PostAsync(document);
        var error = Assert.Single(response.Errors);
        Assert.Equal("b", error.GetProperty("path")[0].GetString());
        Assert.True(_fixture.Host.State.Enrolments.HasAnyEnrolment(_fixture.Host.State.Courses.FindCourses(null, null, course).Single().Id, user.Id));
    }

    [Fact]
    public async Task Goals_and_completion_over_http()
    {
        var (user, course) = Seed("goals");
        using var client = _fixture.CreateClient();
        using var created = await client.PostAsync(
            "mutation($input: perform_goal_create_input!) { perform_goal_create_goal(input: $input) { goal { id status { id } } } }",
            new { input = new { user = new { id = user.Id }, name = "Finish induction", start_date = "2026-11-01", target_date = "2026-12-31", target_value = 1 } });
        Assert.Equal("not_started", Field(created, "perform_goal_create_goal").GetProperty("goal").GetProperty("status").GetProperty("id").GetString());

        using var listed = await client.PostAsync(
            "query($input: perform_goal_user_goals_input!) { perform_goal_user_goals(input: $input) { items { goal { name } } total next_cursor } }",
            new { input = new { filters = new { user = new { username = user.Username } } } });
        Assert.Equal(1, Field(listed, "perform_goal_user_goals").GetProperty("total").GetInt32());

        using var invalid = await client.PostAsync(
            "mutation($input: perform_goal_create_input!) { perform_goal_create_goal(input: $input) { goal { id } } }",
            new { input = new { user = new { id = user.Id }, name = "Bad", status = "done", start_date = 1, target_date = 2, target_value = 1 } });
        Assert.EndsWith("Invalid status: done", Assert.Single(invalid.Errors).DebugMessage());

        using var completion = await client.PostAsync(
            "query($q: core_completion_get_course_completion_input!) { core_completion_get_course_completion(query: $q) { user { id } course { shortname } completion { statuskey } } }",
            new { q = new { user = new { id = user.Id }, course = new { shortname = course } } });
        Assert.Equal(JsonValueKind.Null, Field(completion, "core_completion_get_course_completion").GetProperty("completion").ValueKind);
    }

    [Fact]
    public async Task Intellidata_answers_over_http()
    {
        using var client = _fixture.CreateClient();
        using var response = await client.PostAsync("query($input: bi_intellidata_validate_credentials_input!) { bi_intellidata_validate_credentials(input: $input) { data } }",
            new { input = new { code = _fixture.Host.State.Intellidata.ClientIdentifier } });
        Assert.Equal("ok", Field(response, "bi_intellidata_validate_credentials").GetProperty("data").GetString());
    }
}

/// <summary>Enrolment periods follow the host's clock.</summary>
public class LearningClockHttpTests
{
    [Fact]
    public async Task An_enrolment_stops_counting_after_its_end_on_the_hosts_clock()
    {
        var clock = new ManualClock();
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Clock = clock, TokenLifetime = TimeSpan.FromDays(30) });
        host.AddClient("clock", "clock-secret");
        var user = LearningFixtures.AddUser(host.State, "clocked");
        var course = host.State.Courses.AddCourse(c => { c.ShortName = "CLOCK"; c.FullName = "Clocked"; c.CategoryId = 1; });
        host.State.Enrolments.AddInstance(course.Id, "manual");
        using var client = new ApiTestClient(host.Url, "clock", "clock-secret");

        var end = clock.GetUtcNow().AddDays(1).ToUnixTimeSeconds();
        using var enrol = await client.PostAsync(
            "mutation($input: enrol_manual_enrol_user_input!) { enrol_manual_enrol_user(input: $input) { enrolment { timeend } } }",
            new { input = new { user = new { id = user.Id }, course = new { shortname = "CLOCK" }, timeend = end } });
        Assert.True(enrol.Errors.Count == 0, enrol.Text);

        const string check = "{ core_course_is_user_enrolled(user: {username: \"clocked\"}, course: {shortname: \"CLOCK\"}) { user_currently_enrolled } }";
        using var before = await client.PostAsync(check);
        Assert.True(before.Data.GetProperty("core_course_is_user_enrolled").GetProperty("user_currently_enrolled").GetBoolean(), before.Text);
        clock.Advance(TimeSpan.FromDays(2));
        using var after = await client.PostAsync(check);
        Assert.False(after.Data.GetProperty("core_course_is_user_enrolled").GetProperty("user_currently_enrolled").GetBoolean(), after.Text);
    }
}

/// <summary>Course paging and demo determinism over HTTP on the demo site.</summary>
public class LearningDemoHttpTests : IClassFixture<DemoEmulatorFixture>
{
    private const string Courses = "query($query: core_course_courses_query) { core_course_courses(query: $query) { items { id shortname } total next_cursor } }";
    private readonly DemoEmulatorFixture _fixture;

    public LearningDemoHttpTests(DemoEmulatorFixture fixture) => _fixture = fixture;

    private static async Task<List<string>> AllCourses(ApiTestClient client, int limit)
    {
        var names = new List<string>();
        using var first = await client.PostAsync(Courses, new { query = new { pagination = new { limit } } });
        var page = first.Data.GetProperty("core_course_courses");
        var total = page.GetProperty("total").GetInt32();
        names.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("shortname").GetString()!));
        var cursor = page.GetProperty("next_cursor").GetString();
        while (!string.IsNullOrEmpty(cursor))
        {
            using var next = await client.PostAsync(Courses, new { query = new { pagination = new { cursor } } });
            Assert.True(next.Errors.Count == 0, next.Text);
            page = next.Data.GetProperty("core_course_courses");
            Assert.Equal(total, page.GetProperty("total").GetInt32());
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("shortname").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString();
        }

        Assert.Equal(total, names.Count);
        return names;
    }

    [Fact]
    public async Task Demo_courses_page_across_several_pages_without_gaps_or_repeats()
    {
        using var client = _fixture.CreateClient();
        var names = await AllCourses(client, 10);
        Assert.True(names.Count > 20);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains("INDUCT", names);
    }

    [Fact]
    public async Task Two_demo_sites_with_the_same_seed_answer_identically()
    {
        await using var other = await EmulatorHost.StartAsync(new EmulatorOptions { Demo = true });
        other.AddClient("second", "second-secret");
        using var otherClient = new ApiTestClient(other.Url, "second", "second-secret");
        using var client = _fixture.CreateClient();
        Assert.Equal(await AllCourses(client, 7), await AllCourses(otherClient, 7));

        const string goals = "query($input: perform_goal_user_goals_input!) { perform_goal_user_goals(input: $input) { items { goal { name status { id } target_date } } total } }";
        var someone = _fixture.Host.State.Goals.Count > 0
            ? _fixture.Host.State.Users.Snapshot().First(u => _fixture.Host.State.Goals.ForUser(u.Id).Count > 0)
            : null;
        if (someone is not null)
        {
            var input = new { input = new { filters = new { user = new { username = someone.Username } } } };
            using var mine = await client.PostAsync(goals, input);
            using var theirs = await otherClient.PostAsync(goals, input);
            Assert.Equal(mine.Data.GetRawText(), theirs.Data.GetRawText());
        }
    }
}
