using Totara.Emulator;

namespace Totara.PowerShell.Tests.TestSupport;

/// <summary>
/// One in-process Totara emulator with the demo data and one API client, shared by a test class
/// (IClassFixture&lt;EmulatorRunspaceFixture&gt;): listens on 127.0.0.1 on a free port.
/// Make a runspace per test with <see cref="NewRunspace"/> or <see cref="NewConnectedRunspace"/>.
/// </summary>
public sealed class EmulatorRunspaceFixture : IAsyncLifetime
{
    public const string ClientId = "module-tests";

    private EmulatorSite? _site;

    /// <summary>A fresh secret per fixture: nothing may depend on its value.</summary>
    public string ClientSecret { get; } = EmulatorSite.NewSecret();

    private EmulatorSite Site => _site ?? throw new InvalidOperationException("The emulator has not started.");

    public EmulatorHost Host => Site.Host;

    /// <summary>The emulated site's URL, e.g. http://127.0.0.1:41234.</summary>
    public string Url => Site.UrlText;

    public async Task InitializeAsync() =>
        _site = await EmulatorSite.StartAsync(ClientId, new EmulatorOptions { Demo = true }, ClientSecret);

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    /// <summary>A runspace with the module imported, not yet connected.</summary>
    public ModuleRunspace NewRunspace() => new();

    /// <summary>A runspace whose default session is connected to the emulator with this fixture's client.</summary>
    public ModuleRunspace NewConnectedRunspace()
    {
        var runspace = new ModuleRunspace();
        runspace.Run(
            "param($Url, $ClientId, $ClientSecret) $null = Connect-Totara -Url $Url -ClientId $ClientId -ClientSecret $ClientSecret -ErrorAction Stop",
            new() { ["Url"] = Url, ["ClientId"] = ClientId, ["ClientSecret"] = SecureStrings.From(ClientSecret) })
            .AssertNoErrors();
        return runspace;
    }
}
