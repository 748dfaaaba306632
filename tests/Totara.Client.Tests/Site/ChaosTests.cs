using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Site;

/// <summary>Everything at once: random 5xx and dropped connections (before and after execution), two runs in parallel.</summary>
public sealed class ChaosTests
{
    [Fact]
    public async Task Under_random_faults_every_user_is_created_exactly_once_and_listed_once()
    {
        await using var site = await TestSite.StartAsync(
            o =>
            {
                o.FaultRate = 0.15;
                o.DropRate = 0.25;
                o.MaxComplexity = 300;
            },
            c =>
            {
                c.MaxComplexity = 300;
                c.MaxRetryAttempts = 20;
            });

        var runs = await Task.WhenAll(
            site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "chaos_a", 120)).ToListAsync(),
            site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "chaos_b", 120)).ToListAsync());

        Assert.All(runs.SelectMany(r => r), r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(120, Documents.CountUsers(site.Host, "chaos_a"));
        Assert.Equal(120, Documents.CountUsers(site.Host, "chaos_b"));
        Assert.True(site.Host.Counters.ConnectionsDropped > 0 && site.Host.Counters.ServerErrorsSent > 0, "the faults did happen");

        var request = new GraphQLRequest(Documents.UsersPage, new Dictionary<string, object?> { ["limit"] = 50 }, "users");
        var listed = await site.Client.PageAsync(request, "core_user_users").ToListAsync();
        var chaosUsers = listed.Select(u => u.GetProperty("username").GetString()!).Where(n => n.StartsWith("chaos_", StringComparison.Ordinal)).ToList();
        Assert.Equal(240, chaosUsers.Count);
        Assert.Equal(240, chaosUsers.Distinct().Count());
    }
}
