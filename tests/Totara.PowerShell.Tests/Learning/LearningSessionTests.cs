using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.Learning;

/// <summary>The learning cmdlets and sessions: -Session, no session, and the remaining goal errors.</summary>
public sealed class LearningSessionTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public LearningSessionTests(EmulatorRunspaceFixture site) => _site = site;

    public static TheoryData<string> Commands() => new()
    {
        "Get-TotaraCourse",
        "'x' | Add-TotaraCourseEnrolment -Course INDUCT",
        "'x' | Remove-TotaraCourseEnrolment -Course INDUCT -Confirm:$false",
        "'x' | Test-TotaraCourseEnrolment -Course INDUCT",
        "'x' | Get-TotaraCourseCompletion -Course INDUCT",
        "Get-TotaraGoal",
        "New-TotaraGoal -User x -Name y -TargetDate ([datetime]'2030-01-01')",
        "Set-TotaraGoal -Identity 1 -Name y",
        "Remove-TotaraGoal -Identity 1 -Confirm:$false",
        "Set-TotaraGoalProgress -Identity 1 -Status Completed",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Without_a_session_each_cmdlet_stops_with_TotaraNotConnected(string command)
    {
        using var ps = _site.NewRunspace();

        var result = ps.Run(command);

        var error = result.TerminatingRecord ?? Assert.Single(result.Errors);
        Assert.StartsWith("TotaraNotConnected,", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void Session_is_taken_by_every_kind_of_learning_cmdlet()
    {
        var user = _site.Seed(UserTestData.UniqueName("se"));
        var course = _site.NewCourse("ses");
        using var ps = _site.NewRunspace();

        var output = ps.Run("""
            param($Url, $ClientId, $Secret, $User, $Course)
            $session = Connect-Totara -Url $Url -ClientId $ClientId -ClientSecret $Secret -PassThru
            $User | Add-TotaraCourseEnrolment -Course $Course -Session $session
            Get-TotaraCourseCompletion -Course $Course -User $User -Session $session
            New-TotaraGoal -User $User -Name 'Via session' -TargetDate ([datetime]'2030-01-01') -Session $session
            """, UserTestData.Params(("Url", _site.Url), ("ClientId", EmulatorRunspaceFixture.ClientId), ("Secret", SecureStrings.From(_site.ClientSecret)),
                ("User", user.Username), ("Course", course.ShortName))).AssertNoErrors().Output;

        Assert.Equal("Enrolled", output.Single(o => o.Get("Result") is not null).Get("Result")!.ToString());
        Assert.Single(output, o => o.BaseObject.GetType().Name == "TotaraCourseCompletion");
        Assert.Single(_site.Host.State.Goals.ForUser(user.Id));
    }

    [Fact]
    public void Set_and_progress_on_an_unknown_goal_are_errors_and_WhatIf_changes_nothing()
    {
        var user = _site.Seed(UserTestData.UniqueName("sw"));
        var key = UserTestData.UniqueName("W");
        var goal = _site.Host.State.Goals.Add(g => { g.UserId = user.Id; g.Name = "Keep"; g.IdNumber = key; });
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("""
            param($Key)
            Set-TotaraGoal -Identity 'no-such-goal' -Name 'x'
            Set-TotaraGoal -Identity $Key -Name 'Changed' -WhatIf
            Set-TotaraGoalProgress -Identity $Key -Status Completed -CurrentValue 100 -WhatIf
            """, UserTestData.Params(("Key", key)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraGoalNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal("no-such-goal", error.TargetObject);
        Assert.Equal("Keep", _site.Host.State.Goals.Get(goal.Id)!.Name);
        Assert.Equal("not_started", _site.Host.State.Goals.Get(goal.Id)!.Status);
        Assert.Equal(1, _site.Host.Counters.MutationsExecuted);
    }
}
