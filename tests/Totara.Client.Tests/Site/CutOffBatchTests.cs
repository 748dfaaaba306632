using Totara.Client.Cohorts;
using Totara.Client.Goals;
using Totara.Client.Tests.Learning;
using Totara.Client.Tests.Support;
using Totara.Client.Users;
using Totara.Emulator;

namespace Totara.Client.Tests.Site;

/// <summary>
/// A 429 that comes in the middle of a mutation batch: Totara checks the rate limit before every
/// root field, so the aliases before the refusal were committed and the answer says nothing of them.
/// </summary>
public sealed class CutOffBatchTests
{
    [Fact]
    public async Task A_429_in_the_middle_of_a_create_batch_resends_only_the_creates_that_did_not_run()
    {
        await using var site = await TestSite.StartAsync();
        site.Host.Switches.EnqueueFaults(FaultKind.TooManyRequestsMidRequest);

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "cut", 10)).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(1, site.Host.Counters.TooManyRequestsSent);
        // 5 ran before the refusal, the other 5 were sent again: none twice, none "already exists".
        Assert.Equal(10, site.Host.Counters.MutationsExecuted);
        Assert.Equal(10, Documents.CountUsers(site.Host, "cut"));
    }

    [Fact]
    public async Task After_a_429_part_way_the_cut_is_found_by_bisection_and_what_ran_is_read_back_in_one_query()
    {
        await using var site = await TestSite.StartAsync();
        var users = site.Client.Users;
        var creates = Enumerable.Range(0, 40).Select(i => users.Create(new UserChange()
            .Set("username", $"rb{i}").Set("email", $"rb{i}@example.com").Set("firstname", "F").Set("lastname", "L")
            .SetFlag("generate_password", true))).ToList();
        site.Host.Counters.Reset();
        site.Host.Switches.EnqueueFaults(FaultKind.TooManyRequestsMidRequest);

        // No username check first: the queued 429 must cut the batch of creates, not the check.
        var results = await users.RunAsync(creates, UsernameCheck.None).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.All(results, r => Assert.NotNull(r.User));
        Assert.Equal(40, site.Host.Counters.MutationsExecuted);
        Assert.Equal(40, site.Host.State.Users.Snapshot(u => u.Username.StartsWith("rb", StringComparison.Ordinal)).Count);
        // The cut-off batch, about log2(40) = 6 checks to find where it stopped, one read-back
        // query for the 20 that ran, and one resend of the 20 that had not: not a check per create.
        Assert.InRange(site.Host.Counters.Requests, 4, 10);
    }

    [Fact]
    public async Task Audience_adds_cut_off_by_a_429_are_judged_by_membership_not_by_finding_the_user()
    {
        await using var site = await TestSite.StartAsync();
        var state = site.Host.State;
        var cohort = state.Cohorts.Add("Sales", "SALES");
        var ids = Enumerable.Range(0, 10).Select(i =>
        {
            var id = state.Users.NextId();
            state.Users.Add(new Totara.Emulator.Domain.UserRecord { Id = id, Username = "m" + i, Email = $"m{i}@example.org", FirstName = "M", LastName = "Ember" });
            return id;
        }).ToList();
        var audiences = site.Client.Cohorts;
        var adds = ids.Select((id, i) => audiences.Mutation(CohortReference.ByIdNumber("SALES"), add: true, UserReference.ById(id), i)).ToList();
        site.Host.Switches.EnqueueFaults(FaultKind.TooManyRequestsMidRequest);

        var results = await site.Client.ExecuteBatchAsync(adds).ToListAsync();

        // Every user exists whether or not the add ran: only the membership check tells.
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.All(ids, id => Assert.True(state.Cohorts.IsMember(cohort.Id, id)));
        Assert.Equal(10, site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task Without_a_way_to_check_a_cut_off_batch_is_reported_state_unknown_and_nothing_is_resent()
    {
        await using var site = await TestSite.StartAsync();
        site.Host.Switches.EnqueueFaults(FaultKind.TooManyRequestsMidRequest);

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "blind", 10, recoverable: false)).ToListAsync();

        Assert.All(results, r => Assert.Equal("answer_lost", r.Error?.Category));
        Assert.Contains("cut off with 429", results[0].Error!.Message);
        Assert.Equal(5, site.Host.Counters.MutationsExecuted);
        Assert.Equal(5, Documents.CountUsers(site.Host, "blind"));
    }

    [Fact]
    public async Task Goals_without_an_id_number_go_one_per_request_so_a_429_is_retried_without_a_second_goal()
    {
        await using var site = await TestSite.StartAsync();
        var ann = LearningData.AddUser(site.Host, "ann");
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var requests = Enumerable.Range(0, 3).Select(i => new GoalCreateRequest(
            new GoalChange { Name = $"Goal {i}", StartDate = start, TargetDate = start.AddMonths(3), TargetValue = 100 },
            new[] { UserReference.ByUsername("ann") }, i)).ToList();
        site.Host.Switches.EnqueueFaults(FaultKind.TooManyRequestsMidRequest);

        var results = await site.Client.Goals.CreateAsync(requests);

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(1, site.Host.Counters.TooManyRequestsSent);
        Assert.Equal(3, site.Host.State.Goals.ForUser(ann.Id).Count);
        Assert.Equal(new[] { "Goal 0", "Goal 1", "Goal 2" }, site.Host.State.Goals.ForUser(ann.Id).Select(g => g.Name).OrderBy(n => n));
    }
}
