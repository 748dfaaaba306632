using System.Collections;
using System.Management.Automation.Language;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Module;

/// <summary>The built manifest's hashtable, read with PowerShell's own parser (no runspace needed).</summary>
internal static class ManifestData
{
    private static readonly Lazy<Hashtable> LazyManifest = new(Read);

    public static Hashtable Manifest => LazyManifest.Value;

    public static IReadOnlyList<string> List(string key) => Manifest[key] switch
    {
        null => Array.Empty<string>(),
        object[] items => items.Select(item => item?.ToString() ?? "").ToList(),
        object item => new[] { item.ToString() ?? "" },
    };

    /// <summary>The cmdlets the manifest exports: the data for the per-cmdlet (help) tests.</summary>
    public static TheoryData<string> ExportedCmdlets()
    {
        var data = new TheoryData<string>();
        foreach (string name in List("CmdletsToExport")) data.Add(name);
        return data;
    }

    private static Hashtable Read()
    {
        string path = RepoPaths.ModuleManifest;
        var ast = Parser.ParseFile(path, out _, out var errors);
        if (errors.Length > 0) throw new InvalidOperationException($"{path}: {errors[0].Message}");
        var table = (HashtableAst)ast.Find(node => node is HashtableAst, searchNestedScriptBlocks: false)!;
        return (Hashtable)table.SafeGetValue();
    }
}
