using Totara.Client.Goals;
using Totara.Client.Tests.Support;
using Totara.Client.Users;

namespace Totara.Client.Tests.Learning;

/// <summary>The goal batches that look at the site first: creates and progress updates.</summary>
public sealed class GoalBatchesSiteTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static GoalCreateRequest Request(string user, string name, string? idNumber = null) => new(
        new GoalChange { Name = name, IdNumber = idNumber, StartDate = Start, TargetDate = Start.AddMonths(3), TargetValue = 100 },
        new[] { UserReference.ByUsername(user), UserReference.ByIdNumber(user) }, name);

    [Fact]
    public async Task Creates_find_users_by_either_key_an_unknown_user_fails_unsent_and_a_used_id_number_fails_alone()
    {
        await using var site = await TestSite.StartAsync();
        var ann = LearningData.AddUser(site.Host, "ann");
        var bob = LearningData.AddUser(site.Host, "bob");
        var goals = site.Client.Goals;
        await goals.RunAsync(new[] { goals.Create(Request("ann", "Existing", "TAKEN").Goal.Also(g => g.User = UserReference.ById(ann.Id))) }).ToListAsync();
        site.Host.Counters.Reset();

        var results = await goals.CreateAsync(new[]
        {
            Request("ann", "First", "A-1"),
            Request("nobody", "Lost"),
            Request(bob.IdNumber!, "By idnumber"),
            Request("ann", "Clash", "TAKEN"),
            Request("ann", "No key"),
        });

        Assert.Equal(new[] { true, false, true, false, true }, results.Select(r => r.Succeeded));
        Assert.Equal(new object?[] { "First", "Lost", "By idnumber", "Clash", "No key" }, results.Select(r => r.Tag));
        Assert.Contains("no user matches username 'nobody' or idnumber 'nobody'", results[1].Error!.Explanation);
        Assert.Equal("IdNumber", results[3].ErrorField);
        Assert.Equal("bob", results[2].Goal!.Username);
        // The unknown user was never sent; the clash nulled its request's data, yet every created goal came back with its data.
        Assert.Equal(4, site.Host.Counters.MutationsExecuted);
        Assert.All(new[] { results[0], results[2], results[4] }, r => Assert.NotNull(r.Goal));
        Assert.Contains("id_number already exists", results[3].Error!.Explanation);
        Assert.Equal(3, site.Host.State.Goals.ForUser(ann.Id).Count);
    }

    [Fact]
    public async Task Progress_fills_the_missing_value_from_the_goal_and_an_unknown_goal_fails_alone()
    {
        await using var site = await TestSite.StartAsync();
        var ann = LearningData.AddUser(site.Host, "ann");
        var one = site.Host.State.Goals.Add(g => { g.UserId = ann.Id; g.Name = "One"; g.IdNumber = "G1"; g.CurrentValue = 30; });
        var two = site.Host.State.Goals.Add(g => { g.UserId = ann.Id; g.Name = "Two"; g.IdNumber = "G2"; g.Status = "in_progress"; });

        var results = await site.Client.Goals.UpdateProgressAsync(new[]
        {
            new GoalProgressRequest(GoalReference.ByIdNumber("G1"), "completed", null),
            new GoalProgressRequest(GoalReference.ByIdNumber("missing"), "completed", null),
            new GoalProgressRequest(GoalReference.ById(two.Id), null, 60),
        });

        Assert.True(results[0].Succeeded, results[0].Error?.Explanation);
        Assert.True(results[1].GoalNotFound);
        Assert.True(results[2].Succeeded, results[2].Error?.Explanation);
        Assert.Equal(("completed", 30.0), (site.Host.State.Goals.Get(one.Id)!.Status, site.Host.State.Goals.Get(one.Id)!.CurrentValue));
        Assert.Equal(("in_progress", 60.0), (site.Host.State.Goals.Get(two.Id)!.Status, site.Host.State.Goals.Get(two.Id)!.CurrentValue));
    }
}

internal static class Fluent
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
