using System.Xml.Linq;

namespace Totara.Testing;

/// <summary>Where things are in the repository (the built module, the docs), found from the running binaries' folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<string> LazyVersion = new(ReadModuleVersion);

    /// <summary>The folder holding Totara.PowerShell.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>ModuleVersion from Directory.Build.props: the one place the version is set.</summary>
    public static string ModuleVersion => LazyVersion.Value;

    /// <summary>out/Totara.PowerShell/&lt;ModuleVersion&gt;/, where `dotnet build` lays out the module.</summary>
    public static string ModuleFolder => Path.Combine(Root, "out", "Totara.PowerShell", ModuleVersion);

    public static string ModuleManifest => Path.Combine(ModuleFolder, "Totara.PowerShell.psd1");

    public static string DocsFolder => Path.Combine(Root, "docs");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Totara.PowerShell.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Totara.PowerShell.sln.");
    }

    private static string ReadModuleVersion()
    {
        string props = Path.Combine(Root, "Directory.Build.props");
        string? version = XDocument.Load(props).Descendants("ModuleVersion").Select(element => element.Value.Trim()).FirstOrDefault();
        return string.IsNullOrEmpty(version)
            ? throw new InvalidOperationException($"{props} sets no <ModuleVersion>.")
            : version;
    }
}
