namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>Two emulated sites shared by the cmdlet tests (two, so -Session can pick one).</summary>
public sealed class CmdletTestSites : IAsyncLifetime
{
    private TestSite? primary;
    private TestSite? secondary;

    public TestSite Primary => primary ?? throw new InvalidOperationException("The sites are not started.");

    public TestSite Secondary => secondary ?? throw new InvalidOperationException("The sites are not started.");

    public async Task InitializeAsync()
    {
        primary = await TestSite.StartAsync("ps-primary");
        secondary = await TestSite.StartAsync("ps-secondary");
    }

    public async Task DisposeAsync()
    {
        if (primary is not null) await primary.DisposeAsync();
        if (secondary is not null) await secondary.DisposeAsync();
    }
}

/// <summary>The cmdlet tests run one after another: they read the sites' request counters.</summary>
[CollectionDefinition(Name)]
public sealed class CmdletTestCollection : ICollectionFixture<CmdletTestSites>
{
    public const string Name = "Cmdlets against emulated sites";
}
