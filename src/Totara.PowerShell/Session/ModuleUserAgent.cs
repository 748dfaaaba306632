using System;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace Totara.PowerShell.Session;

/// <summary>
/// The User-Agent the module's requests carry, e.g. "Totara.PowerShell/0.1.0 PowerShell/7.6.10 (Linux)",
/// so a site's web server logs show which tool called.
/// </summary>
internal static class ModuleUserAgent
{
    public static string Value { get; } = Build();

    private static string Build()
    {
        var module = typeof(ModuleUserAgent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var powerShell = typeof(PSObject).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return $"Totara.PowerShell/{module} PowerShell/{PowerShellVersion(powerShell)} ({Platform()})";
    }

    // System.Management.Automation's assembly version is 7.x.y.z on PowerShell 7 and 3.0.0.0 on 5.1.
    private static string PowerShellVersion(string assemblyVersion) => assemblyVersion.StartsWith("3.0", StringComparison.Ordinal) ? "5.1" : assemblyVersion;

    private static string Platform() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "Windows"
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "macOS"
        : "Linux";
}
