using System;
using System.IO;
using System.Reflection;

namespace Totara.PowerShell.Loading;

/// <summary>
/// The module's dependencies/ folder: Totara.Client and the NuGet packages it brings. It sits
/// beside the cmdlet assembly but out of the probing path PowerShell and .NET use, so nothing
/// there is loaded unless this module asks for it.
/// </summary>
internal sealed class DependencyFolder
{
    public const string FolderName = "dependencies";

    public DependencyFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>The folder next to the cmdlet assembly (wherever the module was installed).</summary>
    public static DependencyFolder BesideModuleAssembly()
    {
        string moduleDirectory = System.IO.Path.GetDirectoryName(typeof(DependencyFolder).Assembly.Location)!;
        return new DependencyFolder(System.IO.Path.Combine(moduleDirectory, FolderName));
    }

    /// <summary>
    /// The path of the assembly in this folder that satisfies <paramref name="requested"/>: same
    /// name and the same or a higher version. Null when the folder has none.
    /// </summary>
    public string? Find(AssemblyName requested)
    {
        if (string.IsNullOrEmpty(requested.Name)) return null;
        string candidate = System.IO.Path.Combine(Path, requested.Name + ".dll");
        if (!File.Exists(candidate)) return null;
        return Satisfies(candidate, requested) ? candidate : null;
    }

    /// <summary>True when the assembly file at <paramref name="path"/> has the requested name and at least its version.</summary>
    public static bool Satisfies(string path, AssemblyName requested)
    {
        AssemblyName available;
        try
        {
            available = AssemblyName.GetAssemblyName(path);
        }
        catch (BadImageFormatException)
        {
            return false;   // not a managed assembly (or a native one of the same name)
        }
        return string.Equals(available.Name, requested.Name, StringComparison.OrdinalIgnoreCase)
            && (requested.Version is null || available.Version >= requested.Version);
    }
}
