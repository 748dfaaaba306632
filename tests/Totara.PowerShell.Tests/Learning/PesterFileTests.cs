using System.Management.Automation.Language;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Learning;

/// <summary>
/// Pester is not installed where these tests run, so the learning cmdlets' Pester files are at
/// least parsed here: a syntax error would otherwise only show on a machine with pwsh.
/// </summary>
public sealed class PesterFileTests
{
    public static TheoryData<string> LearningCmdlets() => new()
    {
        "Get-TotaraCourse", "Add-TotaraCourseEnrolment", "Remove-TotaraCourseEnrolment", "Test-TotaraCourseEnrolment", "Get-TotaraCourseCompletion",
        "Get-TotaraGoal", "New-TotaraGoal", "Set-TotaraGoal", "Remove-TotaraGoal", "Set-TotaraGoalProgress",
    };

    [Theory]
    [MemberData(nameof(LearningCmdlets))]
    public void Each_learning_cmdlet_has_a_Pester_file_that_parses_and_describes_it(string cmdlet)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Pester", cmdlet + ".Tests.ps1");
        Assert.True(File.Exists(path), $"{path} is missing.");

        var ast = Parser.ParseFile(path, out _, out var errors);

        Assert.Empty(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"));
        var calls = ast.FindAll(node => node is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName()).ToList();
        Assert.Contains("Describe", calls);
        Assert.Contains(cmdlet, calls);
        Assert.True(calls.Count(c => c == "It") >= 3, $"{cmdlet}: fewer than 3 It blocks.");
    }

    [Fact]
    public void The_shared_learning_helper_parses()
    {
        Parser.ParseFile(Path.Combine(RepoPaths.Root, "tests", "Pester", "Learning.Support.ps1"), out _, out var errors);
        Assert.Empty(errors);
    }
}
