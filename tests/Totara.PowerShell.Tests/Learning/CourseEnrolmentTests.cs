using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.Learning;

/// <summary>Add-, Remove- and Test-TotaraCourseEnrolment against the emulator: results per user, errors per input, -WhatIf.</summary>
public sealed class CourseEnrolmentTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public CourseEnrolmentTests(EmulatorRunspaceFixture site) => _site = site;

    private static string ResultOf(PSObject item) => item.Get("Result")!.ToString()!;

    [Fact]
    public void Piped_users_in_every_form_are_enrolled_with_one_typed_result_each()
    {
        var course = _site.NewCourse("enr");
        var a = _site.Seed(UserTestData.UniqueName("ea"));
        var b = _site.Seed(UserTestData.UniqueName("eb"));
        var c = _site.Seed(UserTestData.UniqueName("ec"));
        var d = _site.Seed(UserTestData.UniqueName("ed"));
        _site.Enrol(course, d);
        using var ps = _site.NewConnectedRunspace();

        var output = ps.Run("""
            param($Course, $A, $B, $C, $D)
            $user = Get-TotaraUser -Identity $A
            @($user, [pscustomobject]@{ EmployeeID = $B }, @{ mail = $C }, $D) | Add-TotaraCourseEnrolment -Course $Course
            """, UserTestData.Params(("Course", course.ShortName), ("A", a.Username), ("B", b.IdNumber), ("C", c.Email), ("D", d.Username)))
            .AssertNoErrors().Output;

        Assert.Equal(4, output.Count);
        Assert.All(output, o => Assert.Equal("Totara.PowerShell.Courses.TotaraCourseEnrolmentResult", o.BaseObject.GetType().FullName));
        Assert.Equal(new[] { "Enrolled", "Enrolled", "Enrolled", "AlreadyEnrolled" }, output.Select(ResultOf));
        Assert.Equal(new long?[] { a.Id, b.Id, c.Id, d.Id }, output.Select(o => (long?)o.Get("UserId")));
        Assert.Equal(new object[] { true, true, true, false }, output.Select(o => o.Get("Changed")!));
        Assert.All(output, o => Assert.Equal(course.Id, (long)o.Get("CourseId")!));
        Assert.All(output, o => Assert.Equal("student", o.Get("Role")));
        foreach (var user in new[] { a, b, c, d }) Assert.True(_site.IsEnrolled(course, user));
    }

    [Fact]
    public void The_course_is_found_by_full_name_and_a_TotaraCourse_and_role_dates_and_suspension_are_sent()
    {
        var course = _site.NewCourse("opt");
        var a = _site.Seed(UserTestData.UniqueName("oa"));
        var b = _site.Seed(UserTestData.UniqueName("ob"));
        using var ps = _site.NewConnectedRunspace();
        var end = DateTime.UtcNow.Date.AddDays(90);

        var output = ps.Run("""
            param($FullName, $ShortName, $A, $B, $End)
            $A | Add-TotaraCourseEnrolment -Course $FullName.ToLower() -Role teacher -EndDate $End
            $course = Get-TotaraCourse -Identity $ShortName
            $B | Add-TotaraCourseEnrolment -Course $course -Suspended
            """, UserTestData.Params(("FullName", course.FullName), ("ShortName", course.ShortName), ("A", a.Username), ("B", b.Username), ("End", end)))
            .AssertNoErrors().Output;

        Assert.Equal("teacher", output[0].Get("Role"));
        Assert.Equal(end, (DateTime)output[0].Get("End")!);
        Assert.Equal(false, output[0].Get("Suspended"));
        Assert.Equal(true, output[1].Get("Suspended"));
        Assert.Contains(course.ShortName, (string)output[1].Get("Course")!);
        var enrolment = Assert.Single(_site.Host.State.Enrolments.EnrolmentsIn(course.Id, a.Id));
        Assert.Equal(new DateTimeOffset(end).ToUnixTimeSeconds(), enrolment.TimeEnd);
        Assert.False(_site.IsEnrolled(course, b));
    }

    [Fact]
    public void An_unknown_user_is_a_non_terminating_error_whose_target_is_the_input_and_the_rest_go_on()
    {
        var course = _site.NewCourse("err");
        var a = _site.Seed(UserTestData.UniqueName("xa"));
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($Course, $A)
            $row = [pscustomobject]@{ Username = 'no-such-user-here' }
            @($row, $A, 'nobody-at-all') | Add-TotaraCourseEnrolment -Course $Course
            """, UserTestData.Params(("Course", course.IdNumber), ("A", a.Username)));

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("TotaraUserNotFound,", e.FullyQualifiedErrorId));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        Assert.Equal("no-such-user-here", ((PSObject)result.Errors[0].TargetObject).Properties["Username"].Value);
        Assert.Equal("nobody-at-all", result.Errors[1].TargetObject);
        Assert.Contains("Record 3 (nobody-at-all), field User", result.Errors[1].Exception.Message);
        Assert.Contains("username 'nobody-at-all' or idnumber 'nobody-at-all'", result.Errors[1].Exception.Message);
        Assert.Equal("Enrolled", ResultOf(Assert.Single(result.Output)));
        Assert.True(_site.IsEnrolled(course, a));
    }

    [Fact]
    public void A_site_refusal_names_the_record_and_the_site_message()
    {
        var course = _site.NewCourse("role");
        var a = _site.Seed(UserTestData.UniqueName("ra"));
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("param($Course, $A) $A | Add-TotaraCourseEnrolment -Course $Course -Role coursecreator",
            UserTestData.Params(("Course", course.ShortName), ("A", a.Username)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraRecordFailed,", error.FullyQualifiedErrorId);
        Assert.Contains("Record 1", error.Exception.Message);
        Assert.Contains("can not be assigned", error.Exception.Message);
        Assert.Equal(a.Username, error.TargetObject);
        Assert.False(_site.IsEnrolled(course, a));
    }

    [Fact]
    public void Remove_reports_Unenrolled_and_NotManuallyEnrolled_and_sends_one_mutation()
    {
        var course = _site.NewCourse("rm");
        var a = _site.Seed(UserTestData.UniqueName("ma"));
        var b = _site.Seed(UserTestData.UniqueName("mb"));
        _site.Enrol(course, a);
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var output = ps.Run("param($Course, $A, $B) $A, $B | Remove-TotaraCourseEnrolment -Course $Course -Confirm:$false",
            UserTestData.Params(("Course", course.ShortName), ("A", a.Username), ("B", b.Username))).AssertNoErrors().Output;

        Assert.Equal(new[] { "Unenrolled", "NotManuallyEnrolled" }, output.Select(ResultOf));
        Assert.Equal(new object[] { true, false }, output.Select(o => o.Get("Changed")!));
        Assert.False(_site.IsEnrolled(course, a));
        Assert.Equal(1, _site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public void Test_returns_booleans_in_input_order_and_result_objects_with_Detailed()
    {
        var course = _site.NewCourse("tst");
        var a = _site.Seed(UserTestData.UniqueName("ta"));
        var b = _site.Seed(UserTestData.UniqueName("tb"));
        _site.Enrol(course, b);
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("""
            param($Course, $A, $B)
            $A, $B | Test-TotaraCourseEnrolment -Course $Course
            Test-TotaraCourseEnrolment -Course $Course -User $B -Detailed
            """, UserTestData.Params(("Course", course.Id), ("A", a.Username), ("B", b.IdNumber))).AssertNoErrors();

        Assert.Equal(new object[] { false, true }, result.Output.Take(2).Select(o => o.BaseObject));
        Assert.Equal("IsEnrolled", ResultOf(result.Output[2]));
        Assert.Equal(true, result.Output[2].Get("IsEnrolled"));
        Assert.Equal(0, _site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public void WhatIf_sends_nothing_at_all()
    {
        var course = _site.NewCourse("wi");
        var a = _site.Seed(UserTestData.UniqueName("wa"));
        _site.Enrol(course, a);
        var b = _site.Seed(UserTestData.UniqueName("wb"));
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("param($Course, $A, $B) $B | Add-TotaraCourseEnrolment -Course $Course -WhatIf; $A | Remove-TotaraCourseEnrolment -Course $Course -WhatIf",
            UserTestData.Params(("Course", course.ShortName), ("A", a.Username), ("B", b.Username))).AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.Equal(0, _site.Host.Counters.Requests);
        Assert.True(_site.IsEnrolled(course, a));
        Assert.False(_site.IsEnrolled(course, b));
    }

    [Fact]
    public void An_unknown_or_ambiguous_course_stops_the_command_before_any_user_is_sent()
    {
        var a = _site.Seed(UserTestData.UniqueName("ua"));
        var one = _site.NewCourse("amb");
        var two = _site.NewCourse("amb");
        _site.Host.State.Courses.GetCourse(two.Id)!.FullName = one.FullName;
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var missing = ps.Run("param($A) $A | Add-TotaraCourseEnrolment -Course 'no such course'", UserTestData.Params(("A", a.Username)));
        var ambiguous = ps.Run("param($A, $Name) $A | Add-TotaraCourseEnrolment -Course $Name", UserTestData.Params(("A", a.Username), ("Name", one.FullName)));

        var error = Assert.Single(missing.Errors);
        Assert.StartsWith("TotaraCourseNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("'no such course'", error.Exception.Message);
        var twice = Assert.Single(ambiguous.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, twice.CategoryInfo.Category);
        Assert.Contains("2 courses", twice.Exception.Message);
        Assert.Empty(missing.Output);
        Assert.Equal(0, _site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public void Many_users_go_in_few_batched_requests_with_progress()
    {
        var course = _site.NewCourse("bulk");
        var users = Enumerable.Range(0, 150).Select(_ => _site.Seed(UserTestData.UniqueName("bk"))).ToList();
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("param($Course, $Names) $Names | Add-TotaraCourseEnrolment -Course $Course -Verbose",
            UserTestData.Params(("Course", course.ShortName), ("Names", users.Select(u => u.Username).ToArray()))).AssertNoErrors();

        Assert.Equal(150, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("Enrolled", ResultOf(o)));
        Assert.All(users, u => Assert.True(_site.IsEnrolled(course, u)));
        Assert.True(_site.Host.Counters.Requests <= 12, $"{_site.Host.Counters.Requests} requests for 150 users: not batched.");
        Assert.NotEmpty(result.Progress);
        Assert.Contains(result.Verbose, v => v.Contains("150 record(s) read, 150 sent, 150 succeeded"));
    }

    [Fact]
    public void A_repeated_user_is_refused_and_sent_once()
    {
        var course = _site.NewCourse("dup");
        var a = _site.Seed(UserTestData.UniqueName("da"));
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("param($Course, $A) $A, $A | Add-TotaraCourseEnrolment -Course $Course", UserTestData.Params(("Course", course.ShortName), ("A", a.Username)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraDuplicateInput,", error.FullyQualifiedErrorId);
        Assert.Single(result.Output);
    }
}
