using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Totara.PowerShell.Loading;

/// <summary>
/// The assemblies the cmdlet assembly references itself: the only ones whose types can pass
/// between the cmdlets (default load context) and Totara.Client / Totara.Sync (module context).
/// See README.md beside this file.
/// </summary>
internal sealed class BoundaryAssemblies
{
    private readonly HashSet<string> _names;

    private BoundaryAssemblies(IEnumerable<string> names) =>
        _names = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);

    public static BoundaryAssemblies OfCmdletAssembly() =>
        new(typeof(BoundaryAssemblies).Assembly.GetReferencedAssemblies().Select(reference => reference.Name ?? ""));

    public bool Contains(AssemblyName assembly) => _names.Contains(assembly.Name ?? "");
}
