using System.Net.Http.Json;
using System.Text.Json;
using Totara.Emulator;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>One in-process emulated Totara site with demo data and one API client of its own.</summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly EmulatorSite site;

    private TestSite(EmulatorSite site) => this.site = site;

    public Uri Url => site.Url;

    public string ClientId => site.ClientId;

    /// <summary>Fresh per site, so a test can search every stream for it.</summary>
    public string ClientSecret => site.ClientSecret;

    /// <summary>GraphQL requests the site has received.</summary>
    public long RequestCount => site.Host.Counters.Requests;

    /// <summary>Root mutation fields the site has executed.</summary>
    public long MutationsExecuted => site.Host.Counters.MutationsExecuted;

    public EmulatorSwitches Switches => site.Host.Switches;

    public static async Task<TestSite> StartAsync(string clientId) =>
        new(await EmulatorSite.StartAsync(clientId, new EmulatorOptions { Demo = true }));

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

    public ValueTask DisposeAsync() => site.DisposeAsync();
}
