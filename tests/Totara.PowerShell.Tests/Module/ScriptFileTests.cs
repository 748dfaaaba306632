using System.Management.Automation;
using System.Management.Automation.Language;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Module;

/// <summary>
/// The repository's PowerShell scripts (build.ps1, samples, Pester files) run on machines with
/// pwsh, which this one lacks: parse every one with the engine's own parser so a syntax error or
/// a call with a parameter the script does not declare is caught here, not by the first user.
/// </summary>
public sealed class ScriptFileTests
{
    public static TheoryData<string> ScriptFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Root, "*.ps1", SearchOption.AllDirectories)
                     .Select(path => Path.GetRelativePath(RepoPaths.Root, path))
                     .Where(path => !IsBuildOutput(path))
                     .Order(StringComparer.Ordinal))
            data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(ScriptFiles))]
    public void Script_parses_without_errors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(RepoPaths.Root, relativePath), out _, out var errors);

        Assert.True(errors.Length == 0,
            $"{relativePath}: " + string.Join("; ", errors.Select(e => $"line {e.Extent.StartLineNumber}: {e.Message}")));
    }

    [Fact]
    public void Build_script_calls_the_demo_with_parameters_the_demo_declares()
    {
        var declared = DeclaredParameters(Path.Combine(RepoPaths.Root, "samples", "demo.ps1"));
        var build = Parser.ParseFile(Path.Combine(RepoPaths.Root, "build.ps1"), out _, out _);

        var demoCalls = build.FindAll(node => node is CommandAst command &&
                                              command.CommandElements[0].Extent.Text.Contains("demo.ps1", StringComparison.Ordinal), true)
            .Cast<CommandAst>().ToList();

        Assert.NotEmpty(demoCalls);
        foreach (var call in demoCalls)
        {
            var used = call.CommandElements.OfType<CommandParameterAst>().Select(p => p.ParameterName);
            Assert.All(used, name => Assert.Contains(name, declared, StringComparer.OrdinalIgnoreCase));
        }
    }

    private static string[] DeclaredParameters(string script)
    {
        var ast = Parser.ParseFile(script, out _, out _);
        return ast.ParamBlock?.Parameters.Select(p => p.Name.VariablePath.UserPath).ToArray() ?? Array.Empty<string>();
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var parts = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj") || parts[0] == "out" || parts[0].StartsWith('.');
    }
}
