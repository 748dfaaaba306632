using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace Totara.PowerShell.Loading;

/// <summary>
/// PowerShell 7 (.NET): when the default context cannot find an assembly the cmdlet assembly
/// references (Totara.Client first of all), hand it the copy from <see cref="ModuleLoadContext"/>.
/// Everything Totara.Client needs is then resolved inside that context, never in the default one.
/// </summary>
/// <remarks>
/// The handler answers only for the names the cmdlet assembly references itself, so a failed load
/// by some other module is not quietly given our copy.
/// </remarks>
internal static class CoreDependencyResolver
{
    private static readonly object Gate = new();
    private static ModuleLoadContext? _context;
    private static HashSet<string>? _directReferences;
    private static int _imports;

    /// <summary>The load context holding the module's dependencies (created on first import).</summary>
    public static ModuleLoadContext? Context => _context;

    public static void Install(DependencyFolder folder)
    {
        lock (Gate)
        {
            // One context per process: the cmdlet assembly is loaded once, however many runspaces
            // import the module, and the default context remembers what it resolved.
            _context ??= new ModuleLoadContext(folder);
            _directReferences ??= new HashSet<string>(
                typeof(CoreDependencyResolver).Assembly.GetReferencedAssemblies().Select(reference => reference.Name ?? ""),
                StringComparer.OrdinalIgnoreCase);
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
        var references = _directReferences;
        if (context is null || references is null || !references.Contains(requested.Name ?? "")) return null;
        if (context.RuntimeProvides(requested) || context.Folder.Find(requested) is null) return null;
        return context.LoadFromAssemblyName(requested);
    }
}
