using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Module;

/// <summary>The manifest `dotnet build` writes to out/ says exactly what the assembly provides.</summary>
public sealed class ModuleManifestTests
{
    [Fact]
    public void Manifest_version_comes_from_Directory_Build_props()
    {
        Assert.Equal(RepoPaths.ModuleVersion, ManifestData.Manifest["ModuleVersion"]);
        Assert.Equal(RepoPaths.ModuleVersion, new DirectoryInfo(RepoPaths.ModuleFolder).Name);
    }

    [Fact]
    public void Manifest_declares_editions_version_root_module_and_metadata()
    {
        var manifest = ManifestData.Manifest;
        Assert.Equal("Totara.PowerShell.dll", manifest["RootModule"]);
        Assert.Equal(new[] { "Desktop", "Core" }, ManifestData.List("CompatiblePSEditions"));
        Assert.Equal("5.1", manifest["PowerShellVersion"]);
        Assert.True(Guid.TryParse(manifest["GUID"] as string, out var guid) && guid != Guid.Empty);
        Assert.False(string.IsNullOrWhiteSpace(manifest["Description"] as string));
        var psData = (System.Collections.Hashtable)((System.Collections.Hashtable)manifest["PrivateData"]!)["PSData"]!;
        Assert.Contains("Totara", ((object[])psData["Tags"]!).Cast<string>());
        foreach (string format in ManifestData.List("FormatsToProcess"))
            Assert.True(File.Exists(Path.Combine(RepoPaths.ModuleFolder, format)), $"FormatsToProcess names {format}, which is not in the module.");
    }

    [Theory]
    [InlineData("CmdletsToExport")]
    [InlineData("FunctionsToExport")]
    [InlineData("AliasesToExport")]
    [InlineData("VariablesToExport")]
    public void Exports_are_explicit_lists_without_wildcards(string key)
    {
        Assert.True(ManifestData.Manifest.ContainsKey(key), $"The manifest must set {key} (a missing key exports everything).");
        Assert.DoesNotContain(ManifestData.List(key), name => name.IndexOfAny(new[] { '*', '?' }) >= 0);
    }

    [Fact]
    public void Exported_cmdlets_are_exactly_the_cmdlets_in_the_assembly()
    {
        using var runspace = new ModuleRunspace();
        var assembly = runspace.Module!.ImplementingAssembly;
        Assert.Equal(Path.Combine(RepoPaths.ModuleFolder, "Totara.PowerShell.dll"), assembly.Location);
        var inAssembly = assembly.GetExportedTypes()
            .Select(type => (Type: type, Attribute: type.GetCustomAttributes(typeof(CmdletAttribute), inherit: false).OfType<CmdletAttribute>().SingleOrDefault()))
            .Where(candidate => candidate.Attribute is not null && typeof(Cmdlet).IsAssignableFrom(candidate.Type) && !candidate.Type.IsAbstract)
            .Select(candidate => $"{candidate.Attribute!.VerbName}-{candidate.Attribute.NounName}")
            .OrderBy(name => name, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(inAssembly, ManifestData.List("CmdletsToExport").OrderBy(name => name, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Get_Command_lists_the_exported_cmdlets_and_nothing_else()
    {
        using var runspace = new ModuleRunspace();
        var commands = runspace.RunFor<CommandInfo>("Get-Command -Module Totara.PowerShell");

        // Cmdlets, and the aliases the manifest exports (e.g. the *-TotaraAudience* names of the audience cmdlets).
        Assert.All(commands, command => Assert.Contains(command.CommandType, new[] { CommandTypes.Cmdlet, CommandTypes.Alias }));
        Assert.Equal(
            ManifestData.List("CmdletsToExport").OrderBy(name => name, StringComparer.OrdinalIgnoreCase),
            commands.Where(command => command.CommandType == CommandTypes.Cmdlet).Select(command => command.Name).OrderBy(name => name, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(
            ManifestData.List("AliasesToExport").OrderBy(name => name, StringComparer.OrdinalIgnoreCase),
            commands.Where(command => command.CommandType == CommandTypes.Alias).Select(command => command.Name).OrderBy(name => name, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Module_imports_again_after_Remove_Module()
    {
        using var runspace = new ModuleRunspace();
        var result = runspace.Run(
            "Remove-Module Totara.PowerShell -ErrorAction Stop; Import-Module -Name $path -PassThru -ErrorAction Stop",
            variables: new() { ["path"] = RepoPaths.ModuleManifest }).AssertNoErrors();

        Assert.Equal(RepoPaths.ModuleVersion, result.OutputOf<PSModuleInfo>().Single().Version.ToString(3));
    }

    [Fact]
    public void Module_folder_holds_the_module_and_keeps_dependencies_out_of_its_root()
    {
        string root = RepoPaths.ModuleFolder;
        foreach (string file in new[] { "Totara.PowerShell.psd1", "Totara.PowerShell.dll", "Totara.PowerShell.format.ps1xml",
                     "en-US/about_Totara.PowerShell.help.txt", "en-US/Totara.PowerShell.dll-Help.xml",
                     "dependencies/Totara.Client.dll", "dependencies/Polly.Core.dll", "dependencies/System.Text.Json.dll",
                     "dependencies/Microsoft.Bcl.AsyncInterfaces.dll" })
        {
            Assert.True(File.Exists(Path.Combine(root, file)), $"The built module has no {file}.");
        }

        var rootAssemblies = Directory.GetFiles(root, "*.dll").Select(Path.GetFileName);
        Assert.Equal(new[] { "Totara.PowerShell.dll" }, rootAssemblies);
        var everything = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        // PowerShell brings its own engine; the help generator is a build tool.
        Assert.DoesNotContain("System.Management.Automation.dll", everything);
        Assert.DoesNotContain("System.Runtime.Loader.dll", everything);
        Assert.DoesNotContain("Markdig.dll", everything);
    }
}
