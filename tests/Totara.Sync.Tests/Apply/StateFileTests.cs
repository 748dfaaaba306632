namespace Totara.Sync.Tests.Apply;

public sealed class StateFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sync-state-" + Guid.NewGuid().ToString("N"));
    private static readonly Uri Site = new("https://learn.example.com/");

    public StateFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Saves_and_loads_memberships_replacing_the_old_file_and_leaving_no_temporary_file()
    {
        var path = Path.Combine(_dir, "state.json");
        Assert.Empty(SyncStateFile.Load(path, Site).Added);

        var state = new SyncState(Site, new[] { new Membership(3, 17), new Membership(3, 18), new Membership(5, 17) });
        SyncStateFile.Save(state, path);
        state.Remove(new Membership(3, 18));
        SyncStateFile.Save(state, path);

        var loaded = SyncStateFile.Load(path, new Uri("https://LEARN.example.com"));
        Assert.Equal(new[] { new Membership(3, 17), new Membership(5, 17) }, loaded.Added.OrderBy(m => m.CohortId));
        Assert.Equal(new[] { "state.json" }, Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_state_file_of_another_site_is_refused()
    {
        var path = Path.Combine(_dir, "state.json");
        SyncStateFile.Save(new SyncState(new Uri("https://other.example.com/")), path);

        var error = Assert.Throws<InvalidDataException>(() => SyncStateFile.Load(path, Site));
        Assert.Contains("belongs to https://other.example.com/", error.Message);
    }
}
