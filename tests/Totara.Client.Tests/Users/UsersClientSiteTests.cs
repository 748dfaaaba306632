using Totara.Client.Tests.Support;
using Totara.Client.Users;
using Totara.Emulator;

namespace Totara.Client.Tests.Users;

/// <summary>The users area against the emulator over HTTP: lost answers never duplicate, failures are per record.</summary>
public sealed class UsersClientSiteTests
{
    private static UserChange NewUser(string name) =>
        new UserChange().Set("username", name).Set("email", name + "@example.com").Set("firstname", "F").Set("lastname", "L").SetFlag("generate_password", true);

    [Fact]
    public async Task A_create_asks_back_only_id_and_username_and_completes_the_default_view_from_what_was_sent()
    {
        await using var site = await TestSite.StartAsync();
        var users = site.Client.Users;
        var sent = NewUser("lean").Set("idnumber", "E-1");
        var plain = NewUser("lean2").SetFlag("suspended", true);
        var before = site.Host.Counters.PointsSpent;

        var results = await users.RunAsync(new[] { users.Create(sent), users.Create(plain) }).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        // Two creates: 10 each, plus the user object and its two fields: 13 points a user, not 18;
        // and before them the read of which usernames exist: 5 points a username.
        Assert.Equal(26 + 2 * 5, site.Host.Counters.PointsSpent - before);
        var stored = site.Host.State.Users.GetByUsername("lean")!;
        var lean = results[0].User!;
        Assert.Equal(stored.Id, lean.Id);
        Assert.Equal(("lean", "E-1", "F", "L", "lean@example.com", false),
            (lean.Username, lean.IdNumber, lean.FirstName, lean.LastName, lean.Email, lean.Suspended));
        var second = results[1].User!;
        Assert.Equal(("", true), (second.IdNumber, second.Suspended));
        Assert.True(site.Host.State.Users.GetByUsername("lean2")!.Suspended);
        Assert.True(users.OperationsPerRequest(UserFieldSet.CreateAnswer) > users.OperationsPerRequest());
    }

    [Fact]
    public async Task A_create_given_fields_asks_for_them_and_answers_only_what_the_site_returned()
    {
        await using var site = await TestSite.StartAsync();
        var users = site.Client.Users;
        var before = site.Host.Counters.PointsSpent;

        var result = await users.RunAsync(new[] { users.Create(NewUser("full"), UserFieldSet.With(new[] { "city" })) }).SingleAsync();

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(5 + 10 + 1 + UserFieldSet.With(new[] { "city" }).CostPerUser, site.Host.Counters.PointsSpent - before);
        Assert.True(result.User!.Has("city"));
        Assert.Equal("F", result.User.FirstName);
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_found_by_username_and_not_sent_again()
    {
        await using var site = await TestSite.StartAsync();
        site.Host.Switches.EnqueueFaults(FaultKind.None, FaultKind.DropAfterExecute); // the username read, then the creates

        var results = await site.Client.Users.RunAsync(new[] { site.Client.Users.Create(NewUser("lost1")), site.Client.Users.Create(NewUser("lost2")) }).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal(new[] { "lost1", "lost2" }, results.Select(r => r.User!.Username));
        Assert.Equal(2, site.Host.Counters.MutationsExecuted);
        Assert.Equal(1, site.Host.Counters.ConnectionsDropped);
        Assert.Single(site.Host.State.Users.Snapshot(u => u.Username == "lost1"));
    }

    [Fact]
    public async Task A_create_whose_request_never_ran_is_sent_again()
    {
        await using var site = await TestSite.StartAsync();
        site.Host.Switches.EnqueueFaults(FaultKind.None, FaultKind.DropBeforeExecute); // the username read, then the create

        var result = await site.Client.Users.RunAsync(new[] { site.Client.Users.Create(NewUser("resent")) }).SingleAsync();

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, site.Host.Counters.MutationsExecuted);
        Assert.NotNull(site.Host.State.Users.GetByUsername("resent"));
    }

    [Fact]
    public async Task A_delete_whose_answer_is_lost_is_settled_by_checking_the_user_is_gone()
    {
        await using var site = await TestSite.StartAsync();
        var created = await site.Client.Users.RunAsync(new[] { site.Client.Users.Create(NewUser("gone")) }).SingleAsync();
        site.Host.Switches.EnqueueFaults(FaultKind.DropAfterExecute);

        var result = await site.Client.Users.RunAsync(new[] { site.Client.Users.Delete(UserReference.ByUsername("gone")) }).SingleAsync();

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Null(site.Host.State.Users.GetByUsername("gone"));
        Assert.Null(await site.Client.Users.GetAsync(UserReference.ById(created.User!.Id)));
    }

    [Fact]
    public async Task One_failing_record_in_a_batch_fails_alone_with_its_field_and_the_others_are_applied_once()
    {
        await using var site = await TestSite.StartAsync();
        var users = site.Client.Users;
        var operations = new[]
        {
            users.Create(NewUser("batch1")),
            users.Create(NewUser("batch2").Set("email", "batch1@example.com")),
            users.Create(NewUser("batch3")),
        };

        var results = await users.RunAsync(operations).ToListAsync();

        Assert.True(results[0].Succeeded && results[2].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Equal("email", results[1].ErrorField);
        Assert.Null(site.Host.State.Users.GetByUsername("batch2"));
        Assert.Single(site.Host.State.Users.Snapshot(u => u.Username == "batch3"));
    }

    [Fact]
    public async Task A_record_whose_reference_matches_nobody_is_sent_again_with_its_next_reference()
    {
        await using var site = await TestSite.StartAsync();
        var users = site.Client.Users;
        await users.RunAsync(new[] { users.Create(NewUser("cand1").Set("idnumber", "E-cand1")) }).ToListAsync();
        var rename = new UserChange().Set("city", "Wellington");

        var candidates = new IReadOnlyList<UserReference>?[]
        {
            new[] { UserReference.ByUsername("E-cand1"), UserReference.ByIdNumber("E-cand1") },   // a name that is an idnumber
            new[] { UserReference.ByUsername("nobody"), UserReference.ByIdNumber("nobody") },
            null,                                                                                  // a create tries nothing
        };
        var results = await users.RunByCandidatesAsync(candidates, (i, target) => i == 2 ? users.Create(NewUser("cand2")) : users.Update(target!, rename));

        Assert.True(results[0].Succeeded, results[0].Error?.Explanation);
        Assert.Equal("Wellington", site.Host.State.Users.GetByUsername("cand1")!.City);
        Assert.True(results[1].Outcome.IsNotFound);
        Assert.True(results[2].Succeeded);
    }

    [Fact]
    public async Task Get_first_tries_each_reference_in_turn_and_returns_null_when_none_matches()
    {
        await using var site = await TestSite.StartAsync();
        var users = site.Client.Users;
        await users.RunAsync(new[] { users.Create(NewUser("first1")) }).ToListAsync();

        var found = await users.GetFirstAsync(new[] { UserReference.ByUsername("nobody"), UserReference.ByUsername("first1") });
        var none = await users.GetFirstAsync(new[] { UserReference.ByUsername("nobody"), UserReference.ByIdNumber("nobody") });

        Assert.Equal("first1", found!.Username);
        Assert.Null(none);
    }

    [Fact]
    public async Task Get_returns_null_for_no_match_and_list_pages_with_filters()
    {
        await using var site = await TestSite.StartAsync();
        var users = site.Client.Users;
        await users.RunAsync(Enumerable.Range(1, 7).Select(i => users.Create(NewUser("list" + i)))).ToListAsync();
        await users.RunAsync(new[] { users.SetSuspended(UserReference.ByUsername("list3"), true) }).ToListAsync();

        Assert.Null(await users.GetAsync(UserReference.ByUsername("nobody")));
        var active = await users.ListAsync(new UserListOptions { PageSize = 2 }).Select(u => u.Username).ToListAsync();
        var suspended = await users.ListAsync(new UserListOptions { Status = UserStatusFilter.Suspended }).Select(u => u.Username).ToListAsync();

        Assert.Contains("list7", active);
        Assert.DoesNotContain("list3", active);
        Assert.Equal(new[] { "list3" }, suspended);
        Assert.Equal(active.Count, await users.CountAsync());
    }

    [Fact]
    public async Task Deletes_and_suspensions_a_later_failure_nulled_cost_one_read_back_request_at_most()
    {
        await using var site = await TestSite.StartAsync();
        var users = site.Client.Users;
        var made = await users.RunAsync(Enumerable.Range(0, 6).Select(i => users.Create(NewUser("late" + i)))).ToListAsync();
        var ids = made.Select(r => r.User!.Id).ToList();
        var operations = new List<BatchOperation>
        {
            users.SetSuspended(UserReference.ById(ids[0]), true),
            users.SetSuspended(UserReference.ByUsername("late1"), true),
        };
        operations.AddRange(ids.Skip(2).Select(id => users.Delete(UserReference.ById(id))));
        operations.Add(users.Delete(UserReference.ByUsername("nobody-at-all")));
        var requestsBefore = site.Host.Counters.Requests;

        var results = await users.RunAsync(operations).ToListAsync();

        // The batch, then one query reading back both suspended users; the deletes answer with the ids they were given.
        Assert.Equal(2, site.Host.Counters.Requests - requestsBefore);
        Assert.All(results.Take(6), r => Assert.True(r.Succeeded, r.ToString()));
        Assert.False(results[6].Succeeded);
        Assert.Equal(new[] { ((string?)"late0", (bool?)true), ("late1", true) }, results.Take(2).Select(r => (r.User!.Username, r.User.Suspended)));
        Assert.Equal(ids.Skip(2).Select(id => (long?)id), results.Skip(2).Take(4).Select(r => r.DeletedUserId));
        Assert.All(ids.Skip(2), id => Assert.Null(site.Host.State.Users.GetById(id)));
    }
}
