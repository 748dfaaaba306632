using System.Text.RegularExpressions;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Module;

/// <summary>
/// The README and the guides in docs/ (connecting, runbooks, sync, recipes...) show PowerShell that admins copy:
/// every ```powershell block in them parses, and calls Totara cmdlets only with parameters those
/// cmdlets have. (Cmdlet pages are checked through Get-Help by <see cref="HelpExampleTests"/>.)
/// </summary>
public sealed partial class DocumentScriptTests
{
    public static TheoryData<string> Guides()
    {
        var data = new TheoryData<string> { Path.Combine("..", "README.md") };
        foreach (var file in Directory.EnumerateFiles(RepoPaths.DocsFolder, "*.md").Order(StringComparer.Ordinal))
            if (!File.ReadAllText(file).StartsWith("---", StringComparison.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void PowerShell_blocks_parse_and_use_real_parameters(string guide)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.DocsFolder, guide));

        foreach (Match block in PowerShellBlock().Matches(text))
        {
            var line = text[..block.Index].Count(c => c == '\n') + 1;
            var problems = HelpExampleTests.Problems(block.Groups[1].Value);
            Assert.True(problems.Count == 0, $"{guide}, block at line {line}: {string.Join(" ", problems)}");
        }
    }

    [GeneratedRegex(@"^```powershell[ \t]*\r?\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex PowerShellBlock();
}
