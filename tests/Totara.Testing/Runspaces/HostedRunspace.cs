using System.Management.Automation.Runspaces;

namespace Totara.Testing;

/// <summary>
/// Opens the PowerShell runspaces that the hosted tests and the benchmarks run the module in:
/// PowerShell's default commands in this process, and the BUILT module's manifest to import.
/// </summary>
public static class HostedRunspace
{
    /// <summary>An open runspace with PowerShell's default commands and no module imported yet.</summary>
    public static Runspace Open()
    {
        var state = InitialSessionState.CreateDefault2();
        // Execution policy exists on Windows only (setting it elsewhere throws); there the
        // module's format file counts as a script file.
        if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        return runspace;
    }

    /// <summary>
    /// out/Totara.PowerShell/&lt;ModuleVersion&gt;/Totara.PowerShell.psd1 (what users install, never
    /// bin/), or an exception that says to build when it is not there.
    /// </summary>
    public static string BuiltModuleManifest() =>
        File.Exists(RepoPaths.ModuleManifest)
            ? RepoPaths.ModuleManifest
            : throw new InvalidOperationException($"The module is not built: {RepoPaths.ModuleManifest} is missing (run dotnet build).");
}
