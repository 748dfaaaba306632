using System.Diagnostics;
using System.Runtime.InteropServices;
using Totara.Client;
using Totara.Emulator;
using static Totara.Sync.Tests.Support.Rows;

namespace Totara.Sync.Tests.Apply;

/// <summary>One run at a time per state file, a crashed run never blocks, and an unwritable path is found before any change.</summary>
public sealed class StateLockTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sync-lock-" + Guid.NewGuid().ToString("N"));
    private EmulatorHost _host = null!;
    private TotaraClient _client = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _host = await EmulatorHost.StartAsync(new EmulatorOptions());
        _host.AddClient("lock", "lock-secret");
        _client = new TotaraClient(new TotaraClientOptions(_host.Url, TotaraCredential.FromClientCredentials("lock", "lock-secret")));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        Directory.Delete(_dir, true);
    }

    private SyncOptions Exact(string path) => new() { CohortMode = CohortMode.Exact, StatePath = path };

    [Fact]
    public async Task A_second_run_on_the_same_state_file_is_refused_before_it_reads_anything()
    {
        var path = Path.Combine(_dir, "state.json");
        var rows = new[] { Row("L1") };
        using var first = new SyncEngine(_client, Exact(path));
        await first.PlanAsync(rows, first.Validate(rows));
        var requests = _host.Counters.Requests;

        using var second = new SyncEngine(_client, Exact(path));
        var error = await Assert.ThrowsAsync<SyncStateFileInUseException>(() => second.PlanAsync(rows, second.Validate(rows)));

        Assert.Equal(requests, _host.Counters.Requests);
        Assert.Equal(Path.GetFullPath(path) + ".lock", error.LockPath);
        Assert.Contains("in use by another Invoke-TotaraSync run", error.Message);

        first.Dispose();   // the first run ends: the second may go
        using var third = new SyncEngine(_client, Exact(path));
        await third.PlanAsync(rows, third.Validate(rows));
    }

    [Fact]
    public void A_lock_file_left_on_disk_with_no_holder_does_not_block()
    {
        var path = Path.Combine(_dir, "state.json");
        File.WriteAllText(path + ".lock", "left by a run that crashed");

        using var held = StateFileLock.Acquire(path);

        Assert.Equal(Path.GetFullPath(path) + ".lock", held.LockPath);
    }

    [Fact]
    public async Task A_lock_held_by_a_process_that_dies_is_released_with_it()
    {
        // flock(1) takes the lock .NET's FileShare.None takes on Unix (flock(2)), and with -o keeps it to itself, not
        // in its child. Windows releases a dead process's sharing lock the same way, but has no flock(1) to show it with.
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || !File.Exists("/usr/bin/flock")) return;
        var path = Path.Combine(_dir, "state.json");
        using var holder = Process.Start(new ProcessStartInfo("/usr/bin/flock", new[] { "-o", path + ".lock", "sleep", "60" }))!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!IsHeld(path) && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(IsHeld(path), "the other process never took the lock");

        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();

        using var held = StateFileLock.Acquire(path);
    }

    [Fact]
    public async Task A_state_path_that_cannot_be_written_stops_the_run_before_any_change()
    {
        var blocker = Path.Combine(_dir, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var path = Path.Combine(blocker, "state.json");
        var rows = new[] { Row("W1") };
        using var engine = new SyncEngine(_client, Exact(path));

        var error = await Assert.ThrowsAsync<SyncStateFileException>(async () =>
        {
            var plan = await engine.PlanAsync(rows, engine.Validate(rows));
            await engine.ApplyAsync(plan);
        });

        Assert.Contains("cannot be written", error.Message);
        Assert.Empty(_host.State.Users.Snapshot(u => u.IdNumber == "W1"));
        Assert.Equal(0, _host.Counters.MutationsExecuted);
    }

    private static bool IsHeld(string path)
    {
        try
        {
            StateFileLock.Acquire(path).Dispose();
            return false;
        }
        catch (SyncStateFileInUseException)
        {
            return true;
        }
    }
}
