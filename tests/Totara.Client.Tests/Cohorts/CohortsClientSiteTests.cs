using Totara.Client.Cohorts;
using Totara.Client.Tests.Support;
using Totara.Client.Users;
using Totara.Emulator;
using UserRecord = Totara.Emulator.Domain.UserRecord;

namespace Totara.Client.Tests.Cohorts;

/// <summary>The audiences area against the emulator over HTTP: exact outcomes, fallbacks, lookups and lists.</summary>
public sealed class CohortsClientSiteTests
{
    private static async Task<(TestSite Site, long[] Users)> SiteAsync(int users = 4, ResponseDebug level = ResponseDebug.Normal)
    {
        var site = await TestSite.StartAsync(o => o.ResponseDebug = level);
        var state = site.Host.State;
        var ids = new long[users];
        for (var i = 0; i < users; i++)
        {
            ids[i] = state.Users.NextId();
            state.Users.Add(new UserRecord { Id = ids[i], Username = "u" + i, Email = $"u{i}@example.org", FirstName = "U", LastName = "Ser", IdNumber = "E" + i });
        }
        return (site, ids);
    }

    private static UserRequest Named(string text) =>
        new(new[] { UserReference.ByUsername(text), UserReference.ByIdNumber(text) }, text);

    [Fact]
    public async Task Add_says_Added_only_for_users_it_added_and_sends_no_mutation_for_members()
    {
        var (site, users) = await SiteAsync();
        await using var _ = site;
        var cohort = site.Host.State.Cohorts.Add("Sales", "SALES");
        site.Host.State.Cohorts.AddMember(cohort.Id, users[1]);
        var client = site.Client.Cohorts;

        var results = await client.RunMembershipAsync(CohortReference.ByIdNumber("SALES"), CohortMembershipAction.Add,
            new[] { Named("u0"), Named("u1"), Named("u2") });

        Assert.Equal(new CohortMembershipOutcome?[] { CohortMembershipOutcome.Added, CohortMembershipOutcome.AlreadyMember, CohortMembershipOutcome.Added },
            results.Select(r => r.Outcome));
        Assert.Equal(new long?[] { users[0], null, users[2] }, results.Select(r => r.UserId));
        Assert.Equal(2, site.Host.Counters.MutationsExecuted);
        Assert.Equal(3, site.Host.State.Cohorts.MemberCount(cohort.Id));
    }

    [Theory]
    [InlineData(ResponseDebug.Normal)]
    [InlineData(ResponseDebug.None)] // no text: the user is read alone to tell which reference failed
    public async Task A_string_that_is_not_a_username_is_tried_as_an_idnumber_and_one_matching_nothing_fails_alone(ResponseDebug level)
    {
        var (site, users) = await SiteAsync(level: level);
        await using var _ = site;
        var cohort = site.Host.State.Cohorts.Add("Sales", "SALES");
        var client = site.Client.Cohorts;

        var results = await client.RunMembershipAsync(CohortReference.ById(cohort.Id), CohortMembershipAction.Add,
            new[] { Named("E3"), Named("nobody"), Named("u0") });

        Assert.Equal(CohortMembershipOutcome.Added, results[0].Outcome);
        Assert.Equal(UserReference.ByIdNumber("E3"), results[0].Tried);
        Assert.True(results[1].UserNotFound);
        Assert.Equal("nobody", results[1].Request.Tag);
        Assert.Equal(CohortMembershipOutcome.Added, results[2].Outcome);
        Assert.True(site.Host.State.Cohorts.IsMember(cohort.Id, users[3]));
    }

    [Fact]
    public async Task At_none_a_missing_audience_is_not_taken_for_a_missing_user()
    {
        var (site, _) = await SiteAsync(level: ResponseDebug.None);
        await using var _site = site;
        var client = site.Client.Cohorts;

        var results = await client.RunMembershipAsync(CohortReference.ByIdNumber("NO_SUCH"), CohortMembershipAction.Test, new[] { Named("u0") });

        var result = Assert.Single(results);
        Assert.False(result.Succeeded);
        Assert.False(result.UserNotFound);
        Assert.Equal(UserReference.ByUsername("u0"), result.Tried);
    }

    [Fact]
    public async Task Remove_and_Test_report_exact_outcomes()
    {
        var (site, users) = await SiteAsync();
        await using var _ = site;
        var cohort = site.Host.State.Cohorts.Add("Sales", "SALES");
        site.Host.State.Cohorts.AddMember(cohort.Id, users[0]);
        var client = site.Client.Cohorts;
        var reference = CohortReference.ById(cohort.Id);

        var tested = await client.RunMembershipAsync(reference, CohortMembershipAction.Test, new[] { Named("u0"), Named("u1") });
        var removed = await client.RunMembershipAsync(reference, CohortMembershipAction.Remove, new[] { Named("u0"), Named("u1") });

        Assert.Equal(new[] { true, false }, tested.Select(r => r.IsMember));
        Assert.Equal(new CohortMembershipOutcome?[] { CohortMembershipOutcome.Removed, CohortMembershipOutcome.WasNotMember }, removed.Select(r => r.Outcome));
        Assert.Equal(0, site.Host.State.Cohorts.MemberCount(cohort.Id));
        Assert.Equal(1, site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task A_lost_answer_to_the_membership_test_is_asked_again_and_nothing_is_added_twice()
    {
        var (site, users) = await SiteAsync();
        await using var _ = site;
        var cohort = site.Host.State.Cohorts.Add("Sales", "SALES");
        var client = site.Client.Cohorts;
        site.Host.Switches.EnqueueFaults(FaultKind.DropAfterExecute);

        var results = await client.RunMembershipAsync(CohortReference.ById(cohort.Id), CohortMembershipAction.Add, new[] { Named("u0"), Named("u1") });

        Assert.All(results, r => Assert.Equal(CohortMembershipOutcome.Added, r.Outcome));
        Assert.Equal(1, site.Host.Counters.ConnectionsDropped);
        Assert.Equal(2, site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task Find_prefers_an_id_or_idnumber_over_a_name_and_resolve_refuses_a_shared_name()
    {
        var (site, _) = await SiteAsync(0);
        await using var __ = site;
        var cohorts = site.Host.State.Cohorts;
        var first = cohorts.Add("Twins", "T1");
        cohorts.Add("Twins", "T2");
        var named = cohorts.Add("T1", "OTHER");
        cohorts.Add("Rules", "DYN", isDynamic: true);
        var client = site.Client.Cohorts;

        Assert.Equal(first.Id, Assert.Single(await client.FindAsync("T1")).Id);
        Assert.Equal(named.Id, Assert.Single(await client.FindAsync("OTHER")).Id);
        Assert.Equal(2, (await client.FindAsync("Twins")).Count);
        var ambiguous = await Assert.ThrowsAsync<CohortNotFoundException>(() => client.ResolveAsync("Twins", allowUnlisted: false));
        Assert.True(ambiguous.Ambiguous);
        await Assert.ThrowsAsync<CohortNotFoundException>(() => client.ResolveAsync("DYN", allowUnlisted: false));
        var (dynamic, data) = await client.ResolveAsync("DYN", allowUnlisted: true);
        Assert.Equal(("DYN", (CohortData?)null), (dynamic.IdNumber, data));
    }

    [Fact]
    public async Task The_list_streams_static_audiences_across_pages_and_filters_by_tag()
    {
        var (site, _) = await SiteAsync(0);
        await using var __ = site;
        var cohorts = site.Host.State.Cohorts;
        for (var i = 0; i < 5; i++) cohorts.Add("A" + i, "A" + i).Tags.Add(i % 2 == 0 ? "even" : "odd");
        cohorts.Add("Rules", "DYN", isDynamic: true);
        var client = site.Client.Cohorts;

        var all = await client.ListAsync(new CohortListOptions { PageSize = 2 }).ToListAsync();
        var even = await client.ListAsync(new CohortListOptions { Tag = "even" }).ToListAsync();

        Assert.Equal(new[] { "A0", "A1", "A2", "A3", "A4" }, all.Select(c => c.IdNumber));
        Assert.Equal(new[] { "A0", "A2", "A4" }, even.Select(c => c.IdNumber));
        Assert.All(all, c => Assert.Equal("STATIC", c.Type));
    }

    [Fact]
    public async Task Changes_whose_answer_a_later_failure_nulled_are_read_back_in_one_request()
    {
        var (site, users) = await SiteAsync(6);
        await using var _ = site;
        var cohort = site.Host.State.Cohorts.Add("Sales", "SALES");
        site.Host.State.Cohorts.AddMember(cohort.Id, users[5]);
        var client = site.Client.Cohorts;
        var sales = CohortReference.ByIdNumber("SALES");
        var operations = Enumerable.Range(0, 5).Select(i => client.Mutation(sales, add: true, UserReference.ByUsername("u" + i), i)).ToList();
        operations.Insert(2, client.Mutation(sales, add: false, UserReference.ById(users[5]), 5));
        operations.Add(client.Mutation(sales, add: true, UserReference.ByUsername("nobody"), 6));
        var requestsBefore = site.Host.Counters.Requests;

        var results = await site.Client.ExecuteBatchAsync(operations).ToListAsync();

        // The batch, then one query reading back the six users whose changes ran before the failure.
        Assert.Equal(2, site.Host.Counters.Requests - requestsBefore);
        Assert.All(results.Take(6), r => Assert.True(r.Succeeded, r.ToString()));
        Assert.False(results[6].Succeeded);
        var expected = new[] { 0, 1, 5, 2, 3, 4 }.Select(i => (users[i].ToString(), "u" + i));
        Assert.Equal(expected, results.Take(6).Select(r => r.Data!.Value.GetProperty("user"))
            .Select(u => (u.GetProperty("id").ToString(), u.GetProperty("username").GetString()!)));
        Assert.All(results.Take(6), r => Assert.True(r.Data!.Value.GetProperty("success").GetBoolean()));
        Assert.Equal(5, site.Host.State.Cohorts.MemberCount(cohort.Id));
    }
}
