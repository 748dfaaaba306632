using Totara.Client.Tests.Support;
using Totara.Emulator;

namespace Totara.Client.Tests.Site;

public sealed class LostAnswerTests
{
    [Fact]
    public async Task A_batch_of_creates_whose_answer_was_lost_is_recovered_without_duplicates()
    {
        await using var site = await TestSite.StartAsync();
        site.Host.Switches.EnqueueFaults(FaultKind.DropAfterExecute);

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "dropped", 8)).ToListAsync();

        Assert.Equal(8, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"dropped_{i}"), results.Select(r => r.Data!.Value.GetProperty("user").GetProperty("username").GetString()));
        Assert.Equal(8, Documents.CountUsers(site.Host, "dropped"));
        Assert.Equal(8, site.Host.Counters.MutationsExecuted);
        Assert.Equal(1, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task After_a_lost_answer_the_checks_run_a_few_at_a_time_not_one_after_another()
    {
        await using var site = await TestSite.StartAsync();
        site.Host.Switches.EnqueueFaults(FaultKind.DropAfterExecute);
        var inFlight = 0;
        var mostInFlight = 0;
        var operations = Documents.CreateUsers(site.Host, "checked", 12);
        foreach (var operation in operations)
        {
            var check = operation.RecoverAfterLostAnswer!;
            operation.RecoverAfterLostAnswer = async ct =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref mostInFlight, now);
                await Task.Delay(50, ct);   // long enough for the other checks to start meanwhile
                Interlocked.Decrement(ref inFlight);
                return await check(ct);
            };
        }

        var results = await site.Client.ExecuteBatchAsync(operations).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(12, Documents.CountUsers(site.Host, "checked"));
        Assert.Equal(12, site.Host.Counters.MutationsExecuted);
        Assert.InRange(mostInFlight, 2, 4);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    [Fact]
    public async Task A_batch_dropped_before_it_ran_is_resent_after_the_check_says_nothing_was_applied()
    {
        await using var site = await TestSite.StartAsync();
        site.Host.Switches.EnqueueFaults(FaultKind.DropBeforeExecute);

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "notrun", 5)).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(5, Documents.CountUsers(site.Host, "notrun"));
        Assert.Equal(5, site.Host.Counters.MutationsExecuted);
        Assert.Equal(2, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task Without_a_check_a_lost_mutation_is_reported_failed_with_state_unknown_and_not_resent()
    {
        await using var site = await TestSite.StartAsync();
        site.Host.Switches.EnqueueFaults(FaultKind.DropAfterExecute);

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "unknown", 3, recoverable: false)).ToListAsync();

        Assert.All(results, r =>
        {
            Assert.False(r.Succeeded);
            Assert.Contains("state unknown", r.Error!.Message);
            Assert.Equal("answer_lost", r.Error.Category);
        });
        Assert.Equal(new object?[] { "unknown_0", "unknown_1", "unknown_2" }, results.Select(r => r.Operation.Tag).ToArray());
        Assert.Equal(3, Documents.CountUsers(site.Host, "unknown"));
        Assert.Equal(1, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task Idempotent_operations_are_simply_resent()
    {
        await using var site = await TestSite.StartAsync();
        site.Host.Switches.EnqueueFaults(FaultKind.DropBeforeExecute);
        var operations = Documents.CreateUsers(site.Host, "idem", 2, recoverable: false);
        foreach (var op in operations) op.IsIdempotent = true;

        var results = await site.Client.ExecuteBatchAsync(operations).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(2, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task Only_the_aliases_the_check_finds_missing_are_resent()
    {
        await using var site = await TestSite.StartAsync();
        // Users 0 and 1 are already there, as if applied before the answer was lost.
        foreach (var name in new[] { "partial_0", "partial_1" })
        {
            site.Host.State.Users.Add(new Totara.Emulator.Domain.UserRecord
            {
                Id = site.Host.State.Users.NextId(), Username = name, Email = name + "@example.com", FirstName = "F", LastName = "L",
            });
        }
        site.Host.Switches.EnqueueFaults(FaultKind.DropBeforeExecute);

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "partial", 4)).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(4, Documents.CountUsers(site.Host, "partial"));
        // Only aliases 2 and 3 were sent again.
        Assert.Equal(2, site.Host.Counters.MutationsExecuted);
        Assert.Equal(2, site.Host.Counters.Requests);
    }
}
