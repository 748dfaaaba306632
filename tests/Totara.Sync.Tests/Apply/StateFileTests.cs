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

        var error = Assert.Throws<SyncStateFileInvalidException>(() => SyncStateFile.Load(path, Site));
        Assert.Contains("belongs to https://other.example.com/", error.Message);
    }

    private const string Head = "\"format\": 1, \"site\": \"https://learn.example.com/\"";

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("  \n", "it is empty")]
    [InlineData("{" + Head + ", \"memberships\": {\"3\": [17, 1", "not valid JSON, or is cut short")]
    [InlineData("[1, 2]", "its top level is a list")]
    [InlineData("{" + Head + ", \"memberships\": {\"3\": [17.5]}}", "user id 17.5 that is not a whole number")]
    [InlineData("{" + Head + ", \"memberships\": {\"3\": [\"17\"]}}", "user id \"17\" that is not a whole number")]
    [InlineData("{" + Head + ", \"memberships\": {\"3\": 17}}", "audience 3's members are a number")]
    [InlineData("{" + Head + ", \"memberships\": {\"x\": [17]}}", "audience id 'x'")]
    [InlineData("{" + Head + ", \"memberships\": [[3, 17]]}", "\"memberships\" is a list")]
    [InlineData("{\"format\": 1, \"site\": 5}", "\"site\" is missing or not text")]
    [InlineData("{\"format\": 99, \"site\": \"https://learn.example.com/\"}", "it is format 99")]
    [InlineData("{\"format\": \"1\", \"site\": \"https://learn.example.com/\"}", "\"format\" is text")]
    [InlineData("{\"site\": \"https://learn.example.com/\"}", "it has no \"format\"")]
    public void A_bad_state_file_is_refused_with_one_error_naming_the_file_and_what_is_wrong(string content, string problem)
    {
        var path = Path.Combine(_dir, "state.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<SyncStateFileInvalidException>(() => SyncStateFile.Load(path, Site));

        Assert.Equal(Path.GetFullPath(path), error.Path);
        Assert.StartsWith($"The state file {Path.GetFullPath(path)} cannot be read: ", error.Message);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void A_state_file_with_a_UTF8_byte_order_mark_loads()
    {
        // What Windows PowerShell 5.1's Set-Content -Encoding UTF8 writes after a hand edit.
        var path = Path.Combine(_dir, "state.json");
        File.WriteAllText(path, "{" + Head + ", \"memberships\": {\"3\": [17]}}", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);

        Assert.Equal(new[] { new Membership(3, 17) }, SyncStateFile.Load(path, Site).Added);
    }
}
