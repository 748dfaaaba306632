using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Site;

public sealed class BatchTests
{
    [Fact]
    public async Task Operations_are_packed_into_requests_under_the_complexity_limit()
    {
        await using var site = await TestSite.StartAsync(o => o.MaxComplexity = 200, c => c.MaxComplexity = 200);

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "split", 50, recoverable: false)).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 50), results.Select(r => r.Index));
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(50, Documents.CountUsers(site.Host, "split"));
        Assert.Equal(50, site.Host.Counters.MutationsExecuted);
        // 13 points each, at most 160 per request: 12 per request, 5 requests.
        Assert.Equal(5, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task When_the_site_stops_a_batch_as_too_complex_the_applied_aliases_are_kept_and_only_the_rest_resent()
    {
        // The client believes the limit is 6,000; the site enforces 100.
        await using var site = await TestSite.StartAsync(o => o.MaxComplexity = 100);

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "crossing", 20)).ToListAsync();

        Assert.Equal(20, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"crossing_{i}"), results.Select(r => (string)r.Operation.Tag!));
        Assert.Equal(20, Documents.CountUsers(site.Host, "crossing"));
        Assert.Equal(20, site.Host.Counters.MutationsExecuted);
        // The first request got 7 aliases in (7 x 13 = 91) before the 8th crossed 100.
        Assert.True(site.Host.Counters.Requests >= 3, $"requests {site.Host.Counters.Requests}");
    }

    [Fact]
    public async Task A_single_operation_over_the_limit_at_its_root_fails_with_the_sites_message()
    {
        // The root mutation field alone costs 10.
        await using var site = await TestSite.StartAsync(o => o.MaxComplexity = 9);

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "toobig", 1)).ToListAsync();

        var result = Assert.Single(results);
        Assert.False(result.Succeeded);
        Assert.Contains("Query complexity exceeded maximum allowed complexity of 9.", result.Error!.Explanation);
        Assert.Equal("query_complexity", result.Error.Category);
        Assert.Equal(0, Documents.CountUsers(site.Host, "toobig"));
        Assert.Equal(1, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task A_mutation_that_crossed_the_limit_inside_its_selection_ran_and_is_not_resent()
    {
        // 10 for the root field passes; the selected fields push it over 12 after the user was created.
        await using var site = await TestSite.StartAsync(o => o.MaxComplexity = 12);

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "ranover", 1)).ToListAsync();

        var result = Assert.Single(results);
        Assert.True(result.Succeeded, result.ToString());
        // The fields resolved before the crossing came back; the one that crossed is null.
        Assert.False(string.IsNullOrEmpty(result.Data!.Value.GetProperty("user").GetProperty("id").GetString()));
        Assert.Equal(1, Documents.CountUsers(site.Host, "ranover"));
        Assert.Equal(1, site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task One_bad_input_among_good_ones_fails_alone_and_the_others_are_applied_once()
    {
        await using var site = await TestSite.StartAsync();
        await site.Client.ExecuteBatchAsync(new[] { Documents.CreateUser(site.Host, "taken_name", recoverable: false) }).ToListAsync();
        var operations = Documents.CreateUsers(site.Host, "mixed", 6);
        operations[3] = Documents.CreateUser(site.Host, "taken_name", recoverable: false, email: "other@example.com");

        var results = await site.Client.ExecuteBatchAsync(operations).ToListAsync();

        Assert.Equal(6, results.Count);
        var bad = results[3];
        Assert.False(bad.Succeeded);
        Assert.Equal("taken_name", bad.Operation.Tag);
        Assert.Equal("a3", bad.Error!.Path![0]);
        Assert.Contains("username", bad.Error.Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.All(results.Where(r => r.Index != 3), r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(5, Documents.CountUsers(site.Host, "mixed"));
    }

    [Fact]
    public async Task Aliases_after_a_failed_one_never_ran_on_Totara_and_are_resent_not_taken_as_applied()
    {
        await using var site = await TestSite.StartAsync();
        await site.Client.ExecuteBatchAsync(new[] { Documents.CreateUser(site.Host, "held_name", recoverable: false) }).ToListAsync();
        var operations = new List<BatchOperation>
        {
            Documents.CreateUser(site.Host, "after_ok", recoverable: true),
            Documents.CreateUser(site.Host, "held_name", recoverable: false, email: "someone.else@example.com"),
            // Its "is the user gone?" check would say yes: only resending it tells the truth.
            site.Client.Users.Delete(Totara.Client.Users.UserReference.ByUsername("never_existed")),
            Documents.CreateUser(site.Host, "after_late", recoverable: true),
        };

        var results = await site.Client.ExecuteBatchAsync(operations).ToListAsync();

        Assert.True(results[0].Succeeded, results[0].ToString());
        Assert.False(results[1].Succeeded);
        Assert.False(results[2].Succeeded, "a delete of a user that never existed is not 'applied'");
        Assert.True(results[2].Error!.Outcome.IsNotFound, results[2].Error!.Explanation);
        Assert.True(results[3].Succeeded, results[3].ToString());
        Assert.NotNull(Documents.FindUser(site.Host, "after_ok"));
        Assert.NotNull(Documents.FindUser(site.Host, "after_late"));
    }

    [Fact]
    public async Task Applied_aliases_whose_answer_a_later_failure_nulled_are_read_back_in_one_request()
    {
        await using var site = await TestSite.StartAsync();
        await site.Client.ExecuteBatchAsync(new[] { Documents.CreateUser(site.Host, "last_taken", recoverable: false) }).ToListAsync();
        var operations = Enumerable.Range(0, 20)
            .Select(i => site.Client.Users.Create(new Totara.Client.Users.UserChange()
                .Set("username", i < 19 ? $"readback{i}" : "last_taken")
                .Set("firstname", "Read").Set("lastname", "Back").Set("email", $"readback{i}@example.com")
                .SetPassword("Passw0rd!readback" + i)))
            .ToList();
        var requestsBefore = site.Host.Counters.Requests;

        var results = await site.Client.ExecuteBatchAsync(operations).ToListAsync();

        Assert.All(results.Take(19), r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(Enumerable.Range(0, 19).Select(i => $"readback{i}"),
            results.Take(19).Select(r => r.Data!.Value.GetProperty("user").GetProperty("username").GetString()));
        Assert.False(results[19].Succeeded);
        // The batch itself, then one request reading back the 19 users it created: not 19 lookups.
        Assert.Equal(2, site.Host.Counters.Requests - requestsBefore);
    }

    [Fact]
    public async Task A_batch_where_every_mutation_fails_reports_each_own_error_and_never_gives_up_early()
    {
        await using var site = await TestSite.StartAsync();
        var usernames = Enumerable.Range(0, 24).Select(i => $"twice{i}").ToList();
        await site.Client.ExecuteBatchAsync(usernames.Select(u => Documents.CreateUser(site.Host, u, recoverable: false))).ToListAsync();
        var requestsBefore = site.Host.Counters.Requests;

        // A rerun: each create is a duplicate. Totara stops at the first, so every round settles one.
        var results = await site.Client.ExecuteBatchAsync(usernames.Select(u => Documents.CreateUser(site.Host, u, recoverable: false))).ToListAsync();

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.All(results, r => Assert.NotEqual("no_answer", r.Error!.Category));
        Assert.Equal(24, site.Host.Counters.Requests - requestsBefore);
    }

    [Fact]
    public async Task A_value_the_site_cannot_coerce_fails_its_alias_only()
    {
        await using var site = await TestSite.StartAsync();
        var operations = Documents.CreateUsers(site.Host, "coerce", 4);
        operations[1] = new BatchOperation(
            "core_user_create_user",
            isMutation: true,
            new[] { new BatchArgument("input", "core_user_create_user_input!", new Dictionary<string, object?> { ["username"] = "coerce_bad" }) },
            "{ user { id } }",
            tag: "coerce_bad");

        var results = await site.Client.ExecuteBatchAsync(operations).ToListAsync();

        Assert.False(results[1].Succeeded);
        Assert.Equal("coerce_bad", results[1].Operation.Tag);
        Assert.All(results.Where(r => r.Index != 1), r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(3, Documents.CountUsers(site.Host, "coerce"));
    }

    [Fact]
    public async Task Results_stream_per_batch_before_later_input_is_read()
    {
        await using var site = await TestSite.StartAsync(o => o.MaxComplexity = 200, c => c.MaxComplexity = 200);
        var read = 0;
        IEnumerable<BatchOperation> Input()
        {
            foreach (var op in Documents.CreateUsers(site.Host, "stream", 40, recoverable: false))
            {
                read++;
                yield return op;
            }
        }

        var readAtFirstResult = -1;
        await foreach (var _ in site.Client.ExecuteBatchAsync(Input()))
        {
            if (readAtFirstResult < 0) readAtFirstResult = read;
        }

        // The first batch holds 12; the 13th input is what closed it.
        Assert.Equal(13, readAtFirstResult);
        Assert.Equal(40, Documents.CountUsers(site.Host, "stream"));
    }

    [Fact]
    public async Task Queries_and_mutations_never_share_a_request()
    {
        await using var site = await TestSite.StartAsync();
        var status = new BatchOperation("totara_webapi_status", isMutation: false, Array.Empty<BatchArgument>(), "{ status }");
        var operations = new List<BatchOperation> { status, Documents.CreateUser(site.Host, "kinds_0", recoverable: false), status };

        var results = await site.Client.ExecuteBatchAsync(operations).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal("ok", results[2].Data!.Value.GetProperty("status").GetString());
        Assert.Equal(3, site.Host.Counters.Requests);
    }
}
