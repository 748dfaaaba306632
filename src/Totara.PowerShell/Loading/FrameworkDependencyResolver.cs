using System;
using System.Collections.Concurrent;
using System.Reflection;

namespace Totara.PowerShell.Loading;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework): one AppDomain, no load contexts. When a load fails
/// (the assembly is not in the module root, or another module already loaded a different version
/// of it), give the copy from dependencies/. Strong-named assemblies of different versions can
/// then live side by side, so ours and another module's do not break each other.
/// </summary>
internal static class FrameworkDependencyResolver
{
    private static readonly object Gate = new();
    private static readonly ConcurrentDictionary<string, Assembly> Loaded = new(StringComparer.OrdinalIgnoreCase);
    private static DependencyFolder? _folder;
    private static int _imports;

    public static void Install(DependencyFolder folder)
    {
        lock (Gate)
        {
            _folder ??= folder;
            if (_imports++ == 0) AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDependencies;
        }
    }

    public static void Uninstall()
    {
        lock (Gate)
        {
            if (_imports == 0) return;
            if (--_imports == 0) AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromDependencies;
        }
    }

    private static Assembly? ResolveFromDependencies(object? sender, ResolveEventArgs args)
    {
        var folder = _folder;
        if (folder is null) return null;
        string? path = folder.Find(new AssemblyName(args.Name));
        if (path is null) return null;
        // LoadFile keeps our copy apart from same-named assemblies other modules loaded with
        // LoadFrom; the cache hands every later request the same Assembly object.
        return Loaded.GetOrAdd(path, Assembly.LoadFile);
    }
}
