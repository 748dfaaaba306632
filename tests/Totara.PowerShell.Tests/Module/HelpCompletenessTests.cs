using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Module;

/// <summary>
/// Every exported cmdlet has full help as users see it (`Get-Help -Full` in a runspace with the
/// built module): a synopsis, a description, every parameter described, at least two examples.
/// The help comes from docs/&lt;Verb&gt;-&lt;Noun&gt;.md through tools/Totara.HelpGen.
/// </summary>
public sealed class HelpCompletenessTests
{
    // Reads the help and the command's real parameters in one go. Common parameters are
    // documented once, in about_CommonParameters, not per cmdlet.
    private const string ReadHelp = """
        param($Name)
        $help = Get-Help -Name $Name -Full
        $command = Get-Command -Name $Name
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        $described = foreach ($parameter in @($help.parameters.parameter)) {
            $text = (@($parameter.description) | ForEach-Object { $_.Text }) -join ''
            if ($text.Trim()) { $parameter.name }
        }
        [pscustomobject]@{
            Synopsis    = "$($help.Synopsis)".Trim()
            Description = ((@($help.description) | ForEach-Object { $_.Text }) -join "`n").Trim()
            Examples    = @(@($help.examples.example) | Where-Object { "$($_.code)".Trim() }).Count
            Parameters  = @($command.Parameters.Keys | Where-Object { $_ -notin $common })
            Described   = @($described)
        }
        """;

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Cmdlet_has_complete_help(string cmdlet)
    {
        using var runspace = new ModuleRunspace();
        var help = runspace.Run(ReadHelp, new() { ["Name"] = cmdlet }).AssertNoErrors().Output.Single();

        string synopsis = (string)help.Properties["Synopsis"].Value;
        // Without a MAML topic Get-Help makes one up, with the syntax as the synopsis.
        Assert.False(synopsis.Length == 0 || synopsis.StartsWith(cmdlet + " ", StringComparison.OrdinalIgnoreCase),
            $"{cmdlet} has no synopsis: is docs/{cmdlet}.md missing?");
        Assert.False(string.IsNullOrEmpty((string)help.Properties["Description"].Value), $"{cmdlet} has no description.");
        int examples = (int)help.Properties["Examples"].Value;
        Assert.True(examples >= 2, $"{cmdlet} has {examples} example(s); at least 2 are needed.");

        var parameters = Strings(help.Properties["Parameters"].Value);
        var described = Strings(help.Properties["Described"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var undescribed = parameters.Where(parameter => !described.Contains(parameter)).ToList();
        Assert.True(undescribed.Count == 0, $"{cmdlet}: no description for -{string.Join(", -", undescribed)}.");
    }

    [Fact]
    public void About_topic_is_found_by_Get_Help()
    {
        using var runspace = new ModuleRunspace();

        var text = string.Join("\n", runspace.Run("Get-Help -Name about_Totara.PowerShell").AssertNoErrors().Output.Select(item => item.ToString()));

        Assert.Contains("about_Totara.PowerShell", text);
        Assert.Contains("Connect-Totara", text);
        Assert.Contains("ASSEMBLY ISOLATION", text);
    }

    public static TheoryData<string> ExportedCmdlets() => ManifestData.ExportedCmdlets();

    private static List<string> Strings(object value) => value switch
    {
        PSObject wrapped => Strings(wrapped.BaseObject),
        object[] items => items.Select(item => item?.ToString() ?? "").ToList(),
        _ => new List<string> { value.ToString() ?? "" },
    };
}
