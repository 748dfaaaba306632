using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Totara.PowerShell.Loading;

/// <summary>
/// Runs when PowerShell imports the module, before any cmdlet: teaches the runtime to find the
/// module's dependencies in its dependencies/ folder, isolated from other modules' versions.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    /// <summary>True on Windows PowerShell 5.1's .NET Framework; false on PowerShell 7's .NET.</summary>
    internal static bool IsNetFramework { get; } =
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Called by PowerShell on Import-Module: hooks the resolver that serves dependencies/ (the
    /// AppDomain's AssemblyResolve on .NET Framework, the default load context's Resolving event on
    /// .NET). Imports are counted, so importing the module again in the same process hooks nothing twice.
    /// </summary>
    public void OnImport()
    {
        var folder = DependencyFolder.BesideModuleAssembly();
        if (IsNetFramework) FrameworkDependencyResolver.Install(folder);
        else InstallCore(folder);
    }

    /// <summary>
    /// Called by PowerShell on Remove-Module: unhooks the resolver when the last import is removed.
    /// Assemblies already loaded stay loaded (neither the AppDomain nor the module's load context unloads), so a later import reuses them.
    /// </summary>
    /// <param name="psModuleInfo">The module being removed; not used.</param>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (IsNetFramework) FrameworkDependencyResolver.Uninstall();
        else UninstallCore();
    }

    // Kept in their own methods so .NET Framework never compiles code that names AssemblyLoadContext.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InstallCore(DependencyFolder folder) => CoreDependencyResolver.Install(folder);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UninstallCore() => CoreDependencyResolver.Uninstall();
}
