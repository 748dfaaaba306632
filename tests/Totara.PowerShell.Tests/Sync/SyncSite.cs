using System.Management.Automation;
using Totara.Emulator;
using Totara.Emulator.Domain;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Sync;

/// <summary>
/// A fresh emulated site per test (no demo data: a complete source would suspend other tests'
/// users) with one API client, runspaces connected to it, and source rows built as CSV rows are.
/// </summary>
internal sealed class SyncSite : IAsyncDisposable
{
    public const string ClientId = "sync-tests";
    private readonly EmulatorSite _site;

    private SyncSite(EmulatorSite site) => _site = site;

    public EmulatorHost Host => _site.Host;

    public string Url => _site.UrlText;

    public UserStore Users => Host.State.Users;

    public static async Task<SyncSite> StartAsync() => new(await EmulatorSite.StartAsync(ClientId));

    /// <summary>A runspace whose default session is this site (and whose $Session variable holds it).</summary>
    public ModuleRunspace Connect(ModuleRunspace? into = null, string variable = "Session", string moreParameters = "")
    {
        var runspace = into ?? new ModuleRunspace();
        runspace.Run(
            $"param($Url, $ClientId, $ClientSecret) ${variable} = Connect-Totara -Url $Url -ClientId $ClientId -ClientSecret $ClientSecret -ServiceAccount api_service -PassThru -ErrorAction Stop {moreParameters}",
            new() { ["Url"] = Url, ["ClientId"] = ClientId, ["ClientSecret"] = SecureStrings.From(_site.ClientSecret) })
            .AssertNoErrors();
        return runspace;
    }

    /// <summary>Puts a user straight into the store (no request).</summary>
    public UserRecord Seed(string idNumber, string? username = null, Action<UserRecord>? configure = null)
    {
        lock (Users.Gate)
        {
            var name = username ?? idNumber.ToLowerInvariant();
            var user = new UserRecord
            {
                Id = Users.NextId(), Username = name, IdNumber = idNumber, Email = name + "@example.com",
                FirstName = "First" + idNumber, LastName = "Last", Auth = "manual", Department = "Seeded", City = "Wellington",
                TimeCreated = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), TimeModified = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            };
            configure?.Invoke(user);
            Users.Add(user);
            return user;
        }
    }

    public UserRecord? ByIdNumber(string idNumber) =>
        Users.Snapshot(u => u.IdNumber == idNumber).SingleOrDefault();

    /// <summary>Live users whose idnumber starts with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<UserRecord> WithPrefix(string prefix) =>
        Users.Snapshot(u => (u.IdNumber ?? "").StartsWith(prefix, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    /// <summary>A source row as Import-Csv makes it: every value a string.</summary>
    public static PSObject Row(string idNumber, string? first = null, string? department = null, params (string Name, object? Value)[] more)
    {
        var row = new PSObject();
        var username = idNumber.ToLowerInvariant();
        row.Properties.Add(new PSNoteProperty("idnumber", idNumber));
        row.Properties.Add(new PSNoteProperty("username", username));
        row.Properties.Add(new PSNoteProperty("email", username + "@example.com"));
        row.Properties.Add(new PSNoteProperty("firstname", first ?? "First" + idNumber));
        row.Properties.Add(new PSNoteProperty("lastname", "Last"));
        row.Properties.Add(new PSNoteProperty("department", department ?? "Seeded"));
        foreach (var (name, value) in more)
        {
            if (row.Properties[name] is { } existing) existing.Value = value;
            else row.Properties.Add(new PSNoteProperty(name, value));
        }
        return row;
    }

    public static Dictionary<string, object?> Rows(params PSObject[] rows) => new() { ["Rows"] = rows };
}

/// <summary>Reading the module's sync objects by property name (the test does not reference the module).</summary>
internal static class SyncObjects
{
    public static IReadOnlyList<PSObject> Changes(this ScriptResult result) =>
        result.Output.Where(o => o.BaseObject.GetType().Name == "TotaraSyncChange").ToList();

    public static PSObject Summary(this ScriptResult result) =>
        result.Output.Concat(result.Information.Select(i => new PSObject(i.MessageData)))
            .First(o => o.BaseObject.GetType().Name == "TotaraSyncSummary");

    public static string S(this PSObject item, string property) => item.Properties[property]?.Value?.ToString() ?? "";

    public static int N(this PSObject item, string property) => Convert.ToInt32(item.Properties[property]!.Value);
}
