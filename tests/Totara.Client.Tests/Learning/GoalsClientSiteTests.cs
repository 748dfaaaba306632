using Totara.Client.Goals;
using Totara.Client.Tests.Support;
using Totara.Client.Users;

namespace Totara.Client.Tests.Learning;

/// <summary>The goals area against the emulator over HTTP: only given fields change, a lost answer never duplicates a goal.</summary>
public sealed class GoalsClientSiteTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static GoalChange NewGoal(string user, string name, string? idNumber = null) => new()
    {
        User = UserReference.ByUsername(user), Name = name, IdNumber = idNumber, StartDate = Start, TargetDate = Start.AddMonths(3), TargetValue = 100,
    };

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_found_by_id_number_and_not_sent_again()
    {
        await using var site = await TestSite.StartAsync();
        var user = LearningData.AddUser(site.Host, "ann");
        var drop = new DropAnswerHandler("perform_goal_create_goal");
        var client = site.NewClient(o => o.HttpHandler = drop);

        var result = await client.Goals.RunAsync(new[] { client.Goals.Create(NewGoal("ann", "Q1 sales", "Q1-ann")) }).SingleAsync();

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("Q1-ann", result.Goal!.IdNumber);
        Assert.Equal(1, drop.Dropped);
        Assert.Single(site.Host.State.Goals.ForUser(user.Id));
        Assert.Equal(1, site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task A_create_without_id_number_whose_answer_is_lost_is_reported_unknown_and_never_resent()
    {
        await using var site = await TestSite.StartAsync();
        var user = LearningData.AddUser(site.Host, "ann");
        var client = site.NewClient(o => o.HttpHandler = new DropAnswerHandler("perform_goal_create_goal"));

        var result = await client.Goals.RunAsync(new[] { client.Goals.Create(NewGoal("ann", "Q1 sales")) }).SingleAsync();

        Assert.False(result.Succeeded);
        Assert.Equal("answer_lost", result.Error!.Category);
        Assert.Single(site.Host.State.Goals.ForUser(user.Id));
    }

    [Fact]
    public async Task An_update_changes_only_the_fields_given_and_skips_the_reference_own_id_number()
    {
        await using var site = await TestSite.StartAsync();
        LearningData.AddUser(site.Host, "ann");
        var goals = site.Client.Goals;
        var created = await goals.RunAsync(new[] { goals.Create(NewGoal("ann", "Q1 sales", "Q1-ann")) }).SingleAsync();
        Assert.True(created.Succeeded, created.Error?.Message);

        var result = await goals.RunAsync(new[] { goals.Update(GoalReference.ByIdNumber("Q1-ann"), new GoalChange { IdNumber = "Q1-ann", TargetValue = 150 }) }).SingleAsync();

        Assert.True(result.Succeeded, result.Error?.Message);
        var stored = site.Host.State.Goals.Get(created.Goal!.Id)!;
        Assert.Equal(150, stored.TargetValue);
        Assert.Equal("Q1 sales", stored.Name);
        Assert.Equal(Start.AddMonths(3).ToUnixTimeSeconds(), stored.TargetDate);
    }

    [Fact]
    public async Task An_update_whose_answer_is_lost_is_settled_by_reading_the_goal_back()
    {
        await using var site = await TestSite.StartAsync();
        LearningData.AddUser(site.Host, "ann");
        var created = await site.Client.Goals.RunAsync(new[] { site.Client.Goals.Create(NewGoal("ann", "Q1 sales", "Q1-ann")) }).SingleAsync();
        var client = site.NewClient(o => o.HttpHandler = new DropAnswerHandler("perform_goal_update_goal"));
        site.Host.Counters.Reset();

        var result = await client.Goals.RunAsync(new[] { client.Goals.Update(GoalReference.ById(created.Goal!.Id), new GoalChange { IdNumber = "Q1-ann-v2", Name = "Q1 sales (revised)" }) }).SingleAsync();

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("Q1 sales (revised)", result.Goal!.Name);
        Assert.Equal(1, site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task A_users_goals_are_listed_by_the_first_reference_that_names_a_user_and_none_is_a_typed_failure()
    {
        await using var site = await TestSite.StartAsync();
        LearningData.AddUser(site.Host, "ann");
        var goals = site.Client.Goals;
        await goals.RunAsync(new[] { goals.Create(NewGoal("ann", "One", "G1")) }).ToListAsync();
        var nobody = new[] { UserReference.ByIdNumber("ann"), UserReference.ByUsername("nobody") };

        var listed = await goals.ListForFirstUserAsync(new[] { UserReference.ByIdNumber("ann"), UserReference.ByUsername("ann") }).ToListAsync();
        var failure = await Assert.ThrowsAsync<UserNotFoundException>(async () => await goals.ListForFirstUserAsync(nobody).ToListAsync());

        Assert.Equal(new[] { "G1" }, listed.Select(g => g.IdNumber));
        Assert.Equal(nobody, failure.Tried);
    }

    [Fact]
    public async Task Progress_delete_and_the_users_list_work_and_an_unknown_goal_fails_alone()
    {
        await using var site = await TestSite.StartAsync();
        var user = LearningData.AddUser(site.Host, "ann");
        var goals = site.Client.Goals;
        await goals.RunAsync(new[] { goals.Create(NewGoal("ann", "One", "G1")), goals.Create(NewGoal("ann", "Two", "G2")) }).ToListAsync();

        var progress = await goals.RunAsync(new[]
        {
            goals.UpdateProgress(GoalReference.ByIdNumber("G1"), "in_progress", 40),
            goals.UpdateProgress(GoalReference.ByIdNumber("missing"), "in_progress", 40),
        }).ToListAsync();
        var listed = await goals.ListForUserAsync(UserReference.ByUsername("ann")).ToListAsync();
        var deleted = await goals.RunAsync(new[] { goals.Delete(GoalReference.ByIdNumber("G2")) }).SingleAsync();

        Assert.Equal("in_progress", progress[0].Status);
        Assert.Equal(40, progress[0].CurrentValue);
        Assert.True(progress[1].GoalNotFound);
        Assert.Equal(new[] { "G1", "G2" }, listed.Select(g => g.IdNumber).OrderBy(x => x));
        Assert.Equal("In progress", listed.Single(g => g.IdNumber == "G1").StatusLabel);
        Assert.True(deleted.Succeeded, deleted.Error?.Message);
        Assert.Single(site.Host.State.Goals.ForUser(user.Id));
        Assert.Null(await goals.GetAsync(GoalReference.ByIdNumber("G2")));
        Assert.Equal("One", (await goals.GetAsync(GoalReference.ByIdNumber("G1")))!.Name);
    }

    [Fact]
    public async Task A_users_goals_are_followed_across_pages()
    {
        await using var site = await TestSite.StartAsync();
        var user = LearningData.AddUser(site.Host, "ann");
        for (var i = 0; i < 7; i++) site.Host.State.Goals.Add(g => { g.UserId = user.Id; g.Name = "Goal " + i; g.IdNumber = "P" + i; });
        // A small complexity limit makes pages of three goals.
        var client = site.NewClient(o => o.MaxComplexity = 100);
        site.Host.Counters.Reset();

        var goals = await client.Goals.ListForUserAsync(UserReference.ById(user.Id)).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 7).Select(i => "P" + i).OrderBy(x => x), goals.Select(g => g.IdNumber!).OrderBy(x => x));
        Assert.True(site.Host.Counters.Requests >= 3, $"{site.Host.Counters.Requests} requests: the list was not paged.");
    }

    [Fact]
    public async Task Goals_whose_answer_a_later_failure_nulled_are_read_back_in_one_request()
    {
        await using var site = await TestSite.StartAsync();
        var ann = LearningData.AddUser(site.Host, "ann");
        var goals = site.Client.Goals;
        var before = await goals.RunAsync(new[] { "G-upd", "G-prog", "G-del" }.Select(id => goals.Create(NewGoal("ann", "Goal " + id, id)))).ToListAsync();
        Assert.All(before, r => Assert.True(r.Succeeded, r.Error?.Message));
        var operations = new List<BatchOperation>
        {
            goals.Update(GoalReference.ByIdNumber("G-upd"), new GoalChange { Name = "Renamed", TargetValue = 250 }),
            goals.UpdateProgress(GoalReference.ByIdNumber("G-prog"), "in_progress", 40),
            goals.Delete(GoalReference.ByIdNumber("G-del")),
        };
        operations.AddRange(Enumerable.Range(0, 5).Select(i => goals.Create(NewGoal("ann", "New " + i, "N" + i))));
        operations.Add(goals.Delete(GoalReference.ByIdNumber("missing")));
        var requestsBefore = site.Host.Counters.Requests;

        var results = await goals.RunAsync(operations).ToListAsync();

        // The batch, then one query reading back the updated and created goals; the delete needs none.
        Assert.Equal(2, site.Host.Counters.Requests - requestsBefore);
        Assert.All(results.Take(8), r => Assert.True(r.Succeeded, r.ToString()));
        Assert.True(results[8].GoalNotFound, results[8].ToString());
        Assert.Equal((before[0].Goal!.Id, "Renamed", 250d), (results[0].Goal!.Id, results[0].Goal!.Name, results[0].Goal!.TargetValue));
        Assert.Equal(("in_progress", 40d), (results[1].Status, results[1].CurrentValue));
        Assert.Equal(GoalOperationKind.Delete, results[2].Kind);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => ((string?)("N" + i), "New " + i)), results.Skip(3).Take(5).Select(r => (r.Goal!.IdNumber, r.Goal.Name)));
        Assert.Equal(7, site.Host.State.Goals.ForUser(ann.Id).Count());
    }
}
