using System.Management.Automation;
using System.Management.Automation.Language;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Module;

/// <summary>
/// Every example in every cmdlet's help (as `Get-Help -Full` shows it) is PowerShell that parses,
/// and each call it makes to a Totara cmdlet uses only parameters (or their aliases) that cmdlet
/// really has: a renamed parameter cannot leave a help example behind that no longer runs.
/// </summary>
public sealed class HelpExampleTests
{
    private const string ReadExamples = """
        param($Name)
        foreach ($example in @((Get-Help -Name $Name -Full).examples.example)) {
            [pscustomobject]@{ Title = "$($example.title)".Trim('- '); Code = "$($example.code)" }
        }
        """;

    // Every Totara command with its parameter names and aliases (common parameters included).
    private const string ReadCommands = """
        $module = Get-Module -Name Totara.PowerShell
        $names = @($module.ExportedCmdlets.Keys) + @($module.ExportedAliases.Keys)
        foreach ($name in $names) {
            $command = Get-Command -Name $name
            if ($command.CommandType -eq 'Alias') { $command = $command.ResolvedCommand }
            $accepted = foreach ($parameter in $command.Parameters.Values) { $parameter.Name; $parameter.Aliases }
            [pscustomobject]@{ Name = $name; Accepted = (@($accepted) -join ',') }
        }
        """;

    private static readonly Lazy<Dictionary<string, HashSet<string>>> Commands = new(ReadModuleCommands);

    /// <summary>
    /// Parses <paramref name="code"/> and returns what is wrong with it: parse errors, and calls
    /// to a Totara cmdlet with a parameter it does not have. Empty when the code is fine.
    /// </summary>
    public static IReadOnlyList<string> Problems(string code)
    {
        var ast = Parser.ParseInput(code, out _, out var errors);
        var problems = errors.Select(e => $"line {e.Extent.StartLineNumber}: {e.Message}").ToList();
        foreach (var call in ast.FindAll(node => node is CommandAst, true).Cast<CommandAst>())
        {
            var name = call.GetCommandName();
            if (name is null || !Commands.Value.TryGetValue(name, out var accepted)) continue;
            problems.AddRange(call.CommandElements.OfType<CommandParameterAst>()
                .Where(parameter => !accepted.Contains(parameter.ParameterName))
                .Select(parameter => $"line {parameter.Extent.StartLineNumber}: {name} has no parameter -{parameter.ParameterName}."));
        }
        return problems;
    }

    [Theory]
    [MemberData(nameof(HelpCompletenessTests.ExportedCmdlets), MemberType = typeof(HelpCompletenessTests))]
    public void Examples_parse_and_call_Totara_cmdlets_with_real_parameters(string cmdlet)
    {
        using var runspace = new ModuleRunspace();
        var examples = runspace.Run(ReadExamples, new() { ["Name"] = cmdlet }).AssertNoErrors().Output;

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var title = example.Properties["Title"].Value?.ToString();
            var code = example.Properties["Code"].Value?.ToString() ?? "";
            var problems = Problems(code);
            Assert.True(problems.Count == 0, $"{cmdlet}, {title}: {string.Join(" ", problems)}\n{code}");
        }
    }

    private static Dictionary<string, HashSet<string>> ReadModuleCommands()
    {
        using var runspace = new ModuleRunspace();
        return runspace.Run(ReadCommands).AssertNoErrors().Output.ToDictionary(
            command => command.Properties["Name"].Value.ToString()!,
            command => new HashSet<string>(command.Properties["Accepted"].Value.ToString()!.Split(','), StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
    }
}
