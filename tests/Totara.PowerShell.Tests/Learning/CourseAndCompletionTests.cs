using System.Management.Automation;
using Totara.Emulator.Domain.Completion;
using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.Learning;

/// <summary>Get-TotaraCourse and Get-TotaraCourseCompletion against the emulator.</summary>
public sealed class CourseAndCompletionTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public CourseAndCompletionTests(EmulatorRunspaceFixture site) => _site = site;

    [Fact]
    public void Get_lists_every_course_typed_and_filters_by_tag()
    {
        var tag = "tag" + Guid.NewGuid().ToString("N")[..8];
        var one = _site.NewCourse("lst", tag);
        var two = _site.NewCourse("lst", tag);
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("param($Tag) $all = Get-TotaraCourse; $all.Count; Get-TotaraCourse -Tag $Tag",
            UserTestData.Params(("Tag", tag))).AssertNoErrors();

        Assert.Equal(_site.Host.State.Courses.CourseCount, (int)result.Output[0].BaseObject);
        var tagged = result.Output.Skip(1).ToList();
        Assert.Equal(new[] { one.ShortName, two.ShortName }, tagged.Select(c => c.Get("ShortName")));
        Assert.All(tagged, c => Assert.Equal("Totara.PowerShell.Courses.TotaraCourse", c.BaseObject.GetType().FullName));
        Assert.Equal("Miscellaneous", tagged[0].Get("Category"));
        Assert.Equal(one.IdNumber, tagged[0].Get("IdNumber"));
    }

    [Fact]
    public void Get_by_identity_takes_ids_idnumbers_shortnames_and_names_and_an_unknown_one_is_an_error()
    {
        var course = _site.NewCourse("ids");
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($Id, $IdNumber, $FullName)
            Get-TotaraCourse -Identity $Id, $IdNumber
            $FullName.ToUpper() | Get-TotaraCourse
            [pscustomobject]@{ Course = 'INDUCT' } | Get-TotaraCourse
            Get-TotaraCourse -Identity 'no such course'
            """, UserTestData.Params(("Id", course.Id), ("IdNumber", course.IdNumber), ("FullName", course.FullName)));

        Assert.Equal(new object?[] { course.Id, course.Id, course.Id }, result.Output.Take(3).Select(c => c.Get("Id")));
        Assert.Equal("Induction", result.Output[3].Get("FullName"));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraCourseNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal("no such course", error.TargetObject);
    }

    [Fact]
    public void Completion_of_piped_users_comes_back_typed_in_input_order_with_status_dates_and_grades()
    {
        var course = _site.NewCourse("cmp");
        var a = _site.Seed(UserTestData.UniqueName("ca"));
        var b = _site.Seed(UserTestData.UniqueName("cb"));
        var c = _site.Seed(UserTestData.UniqueName("cc"));
        var done = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
        _site.Host.State.Completions.Set(a.Id, course.Id, CompletionStatus.Complete, 100, 1_700_000_000, 1_700_000_100, done.ToUnixTimeSeconds(), 85);
        _site.Host.State.Completions.Set(b.Id, course.Id, CompletionStatus.InProgress, 40, 1_700_000_000, 1_700_000_100);
        using var ps = _site.NewConnectedRunspace();

        var output = ps.Run("param($Course, $A, $B, $C) Get-TotaraUser -Identity $A, $B | Get-TotaraCourseCompletion -Course $Course; Get-TotaraCourseCompletion $Course $C",
            UserTestData.Params(("Course", course.ShortName), ("A", a.Username), ("B", b.Email), ("C", c.IdNumber))).AssertNoErrors().Output;

        Assert.All(output, o => Assert.Equal("Totara.PowerShell.Courses.TotaraCourseCompletion", o.BaseObject.GetType().FullName));
        Assert.Equal(new[] { "Complete", "InProgress", "NoRecord" }, output.Select(o => o.Get("Status")!.ToString()));
        Assert.Equal(new object[] { true, false, false }, output.Select(o => o.Get("IsComplete")!));
        Assert.Equal(done.UtcDateTime, (DateTime)output[0].Get("TimeCompleted")!);
        Assert.Equal(85.0, output[0].Get("GradeFinal"));
        Assert.Equal(40.0, output[1].Get("Progress"));
        Assert.Null(output[1].Get("TimeCompleted"));
        Assert.Equal(course.FullName, output[0].Get("Course"));
        Assert.Equal(new object?[] { a.Username, b.Username, c.Username }, output.Select(o => o.Get("Username")));
    }

    [Fact]
    public void Completion_for_an_unknown_user_is_an_error_naming_the_record_and_the_rest_go_on()
    {
        var course = _site.NewCourse("cme");
        var a = _site.Seed(UserTestData.UniqueName("ea"));
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("param($Course, $A) 'ghost-user', $A | Get-TotaraCourseCompletion -Course $Course",
            UserTestData.Params(("Course", course.ShortName), ("A", a.Username)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraUserNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal("ghost-user", error.TargetObject);
        Assert.Contains("Record 1 (ghost-user)", error.Exception.Message);
        Assert.Equal("NoRecord", Assert.Single(result.Output).Get("Status")!.ToString());
    }

    [Fact]
    public void Completion_for_many_users_is_read_in_few_requests()
    {
        var course = _site.NewCourse("cmb");
        var users = Enumerable.Range(0, 100).Select(_ => _site.Seed(UserTestData.UniqueName("cm"))).ToList();
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var output = ps.Run("param($Course, $Names) $Names | Get-TotaraCourseCompletion -Course $Course",
            UserTestData.Params(("Course", course.ShortName), ("Names", users.Select(u => u.Username).ToArray()))).AssertNoErrors().Output;

        Assert.Equal(100, output.Count);
        Assert.True(_site.Host.Counters.Requests <= 10, $"{_site.Host.Counters.Requests} requests for 100 users: not batched.");
    }
}
