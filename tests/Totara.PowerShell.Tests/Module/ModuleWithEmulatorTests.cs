using System.Management.Automation;
using System.Runtime.Loader;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Module;

/// <summary>
/// The built module doing real work against the in-process emulator: the cmdlets (default
/// context) and Totara.Client with its packages (the module's own context) work together, and
/// the test host's copies stay untouched.
/// </summary>
public sealed class ModuleWithEmulatorTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _emulator;

    public ModuleWithEmulatorTests(EmulatorRunspaceFixture emulator) => _emulator = emulator;

    [Fact]
    public void Connected_runspace_runs_a_query_through_the_isolated_client()
    {
        var hostPolly = typeof(Polly.ResiliencePipeline).Assembly;
        using var runspace = _emulator.NewConnectedRunspace();

        var data = runspace.Run("(Invoke-TotaraGraphQL -Query 'query { totara_webapi_status { status } }').totara_webapi_status.status")
            .AssertNoErrors().OutputOf<string>();

        Assert.Equal(new[] { "ok" }, data);
        var loaded = AppDomain.CurrentDomain.GetAssemblies();
        var client = Assert.Single(loaded, assembly => assembly.GetName().Name == "Totara.Client");
        var moduleContext = AssemblyLoadContext.GetLoadContext(client)!;
        Assert.Equal("Totara.PowerShell.Loading.ModuleLoadContext", moduleContext.GetType().FullName);
        var modulePolly = Assert.Single(moduleContext.Assemblies, assembly => assembly.GetName().Name == "Polly.Core");
        Assert.Equal(Path.Combine(RepoPaths.ModuleFolder, "dependencies", "Polly.Core.dll"), modulePolly.Location);
        Assert.NotSame(hostPolly, modulePolly);
    }

    [Fact]
    public void Each_runspace_has_its_own_default_session()
    {
        using var connected = _emulator.NewConnectedRunspace();
        using var other = _emulator.NewRunspace();

        var sessions = connected.Run("Get-TotaraSession").AssertNoErrors().Output;
        var none = other.Run("Get-TotaraSession");

        Assert.Single(sessions);
        Assert.Empty(none.Output);
    }

    [Fact]
    public void Session_text_never_shows_the_client_secret()
    {
        using var runspace = _emulator.NewConnectedRunspace();

        var text = runspace.Run("$s = Get-TotaraSession; \"$s\"; ($s | Out-Default) 2>&1; $s.PSObject.Properties.ForEach{ \"$($_.Name)=$($_.Value)\" }")
            .AssertNoErrors().Output.Select(item => item.ToString());

        Assert.DoesNotContain(text, line => line.Contains(_emulator.ClientSecret, StringComparison.Ordinal));
    }
}
