using Totara.Client.Courses;
using Totara.Client.Tests.Support;
using Totara.Client.Users;

namespace Totara.Client.Tests.Learning;

/// <summary>The courses area against the emulator over HTTP: lists, lookups, enrolment outcomes, lost answers, completion.</summary>
public sealed class CoursesClientSiteTests
{
    private static UserRequest ByText(string text) =>
        new(new[] { UserReference.ByUsername(text), UserReference.ByIdNumber(text) }, text);

    [Fact]
    public async Task The_list_follows_every_page_and_applies_the_tag_filter()
    {
        await using var site = await TestSite.StartAsync();
        for (var i = 0; i < 5; i++) LearningData.AddCourse(site.Host, $"C{i}", $"Course {i}", i % 2 == 0 ? "even" : "odd");

        var all = await site.Client.Courses.ListAsync(new CourseListOptions { PageSize = 2 }).ToListAsync();
        var even = await site.Client.Courses.ListAsync(new CourseListOptions { Tag = "even" }).ToListAsync();

        Assert.Equal(new[] { "C0", "C1", "C2", "C3", "C4" }, all.Select(c => c.ShortName));
        Assert.Equal("CRS-C2", all[2].IdNumber);
        Assert.Equal("Miscellaneous", all[0].CategoryName);
        Assert.Equal(new[] { "C0", "C2", "C4" }, even.Select(c => c.ShortName));
    }

    [Fact]
    public async Task Find_prefers_an_exact_key_and_otherwise_matches_names_ignoring_case()
    {
        await using var site = await TestSite.StartAsync();
        var induction = LearningData.AddCourse(site.Host, "INDUCT", "Induction");
        LearningData.AddCourse(site.Host, "FIRE", "Safety");
        LearningData.AddCourse(site.Host, "FIRE2", "Safety");

        Assert.Equal(induction.Id, (await site.Client.Courses.ResolveAsync("induction")).Id);
        Assert.Equal(induction.Id, (await site.Client.Courses.ResolveAsync("CRS-INDUCT")).Id);
        Assert.Equal(induction.Id, (await site.Client.Courses.ResolveAsync(induction.Id.ToString())).Id);
        var ambiguous = await Assert.ThrowsAsync<CourseNotFoundException>(() => site.Client.Courses.ResolveAsync("safety"));
        Assert.True(ambiguous.Ambiguous);
        var missing = await Assert.ThrowsAsync<CourseNotFoundException>(() => site.Client.Courses.ResolveAsync("nothing"));
        Assert.False(missing.Ambiguous);
    }

    [Fact]
    public async Task Enrol_reports_each_user_and_an_unknown_user_fails_alone()
    {
        await using var site = await TestSite.StartAsync();
        var course = LearningData.AddCourse(site.Host, "INDUCT", "Induction");
        var a = LearningData.AddUser(site.Host, "ann");
        var b = LearningData.AddUser(site.Host, "bob");
        var c = LearningData.AddUser(site.Host, "cat");
        await site.Client.Courses.RunEnrolmentAsync(CourseReference.ById(course.Id), CourseEnrolmentAction.Enrol, new[] { ByText("cat") });
        site.Host.Counters.Reset();

        var end = DateTimeOffset.UtcNow.AddDays(30);
        var results = await site.Client.Courses.RunEnrolmentAsync(CourseReference.ByShortName("INDUCT"), CourseEnrolmentAction.Enrol,
            new[] { ByText("ann"), ByText(b.IdNumber!), ByText("nobody"), ByText("cat") },
            new EnrolmentSettings { RoleShortName = "teacher", End = end });

        Assert.Equal(new CourseEnrolmentOutcome?[] { CourseEnrolmentOutcome.Enrolled, CourseEnrolmentOutcome.Enrolled, null, CourseEnrolmentOutcome.AlreadyEnrolled },
            results.Select(r => r.Outcome));
        Assert.True(results[2].UserNotFound);
        Assert.Equal("idnumber 'nobody'", results[2].Tried.ToString());
        Assert.Equal(UserReferenceKind.IdNumber, results[1].Tried.Kind);
        Assert.Equal(new long?[] { a.Id, b.Id, null, c.Id }, results.Select(r => r.UserId));
        Assert.Equal("teacher", results[0].Role);
        Assert.Equal(end.ToUnixTimeSeconds(), results[0].End!.Value.ToUnixTimeSeconds());
        // The unknown user was found out by the test query: the mutations went out for the three others only.
        Assert.Equal(3, site.Host.Counters.MutationsExecuted);
        Assert.True(LearningData.IsEnrolled(site.Host, course, a));
        Assert.True(LearningData.IsEnrolled(site.Host, course, b));
    }

    [Fact]
    public async Task An_enrol_whose_answer_is_lost_is_settled_by_testing_the_enrolment_and_not_sent_again()
    {
        await using var site = await TestSite.StartAsync();
        var course = LearningData.AddCourse(site.Host, "INDUCT", "Induction");
        var a = LearningData.AddUser(site.Host, "ann");
        var b = LearningData.AddUser(site.Host, "bob");
        var drop = new DropAnswerHandler("enrol_manual_enrol_user");
        var client = site.NewClient(o => o.HttpHandler = drop);

        var results = await client.Courses.RunEnrolmentAsync(CourseReference.ById(course.Id), CourseEnrolmentAction.Enrol, new[] { ByText("ann"), ByText("bob") });

        Assert.Equal(1, drop.Dropped);
        Assert.All(results, r => Assert.Equal(CourseEnrolmentOutcome.Enrolled, r.Outcome));
        Assert.Equal(2, site.Host.Counters.MutationsExecuted);
        Assert.Single(site.Host.State.Enrolments.EnrolmentsIn(course.Id, a.Id));
        Assert.Single(site.Host.State.Enrolments.EnrolmentsIn(course.Id, b.Id));
    }

    [Fact]
    public async Task Unenrol_sends_mutations_only_for_enrolled_users_and_a_lost_answer_is_settled()
    {
        await using var site = await TestSite.StartAsync();
        var course = LearningData.AddCourse(site.Host, "INDUCT", "Induction");
        var a = LearningData.AddUser(site.Host, "ann");
        LearningData.AddUser(site.Host, "bob");
        await site.Client.Courses.RunEnrolmentAsync(CourseReference.ById(course.Id), CourseEnrolmentAction.Enrol, new[] { ByText("ann") });
        site.Host.Counters.Reset();
        var drop = new DropAnswerHandler("enrol_manual_unenrol_user");
        var client = site.NewClient(o => o.HttpHandler = drop);

        var results = await client.Courses.RunEnrolmentAsync(CourseReference.ById(course.Id), CourseEnrolmentAction.Unenrol, new[] { ByText("ann"), ByText("bob") });

        Assert.Equal(new CourseEnrolmentOutcome?[] { CourseEnrolmentOutcome.Unenrolled, CourseEnrolmentOutcome.NotManuallyEnrolled }, results.Select(r => r.Outcome));
        Assert.Equal(1, drop.Dropped);
        Assert.Equal(1, site.Host.Counters.MutationsExecuted);
        Assert.False(LearningData.IsEnrolled(site.Host, course, a));
    }

    [Fact]
    public async Task Test_answers_per_user_without_changing_anything()
    {
        await using var site = await TestSite.StartAsync();
        var course = LearningData.AddCourse(site.Host, "INDUCT", "Induction");
        LearningData.AddUser(site.Host, "ann");
        LearningData.AddUser(site.Host, "bob");
        await site.Client.Courses.RunEnrolmentAsync(CourseReference.ById(course.Id), CourseEnrolmentAction.Enrol, new[] { ByText("bob") });
        site.Host.Counters.Reset();

        var results = await site.Client.Courses.RunEnrolmentAsync(CourseReference.ById(course.Id), CourseEnrolmentAction.Test, new[] { ByText("ann"), ByText("bob") });

        Assert.Equal(new[] { false, true }, results.Select(r => r.IsEnrolled));
        Assert.Equal(0, site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task Completion_maps_status_progress_dates_and_grades_and_a_missing_record_is_NoRecord()
    {
        await using var site = await TestSite.StartAsync();
        var course = LearningData.AddCourse(site.Host, "INDUCT", "Induction");
        var a = LearningData.AddUser(site.Host, "ann");
        var b = LearningData.AddUser(site.Host, "bob");
        LearningData.AddUser(site.Host, "cat");
        site.Host.State.Completions.Set(a.Id, course.Id, Totara.Emulator.Domain.Completion.CompletionStatus.Complete, 100, 1_700_000_000, 1_700_000_100, 1_700_100_000, 80);
        site.Host.State.Completions.Set(b.Id, course.Id, Totara.Emulator.Domain.Completion.CompletionStatus.InProgress, 40, 1_700_000_000, 1_700_000_100);

        var results = await site.Client.Courses.GetCompletionsAsync(CourseReference.ByIdNumber("CRS-INDUCT"), new[] { ByText("ann"), ByText("EMP-bob"), ByText("cat"), ByText("ghost") });

        Assert.Equal(CourseCompletionState.Complete, results[0].Completion!.State);
        Assert.Equal(100, results[0].Completion!.Progress);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_100_000), results[0].Completion!.TimeCompleted);
        Assert.Equal(80, results[0].Completion!.GradeFinal);
        Assert.Equal("INDUCT", results[0].Completion!.CourseShortName);
        Assert.Equal(CourseCompletionState.InProgress, results[1].Completion!.State);
        Assert.Null(results[1].Completion!.TimeCompleted);
        Assert.Equal("bob", results[1].Completion!.Username);
        Assert.Equal(CourseCompletionState.NoRecord, results[2].Completion!.State);
        Assert.True(results[3].UserNotFound);
    }

    [Fact]
    public async Task Enrolments_whose_answer_a_later_failure_nulled_are_read_back_in_one_request()
    {
        await using var site = await TestSite.StartAsync();
        LearningData.AddCourse(site.Host, "INDUCT", "Induction");
        var people = Enumerable.Range(0, 5).Select(i => LearningData.AddUser(site.Host, "learner" + i)).ToList();
        var courses = site.Client.Courses;
        var course = CourseReference.ByShortName("INDUCT");
        var operations = people.Select((p, i) => courses.EnrolOperation(course, UserReference.ByUsername(p.Username), null, i)).ToList();
        operations.Add(courses.EnrolOperation(course, UserReference.ByUsername("nobody"), null, 5));
        var requestsBefore = site.Host.Counters.Requests;

        var results = await site.Client.ExecuteBatchAsync(operations).ToListAsync();

        // The batch, then one query reading back the five users whose enrolments ran before the failure.
        Assert.Equal(2, site.Host.Counters.Requests - requestsBefore);
        Assert.All(results.Take(5), r => Assert.True(r.Succeeded, r.ToString()));
        Assert.False(results[5].Succeeded);
        Assert.Equal(people.Select(p => (p.Id.ToString(), p.Username)),
            results.Take(5).Select(r => r.Data!.Value.GetProperty("user")).Select(u => (u.GetProperty("id").ToString(), u.GetProperty("username").GetString()!)));
    }
}
