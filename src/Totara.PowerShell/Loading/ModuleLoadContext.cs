using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Totara.PowerShell.Loading;

/// <summary>
/// PowerShell 7 (.NET): the load context that holds this module's private copies of Totara.Client,
/// Polly.Core, Microsoft.Bcl.* and so on, so another module's different versions of them (loaded in
/// the default context) never meet ours, and ours never replace theirs.
/// </summary>
/// <remarks>
/// Assemblies of the .NET runtime itself (System.Text.Json, System.Memory, ...) are shared with the
/// default context when the runtime's copy is at least the version asked for. The cmdlet assembly
/// lives in the default context and passes System.Text.Json values (JsonElement) to and from
/// Totara.Client: with two copies loaded those would be two different types. Where the runtime's
/// copy is older than ours (PowerShell 7.2 and 7.3 ship System.Text.Json 6 and 7), ours is loaded here.
/// Only used on .NET: this type must never be touched on .NET Framework, which has no load contexts.
/// </remarks>
internal sealed class ModuleLoadContext : AssemblyLoadContext
{
    private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    private readonly ConcurrentDictionary<string, bool> _runtimeProvides = new(StringComparer.OrdinalIgnoreCase);
    private readonly DependencyFolder _folder;

    public ModuleLoadContext(DependencyFolder folder) => _folder = folder;

    public DependencyFolder Folder => _folder;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Null means "let the default context decide": used for the runtime's own assemblies and
        // for anything we do not ship (System.Management.Automation above all).
        if (RuntimeProvides(assemblyName)) return null;
        string? path = _folder.Find(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <summary>True when the .NET runtime ships an assembly of this name at the version asked for or later.</summary>
    public bool RuntimeProvides(AssemblyName assemblyName)
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
