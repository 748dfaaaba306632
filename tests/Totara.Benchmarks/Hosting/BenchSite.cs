using System.Management.Automation;
using Totara.Benchmarks.Scenarios;
using Totara.Emulator;
using Totara.Emulator.Domain;

namespace Totara.Benchmarks.Hosting;

/// <summary>
/// One fresh emulated site (its own port and store, so measurements never collide) with one API
/// client, and a runspace whose default session is connected to it.
/// </summary>
internal sealed class BenchSite : IAsyncDisposable
{
    private const string ClientId = "benchmarks";
    private readonly EmulatorSite _site;

    private BenchSite(EmulatorSite site) => _site = site;

    public EmulatorHost Host => _site.Host;

    public EmulatorCounters Counters => Host.Counters;

    public ModuleShell Shell { get; private set; } = null!;

    /// <summary>Points Connect-Totara's handshake spent (still in the rate-limit window when the scenario starts).</summary>
    public long HandshakePoints { get; private set; }

    /// <summary>The API client ids the session spreads over: <c>benchmarks</c>, then <c>benchmarks-2</c>, … .</summary>
    public IReadOnlyList<string> ClientIds { get; private set; } = new[] { ClientId };

    /// <param name="complexityBudget">The session's budget (Connect-Totara -ComplexityBudget).</param>
    /// <param name="apiClients">API clients to register and connect with (Connect-Totara -Credential $a, $b, …) when more than one.</param>
    public static async Task<BenchSite> StartAsync(EmulatorOptions options, int complexityBudget = 250_000, int apiClients = 1)
    {
        var site = new BenchSite(await EmulatorSite.StartAsync(ClientId, options));
        var secret = site._site.ClientSecret;
        var url = site._site.UrlText;
        site.Shell = new ModuleShell();
        if (apiClients == 1)
        {
            site.Shell.Run(
                "param($Url, $Id, $Secret, $Budget) $null = Connect-Totara -Url $Url -ClientId $Id -ClientSecret $Secret -ComplexityBudget $Budget -ErrorAction Stop",
                url, ClientId, SecureStrings.From(secret), complexityBudget).ThrowOnErrors("Connect-Totara");
        }
        else
        {
            site.ClientIds = Enumerable.Range(1, apiClients).Select(i => i == 1 ? ClientId : $"{ClientId}-{i}").ToList();
            foreach (var id in site.ClientIds.Skip(1)) site.Host.AddClient(id, secret + id);
            var credentials = site.ClientIds.Select(id => new PSCredential(id, SecureStrings.From(id == ClientId ? secret : secret + id))).ToArray();
            site.Shell.Run(
                "param($Url, $Credentials, $Budget) $null = Connect-Totara -Url $Url -Credential $Credentials -ComplexityBudget $Budget -ErrorAction Stop",
                url, credentials, complexityBudget).ThrowOnErrors("Connect-Totara");
        }
        // The baseline an admin writes without this module (Invoke-RestMethod, token fetched once)
        // needs the site and client too.
        site.Shell.Run(Scripts.RestClient, url, ClientId, secret).ThrowOnErrors("defining the REST baseline");
        site.Counters.Reset();
        return site;
    }

    /// <summary>
    /// Adds users straight into the emulator's store (no requests): username, email and idnumber
    /// from <paramref name="prefix"/> and the index, as <see cref="SeededUser"/> describes.
    /// </summary>
    public void Seed(string prefix, int count)
    {
        var users = Host.State.Users;
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        lock (users.Gate)
        {
            for (int i = 1; i <= count; i++)
            {
                var user = SeededUser(prefix, i);
                users.Add(new UserRecord
                {
                    Id = users.NextId(), Username = user.Username, Email = user.Email, FirstName = user.FirstName,
                    LastName = user.LastName, IdNumber = user.IdNumber, Auth = "manual", HasPassword = true,
                    TimeCreated = now, TimeModified = now,
                });
            }
        }
    }

    /// <summary>The seeded user number <paramref name="i"/>; scripts build the same values.</summary>
    public static (string Username, string Email, string FirstName, string LastName, string IdNumber) SeededUser(string prefix, int i) =>
        ($"{prefix}{i}", $"{prefix}{i}@example.com", "Bench", $"User {i}", $"{prefix}-{i}");

    public async ValueTask DisposeAsync()
    {
        Shell?.Dispose();
        await _site.DisposeAsync();
    }
}
