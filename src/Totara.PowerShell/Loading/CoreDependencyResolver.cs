using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace Totara.PowerShell.Loading;

/// <summary>
/// PowerShell 7 (.NET): when the default context cannot find an assembly the cmdlet assembly
/// references (Totara.Client first of all, or a package the host lacks or has too old), load our
/// copy into <see cref="ModuleLoadContext"/> and hand it to the default context. The rule is in
/// README.md beside this file.
/// </summary>
/// <remarks>
/// The handler answers only for the names the cmdlet assembly references itself, so a failed load
/// by some other module is not quietly given a private dependency of ours.
/// </remarks>
internal static class CoreDependencyResolver
{
    private static readonly object Gate = new();
    private static readonly ConcurrentDictionary<string, Assembly> Loaded = new(System.StringComparer.OrdinalIgnoreCase);
    private static ModuleLoadContext? _context;
    private static BoundaryAssemblies? _boundary;
    private static int _imports;

    public static void Install(DependencyFolder folder)
    {
        lock (Gate)
        {
            // One context per process: the cmdlet assembly is loaded once, however many runspaces
            // import the module, and the default context remembers what it resolved.
            _boundary ??= BoundaryAssemblies.OfCmdletAssembly();
            _context ??= new ModuleLoadContext(folder, _boundary);
            if (_imports++ == 0) AssemblyLoadContext.Default.Resolving += ResolveInModuleContext;
        }
    }

    public static void Uninstall()
    {
        lock (Gate)
        {
            if (_imports == 0) return;
            if (--_imports == 0) AssemblyLoadContext.Default.Resolving -= ResolveInModuleContext;
        }
    }

    private static Assembly? ResolveInModuleContext(AssemblyLoadContext defaultContext, AssemblyName requested)
    {
        var context = _context;
        var boundary = _boundary;
        if (context is null || boundary is null || !boundary.Contains(requested)) return null;
        string? path = context.Folder.Find(requested);
        if (path is null) return null;
        // By path, not by name: a load by name would ask ModuleLoadContext.Load, which sends
        // boundary names back to the default context. One Assembly object per file, always.
        return Loaded.GetOrAdd(path, context.LoadFromAssemblyPath);
    }
}
