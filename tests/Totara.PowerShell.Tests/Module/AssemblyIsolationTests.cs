using System.Reflection;
using System.Runtime.Loader;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Module;

/// <summary>
/// The module resolves its own dependencies from its dependencies/ folder into a load context of
/// its own, and the test host (standing in for PowerShell and other modules) keeps its copies.
/// </summary>
/// <remarks>
/// The test host loads its own Polly.Core (from its bin folder) into the default context first,
/// as another module would. Assemblies of the .NET runtime (System.Text.Json here) are shared by
/// design: see src/Totara.PowerShell/Loading/ModuleLoadContext.cs.
/// </remarks>
public sealed class AssemblyIsolationTests
{
    private const string ModuleContextType = "Totara.PowerShell.Loading.ModuleLoadContext";
    private static readonly string DependencyFolder = Path.Combine(RepoPaths.ModuleFolder, "dependencies");

    [Fact]
    public void Module_assembly_loads_in_the_default_context_from_the_module_root()
    {
        using var runspace = new ModuleRunspace();
        var assembly = runspace.Module!.ImplementingAssembly;

        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(assembly));
        Assert.Equal(Path.Combine(RepoPaths.ModuleFolder, "Totara.PowerShell.dll"), assembly.Location);
    }

    [Fact]
    public void Totara_Client_and_Polly_come_from_the_module_folder_while_the_host_keeps_its_own_Polly()
    {
        var hostPolly = typeof(Polly.ResiliencePipeline).Assembly;     // loaded by the host first
        using var runspace = new ModuleRunspace();

        var client = LoadThroughModuleAssembly(runspace, "Totara.Client");
        var context = AssemblyLoadContext.GetLoadContext(client)!;
        var modulePolly = context.LoadFromAssemblyName(new AssemblyName("Polly.Core"));

        Assert.Equal(ModuleContextType, context.GetType().FullName);
        Assert.Equal(Path.Combine(DependencyFolder, "Totara.Client.dll"), client.Location);
        Assert.Equal(Path.Combine(DependencyFolder, "Polly.Core.dll"), modulePolly.Location);
        Assert.NotSame(hostPolly, modulePolly);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(hostPolly));
        Assert.StartsWith(AppContext.BaseDirectory, hostPolly.Location);
        Assert.Same(hostPolly, AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("Polly.Core")));
    }

    [Fact]
    public void Module_context_keeps_private_packages_from_the_module_folder()
    {
        using var runspace = new ModuleRunspace();
        var context = AssemblyLoadContext.GetLoadContext(LoadThroughModuleAssembly(runspace, "Totara.Client"))!;

        // Only Totara.Client uses it (the cmdlets never name it): private to the module context.
        var assembly = context.LoadFromAssemblyName(new AssemblyName("Microsoft.Bcl.TimeProvider"));

        Assert.Same(context, AssemblyLoadContext.GetLoadContext(assembly));
        Assert.Equal(Path.Combine(DependencyFolder, "Microsoft.Bcl.TimeProvider.dll"), assembly.Location);
    }

    [Fact]
    public void Module_context_shares_what_the_cmdlets_name_so_IAsyncEnumerable_is_one_type()
    {
        using var runspace = new ModuleRunspace();
        var context = AssemblyLoadContext.GetLoadContext(LoadThroughModuleAssembly(runspace, "Totara.Client"))!;

        // The cmdlet assembly names Microsoft.Bcl.AsyncInterfaces (IAsyncEnumerable): Totara.Client
        // must get the very copy the cmdlets bound, the host's here as in pwsh ($PSHOME has one).
        // Isolating it gave two IAsyncEnumerable types and MissingMethodException in pwsh 7.6.
        var forClient = context.LoadFromAssemblyName(new AssemblyName("Microsoft.Bcl.AsyncInterfaces"));
        var forCmdlets = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("Microsoft.Bcl.AsyncInterfaces"));

        Assert.Same(forCmdlets, forClient);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(forClient));
    }

    [Fact]
    public void Module_context_shares_the_runtimes_System_Text_Json_so_JsonElement_is_one_type()
    {
        using var runspace = new ModuleRunspace();
        var context = AssemblyLoadContext.GetLoadContext(LoadThroughModuleAssembly(runspace, "Totara.Client"))!;

        var json = context.LoadFromAssemblyName(new AssemblyName("System.Text.Json"));

        // The runtime's copy (10.x) satisfies the module's reference (8.0): one System.Text.Json,
        // so the cmdlets and Totara.Client agree on JsonElement.
        Assert.Same(typeof(System.Text.Json.JsonElement).Assembly, json);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(json));
    }

    [Fact]
    public void Default_context_is_not_given_dependencies_the_module_assembly_does_not_reference()
    {
        using var runspace = new ModuleRunspace();
        LoadThroughModuleAssembly(runspace, "Totara.Client");

        // Polly.Core's TimeProvider package is in dependencies/ but only Totara.Client's world
        // needs it: another module asking the default context for it must not get our copy.
        Assert.Throws<FileNotFoundException>(() =>
            AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("Microsoft.Bcl.TimeProvider")));
    }

    [Fact]
    public void Two_runspaces_share_one_module_context()
    {
        using var first = new ModuleRunspace();
        using var second = new ModuleRunspace();

        Assert.Same(LoadThroughModuleAssembly(first, "Totara.Client"), LoadThroughModuleAssembly(second, "Totara.Client"));
    }

    /// <summary>
    /// Resolves <paramref name="name"/> the way the cmdlets' first use of it does: the default
    /// context cannot find it (it is not in the module root), so the module's resolver answers.
    /// </summary>
    private static Assembly LoadThroughModuleAssembly(ModuleRunspace runspace, string name)
    {
        var reference = runspace.Module!.ImplementingAssembly.GetReferencedAssemblies().Single(assembly => assembly.Name == name);
        return AssemblyLoadContext.Default.LoadFromAssemblyName(reference);
    }
}
