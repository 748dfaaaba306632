using Totara.Client;
using Totara.Client.Users;
using Totara.Emulator;
using Totara.Sync.Tests.Support;

namespace Totara.Sync.Tests.Delta;

/// <summary>
/// One emulated site for the delta tests: a sync client, an "admin" client for site-side edits
/// (through the API, so timemodified moves as on Totara), a state file, and the store's content
/// in a form two sites can be compared by (usernames, idnumbers, names; never ids).
/// </summary>
internal sealed class SyncSite : IAsyncDisposable
{
    private SyncSite(EmulatorHost host, TotaraClient sync, TotaraClient admin, string statePath)
    {
        Host = host;
        Sync = sync;
        Admin = admin;
        StatePath = statePath;
    }

    public EmulatorHost Host { get; }

    public TotaraClient Sync { get; }

    public TotaraClient Admin { get; }

    public string StatePath { get; }

    public static async Task<SyncSite> StartAsync(ManualClock clock, string folder, params string[] audiences)
    {
        var host = await EmulatorHost.StartAsync(new EmulatorOptions());
        host.State.LearningTime = clock;
        foreach (var audience in audiences) host.State.Cohorts.Add(audience, audience);
        host.AddClient("sync", "sync-secret", serviceUsername: "svc_sync");
        host.AddClient("editor", "editor-secret", serviceUsername: "svc_editor");
        TotaraClient Client(string id, string secret) => new(new TotaraClientOptions(host.Url, TotaraCredential.FromClientCredentials(id, secret))
        {
            TransientBaseDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        });
        Directory.CreateDirectory(folder);
        return new SyncSite(host, Client("sync", "sync-secret"), Client("editor", "editor-secret"), Path.Combine(folder, "state.json"));
    }

    public async Task<SyncPlan> SyncAsync(IReadOnlyList<SourceUser> rows, SyncOptions options)
    {
        using var engine = new SyncEngine(Sync, options);
        var validation = engine.Validate(rows);
        var plan = await engine.PlanAsync(rows, validation);
        Assert.True(await engine.ApplyAsync(plan));
        return plan;
    }

    /// <summary>An edit by someone on the site, sent as Totara's own update (it stamps timemodified).</summary>
    public async Task EditAsync(string username, Func<UsersClient, UserReference, BatchOperation> edit)
    {
        await foreach (var result in Admin.Users.RunAsync(new[] { edit(Admin.Users, UserReference.ByUsername(username)) }))
            Assert.True(result.Succeeded, result.Error?.Explanation);
    }

    public async Task CreateByHandAsync(string idNumber, string username)
    {
        var change = new UserChange().Set("username", username).Set("idnumber", idNumber).Set("email", username + "@example.com")
            .Set("firstname", "Hand").Set("lastname", "Made").SetFlag("generate_password", true);
        await foreach (var result in Admin.Users.RunAsync(new[] { Admin.Users.Create(change) }))
            Assert.True(result.Succeeded, result.Error?.Explanation);
    }

    /// <summary>Users, job assignments and memberships, named by their keys so two sites compare.</summary>
    public List<string> Content()
    {
        var state = Host.State;
        var users = state.Users.Snapshot().Where(u => !u.Deleted && !u.Username.StartsWith("svc_", StringComparison.Ordinal) && u.Username is not ("admin" or "guest"))
            .ToDictionary(u => u.Id);
        var lines = new List<string>();
        foreach (var user in users.Values)
        {
            lines.Add($"user {user.Username} {user.IdNumber} {user.Email} {user.FirstName} {user.LastName} {user.Department} suspended={user.Suspended}");
            foreach (var job in state.Jobs.ForUser(user.Id))
            {
                var manager = state.Jobs.Get(job.ManagerJaId);
                var managerName = manager is null ? "-" : users.TryGetValue(manager.UserId, out var m) ? m.Username + "/" + manager.IdNumber : "?";
                lines.Add($"job {user.Username} {job.IdNumber} {job.FullName} manager={managerName}");
            }
        }
        foreach (var cohort in state.Cohorts.StaticCohorts())
            foreach (var user in users.Values.Where(u => state.Cohorts.IsMember(cohort.Id, u.Id)))
                lines.Add($"member {cohort.Name} {user.Username}");
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        Sync.Dispose();
        Admin.Dispose();
        await Host.DisposeAsync();
    }
}
