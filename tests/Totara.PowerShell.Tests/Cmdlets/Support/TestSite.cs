using System.Net.Http.Json;
using System.Text.Json;
using Totara.Emulator;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>One in-process emulated Totara site with demo data and one API client of its own.</summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly EmulatorHost host;

    private TestSite(EmulatorHost host, string clientId, string clientSecret)
    {
        this.host = host;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public Uri Url => host.Url;

    public string ClientId { get; }

    /// <summary>Fresh per site, so a test can search every stream for it.</summary>
    public string ClientSecret { get; }

    /// <summary>GraphQL requests the site has received.</summary>
    public long RequestCount => host.Counters.Requests;

    /// <summary>Root mutation fields the site has executed.</summary>
    public long MutationsExecuted => host.Counters.MutationsExecuted;

    public EmulatorSwitches Switches => host.Switches;

    public static async Task<TestSite> StartAsync(string clientId)
    {
        var host = await EmulatorHost.StartAsync(new EmulatorOptions { Demo = true });
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        host.AddClient(clientId, secret);
        return new TestSite(host, clientId, secret);
    }

    /// <summary>$url, $id and $secret (a SecureString) for Connect-Totara, plus any extra variables (which win).</summary>
    internal (string Name, object? Value)[] Variables(params (string Name, object? Value)[] extra)
    {
        var all = new Dictionary<string, object?>
        {
            ["url"] = Url.ToString(),
            ["id"] = ClientId,
            ["secret"] = SecureStrings.From(ClientSecret),
        };
        foreach (var (name, value) in extra) all[name] = value;
        return all.Select(pair => (pair.Key, pair.Value)).ToArray();
    }

    /// <summary>Gets a token from the site's token endpoint over HTTP, as another tool would.</summary>
    public async Task<string> IssueAccessTokenAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(Url, "totara/oauth2/token.php"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        }));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
