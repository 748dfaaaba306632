using System.Diagnostics;
using System.Xml.Linq;
using Totara.HelpGen;

namespace Totara.PowerShell.Tests.Module;

/// <summary>The generator as the module build runs it: a docs folder in, one MAML file or build errors out.</summary>
public sealed class HelpGeneratorCommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("helpgen-").FullName;

    [Fact]
    public void Writes_help_for_the_Verb_Noun_pages_only()
    {
        WritePage("Get-TotaraThing.md", Page("Get-TotaraThing"));
        WritePage("connecting.md", "# Connecting\nA guide, not a command page.\n");
        string output = Path.Combine(_folder, "out", "Totara.PowerShell.dll-Help.xml");

        var (exitCode, stdout) = Run("--docs", _folder, "--output", output);

        Assert.Equal(0, exitCode);
        Assert.Contains("help for 1 command(s)", stdout);
        var names = XDocument.Load(output).Descendants(MamlWriter.Command + "details")
            .Select(details => details.Element(MamlWriter.Command + "name")!.Value);
        Assert.Equal(new[] { "Get-TotaraThing" }, names);
    }

    [Fact]
    public void Reports_every_bad_page_in_MSBuild_error_format_and_writes_nothing()
    {
        WritePage("Get-TotaraThing.md", Page("Get-TotaraThing").Replace("## SYNOPSIS\nGets a thing.", "## SYNOPSIS"));
        WritePage("Set-TotaraThing.md", Page("Get-TotaraThing"));
        string output = Path.Combine(_folder, "help.xml");

        var (exitCode, stdout) = Run("--docs", _folder, "--output", output);

        Assert.Equal(1, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.Contains("Get-TotaraThing.md(") && line.Contains(": error HELP001: [SYNOPSIS] The section is empty."));
        Assert.Contains(lines, line => line.Contains("Set-TotaraThing.md(") && line.Contains("[title] The title 'Get-TotaraThing' does not match the file name 'Set-TotaraThing.md'."));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Missing_arguments_are_a_usage_error()
    {
        var (exitCode, _) = Run("--docs", _folder);
        Assert.Equal(2, exitCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WritePage(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);

    private static string Page(string name) => $"""
        # {name}

        ## SYNOPSIS
        Gets a thing.

        ## SYNTAX

        ```
        {name} [<CommonParameters>]
        ```

        ## DESCRIPTION
        Gets the thing.

        ## EXAMPLES

        ### Example 1: Get it
        ```powershell
        {name}
        ```

        ## PARAMETERS

        ### CommonParameters
        Common parameters.
        """;

    private static (int ExitCode, string Stdout) Run(params string[] arguments)
    {
        string tool = typeof(HelpPageParser).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout);
    }
}
