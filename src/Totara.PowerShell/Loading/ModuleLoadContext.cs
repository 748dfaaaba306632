using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Totara.PowerShell.Loading;

/// <summary>
/// PowerShell 7 (.NET): the load context that holds this module's private copies of Polly.Core,
/// Microsoft.Bcl.TimeProvider and the other packages only Totara.Client and Totara.Sync use, so
/// another module's versions of them never meet ours. The rule it follows is in README.md beside
/// this file.
/// </summary>
/// <remarks>
/// Only used on .NET: this type must never be touched on .NET Framework, which has no load contexts.
/// </remarks>
internal sealed class ModuleLoadContext : AssemblyLoadContext
{
    private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    private readonly ConcurrentDictionary<string, bool> _runtimeProvides = new(StringComparer.OrdinalIgnoreCase);
    private readonly BoundaryAssemblies _boundary;

    public ModuleLoadContext(DependencyFolder folder, BoundaryAssemblies boundary)
    {
        Folder = folder;
        _boundary = boundary;
    }

    public DependencyFolder Folder { get; }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // An assembly whose types can cross between the cmdlets and Totara.Client is bound once, by
        // the default context, exactly as for the cmdlet assembly (the host's copy, or ours through
        // CoreDependencyResolver when the host has none): both sides then see one type identity.
        if (_boundary.Contains(assemblyName)) return Default.LoadFromAssemblyName(assemblyName);

        // Null means "let the default context decide": used for the runtime's own assemblies and
        // for anything we do not ship (System.Management.Automation above all).
        if (RuntimeProvides(assemblyName)) return null;
        string? path = Folder.Find(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <summary>True when the .NET runtime ships an assembly of this name at the version asked for or later.</summary>
    private bool RuntimeProvides(AssemblyName assemblyName)
    {
        string name = assemblyName.Name ?? "";
        string key = name + "/" + assemblyName.Version;
        return _runtimeProvides.GetOrAdd(key, _ =>
        {
            string candidate = Path.Combine(RuntimeDirectory, name + ".dll");
            return File.Exists(candidate) && DependencyFolder.Satisfies(candidate, assemblyName);
        });
    }
}
