using System.Management.Automation.Language;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.JobAssignments;

/// <summary>
/// pwsh and Pester are not on the build machines, so the Pester files of the audience and
/// job-assignment cmdlets are at least parsed here: a syntax error would otherwise go unnoticed
/// until someone runs build.ps1 where Pester exists.
/// </summary>
public sealed class PesterFileTests
{
    public static TheoryData<string> Files() => new()
    {
        "Get-TotaraJobAssignment", "New-TotaraJobAssignment", "Set-TotaraJobAssignment", "Remove-TotaraJobAssignment",
        "Get-TotaraCohort", "Add-TotaraCohortMember", "Remove-TotaraCohortMember", "Test-TotaraCohortMember",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Pester_file_parses_and_tests_its_cmdlet(string cmdlet)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Pester", cmdlet + ".Tests.ps1");

        var ast = Parser.ParseFile(path, out _, out var errors);

        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
        var describe = ast.FindAll(node => node is CommandAst c && c.GetCommandName() == "Describe", true).Cast<CommandAst>().Single();
        Assert.Equal(cmdlet, ((StringConstantExpressionAst)describe.CommandElements[1]).Value);
        Assert.True(ast.FindAll(node => node is CommandAst c && c.GetCommandName() == "It", true).Count() >= 3, "fewer than three It blocks");
    }
}
