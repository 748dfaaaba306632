using System.Xml.Linq;

namespace Totara.Benchmarks.Hosting;

/// <summary>Where the repository, the built module and the docs are, found from the harness's binaries.</summary>
internal static class RepoLocation
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding Totara.PowerShell.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>out/Totara.PowerShell/&lt;ModuleVersion&gt;/Totara.PowerShell.psd1, laid out by `dotnet build`.</summary>
    public static string ModuleManifest => Path.Combine(Root, "out", "Totara.PowerShell", ModuleVersion(), "Totara.PowerShell.psd1");

    public static string PerformanceDoc => Path.Combine(Root, "docs", "performance.md");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Totara.PowerShell.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Totara.PowerShell.sln.");
    }

    // Directory.Build.props is the one place the module version is set.
    private static string ModuleVersion()
    {
        string props = Path.Combine(Root, "Directory.Build.props");
        return XDocument.Load(props).Descendants("ModuleVersion").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0)
            ?? throw new InvalidOperationException($"{props} sets no <ModuleVersion>.");
    }
}
