using System.Diagnostics;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Module;

/// <summary>
/// tools/Totara.DemoRunner end to end, as a new user runs it: emulator with demo data, the built
/// module, samples/demo.ps1. Runs the runner's built output (the test project builds it first).
/// </summary>
public sealed class DemoRunnerTests
{
    [Fact]
    public void Demo_runs_every_step_and_exits_zero()
    {
        var (exitCode, output) = RunDemoRunner();

        Assert.True(exitCode == 0, $"The demo runner exited with {exitCode}:\n{output}");
        foreach (string step in new[] { "== 1. Connect-Totara", "== 3. Get-TotaraStatus", "== 5. Invoke-TotaraGraphQL -All", "== 7. Invoke-TotaraSync -WhatIf", "== 8. Invoke-TotaraSync: apply", "0 change(s) on the second run.", "== 10. Disconnect-Totara", "Done." })
            Assert.Contains(step, output);
        Assert.DoesNotContain("Exception", output);
    }

    [Fact]
    public void A_script_that_throws_makes_a_non_zero_exit_code_and_says_why()
    {
        string script = Path.Combine(Directory.CreateTempSubdirectory("demo-").FullName, "fails.ps1");
        File.WriteAllText(script, "param($Url, $ClientId, $ClientSecret)\nWrite-Host 'before'\nthrow 'the script gave up'\n");

        var (exitCode, output) = RunDemoRunner(script);

        Assert.Equal(1, exitCode);
        Assert.Contains("before", output);
        Assert.Contains("the script gave up", output);
    }

    [Fact]
    public void Redirected_output_renders_plain_text_at_the_source()
    {
        // The runner's output is redirected here (a log, a CI job): pwsh renders plain text
        // ($PSStyle.OutputRendering = 'PlainText', through NO_COLOR), so nothing the script
        // formats or captures carries ANSI escape codes, tables and error views included.
        string script = Path.Combine(Directory.CreateTempSubdirectory("demo-").FullName, "plain.ps1");
        File.WriteAllText(script, """
            param($Url, $ClientId, $ClientSecret)
            "rendering=$($PSStyle.OutputRendering)"
            [pscustomobject]@{ Name = 'alpha'; Value = 1 }, [pscustomobject]@{ Name = 'beta'; Value = 2 }
            Write-Error 'a styled error view'
            Get-TotaraUser -Identity 'nobody-at-all' -ErrorAction SilentlyContinue
            'after'
            """);

        var (exitCode, output) = RunDemoRunner(script);

        Assert.True(exitCode == 0, output);
        Assert.Contains("rendering=PlainText", output);
        Assert.Matches(@"Name\s+Value", output);
        Assert.Contains("a styled error view", output);
        Assert.Contains("after", output);
        Assert.DoesNotContain('\u001b', output);
    }

    private static (int ExitCode, string Output) RunDemoRunner(params string[] arguments)
    {
        // The test and the runner are built with the same configuration: bin/<Configuration>/net10.0/.
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string runner = Path.Combine(RepoPaths.Root, "tools", "Totara.DemoRunner", "bin", configuration, "net10.0", "Totara.DemoRunner.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(runner);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
