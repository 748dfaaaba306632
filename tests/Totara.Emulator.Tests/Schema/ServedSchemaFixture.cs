using System.Net;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Schema;

/// <summary>
/// Starts the emulator on 127.0.0.1 and introspects its schema once over real HTTP, as an API
/// client that is allowed introspection, so the conformance tests check what clients are served.
/// </summary>
public sealed class ServedSchemaFixture : IAsyncLifetime
{
    private readonly UnlimitedEmulatorFixture _emulator = new();
    private IntrospectedSchema? _served;

    public IntrospectedSchema Served => _served ?? throw new InvalidOperationException("The served schema has not been introspected.");

    public async Task InitializeAsync()
    {
        await _emulator.InitializeAsync();
        using var client = _emulator.CreateIntrospectionClient();
        using var response = await client.PostAsync(IntrospectedSchema.Query);
        if (response.Status != HttpStatusCode.OK)
            throw new InvalidOperationException($"Introspection over HTTP answered {(int)response.Status}: {response.Text}");
        _served = IntrospectedSchema.FromResponse(response.Body.RootElement);
    }

    public Task DisposeAsync() => _emulator.DisposeAsync();

    /// <summary>
    /// The emulator charges introspection fields against the request complexity limit, and the
    /// full schema costs more than 6,000 points: this test is about the schema, not the limits.
    /// </summary>
    private sealed class UnlimitedEmulatorFixture : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new()
        {
            MaxComplexity = null,
            RateLimitPerMinute = null,
            SiteRateLimitPerMinute = null,
        };
    }
}
