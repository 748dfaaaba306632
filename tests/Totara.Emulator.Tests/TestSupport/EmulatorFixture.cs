namespace Totara.Emulator.Tests.TestSupport;

/// <summary>
/// One emulator per test class (xunit class fixture), reached over real HTTP on 127.0.0.1.
/// It registers <see cref="ClientId"/> (introspection off) and <see cref="IntrospectionClientId"/>
/// (introspection on), both with <see cref="ClientSecret"/>. Tests that change switches or need
/// a clean site should start their own <see cref="EmulatorHost"/> instead.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    public const string ClientId = "test-client";
    public const string ClientSecret = "test-secret";
    public const string IntrospectionClientId = "test-introspection-client";

    private EmulatorSite? _site;

    public EmulatorHost Host => _site?.Host ?? throw new InvalidOperationException("The emulator has not started.");

    public Uri Url => Host.Url;

    /// <summary>Options for the emulator; override to start it differently (e.g. with demo data).</summary>
    protected virtual EmulatorOptions CreateOptions() => new();

    /// <summary>A fresh client for <see cref="ClientId"/>; dispose it after use.</summary>
    public ApiTestClient CreateClient() => new(Url, ClientId, ClientSecret);

    /// <summary>A fresh client for the client that may run introspection queries.</summary>
    public ApiTestClient CreateIntrospectionClient() => new(Url, IntrospectionClientId, ClientSecret);

    public async Task InitializeAsync()
    {
        _site = await EmulatorSite.StartAsync(ClientId, CreateOptions(), ClientSecret);
        _site.Host.AddClient(IntrospectionClientId, ClientSecret, allowIntrospection: true);
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}

/// <summary>The same fixture over the deterministic demo site.</summary>
public sealed class DemoEmulatorFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Demo = true };
}
