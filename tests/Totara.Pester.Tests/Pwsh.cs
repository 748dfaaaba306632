using System.Diagnostics;
using System.Reflection;

namespace Totara.Pester.Tests;

/// <summary>
/// Real pwsh: the PowerShell 7.6.10 dotnet tool pinned in .config/dotnet-tools.json, run with
/// `dotnet tool run pwsh` from the repository (the build restores it; see build/PowerShellTool.targets).
/// </summary>
internal static class Pwsh
{
    public static string RepoRoot { get; } = Metadata("RepoRoot").TrimEnd('/', '\\');

    public static string PesterManifest { get; } = Metadata("PesterManifest");

    /// <summary>The emulator the Pester files start (TestSupport.ps1 reads TOTARA_EMULATOR_DLL).</summary>
    public static string EmulatorDll { get; } = Path.Combine(AppContext.BaseDirectory, "Totara.Emulator.dll");

    public static (int ExitCode, string Output) RunFile(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", script }.Concat(arguments))
            info.ArgumentList.Add(argument);
        info.Environment["TOTARA_EMULATOR_DLL"] = EmulatorDll;
        // The configuration this test run was built with (bin/<Configuration>/net10.0/): a Pester file
        // that builds (Packaging.Tests.ps1) must not replace out/ with another configuration's build.
        info.Environment["TOTARA_BUILD_CONFIGURATION"] = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        // Plain text at the source: what the tests read carries no ANSI escapes.
        info.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(info) ?? throw new InvalidOperationException("pwsh did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pwsh -File {script} did not finish within {timeout}:\n{output}");
        }
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }

    private static string Metadata(string key) =>
        typeof(Pwsh).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not set {key}.");
}
