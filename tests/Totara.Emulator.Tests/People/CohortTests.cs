using Totara.Emulator.Tests.TestSupport;
using static Totara.Emulator.Tests.People.PeopleApi;

namespace Totara.Emulator.Tests.People;

public class CohortTests
{
    private const string Add = """
        mutation ($u: core_user_user_reference!, $c: core_cohort_cohort_reference!) {
          core_cohort_add_cohort_member(user: $u, cohort: $c) { success was_already_member user { username } cohort { idnumber type members_count } }
        }
        """;

    private const string Remove = """
        mutation ($u: core_user_user_reference!, $c: core_cohort_cohort_reference!) {
          core_cohort_remove_cohort_member(user: $u, cohort: $c) { success user_was_member }
        }
        """;

    private const string IsMember = """
        query ($u: core_user_user_reference!, $c: core_cohort_cohort_reference!) { core_cohort_is_user_member(user: $u, cohort: $c) { user_is_member } }
        """;

    [Fact]
    public async Task Add_is_member_and_remove_report_what_changed()
    {
        await using var host = await UserQueryTests.StartAsync();
        using var client = UserQueryTests.Client(host);
        var cohort = host.State.Cohorts.Add("Sales", "AUD-SALES");
        await client.CreateUserAsync("member1");
        var vars = new { u = new { username = "member1" }, c = new { idnumber = "AUD-SALES" } };

        Assert.False((await client.DataAsync("core_cohort_is_user_member", IsMember, vars)).GetProperty("user_is_member").GetBoolean());

        var added = await client.DataAsync("core_cohort_add_cohort_member", Add, vars);
        Assert.True(added.GetProperty("success").GetBoolean());
        Assert.False(added.GetProperty("was_already_member").GetBoolean());
        Assert.Equal("STATIC", added.GetProperty("cohort").GetProperty("type").GetString());
        Assert.Equal(1, added.GetProperty("cohort").GetProperty("members_count").GetInt32());

        // Adding again changes nothing: cohort_add_cohort_member says success = true, was_already_member = true.
        var again = await client.DataAsync("core_cohort_add_cohort_member", Add, new { vars.u, c = new { id = cohort.Id } });
        Assert.True(again.GetProperty("success").GetBoolean());
        Assert.True(again.GetProperty("was_already_member").GetBoolean());
        Assert.True((await client.DataAsync("core_cohort_is_user_member", IsMember, vars)).GetProperty("user_is_member").GetBoolean());

        var removed = await client.DataAsync("core_cohort_remove_cohort_member", Remove, vars);
        Assert.True(removed.GetProperty("success").GetBoolean());
        Assert.True(removed.GetProperty("user_was_member").GetBoolean());

        var removedAgain = await client.DataAsync("core_cohort_remove_cohort_member", Remove, vars);
        Assert.True(removedAgain.GetProperty("success").GetBoolean());
        Assert.False(removedAgain.GetProperty("user_was_member").GetBoolean());
        Assert.False(host.State.Cohorts.IsMember(cohort.Id, host.State.Users.GetByUsername("member1")!.Id));
    }

    [Fact]
    public async Task Dynamic_audiences_refuse_member_changes()
    {
        await using var host = await UserQueryTests.StartAsync();
        using var client = UserQueryTests.Client(host);
        host.State.Cohorts.Add("Managers", "AUD-DYN", isDynamic: true);
        await client.CreateUserAsync("dyn1");
        var vars = new { u = new { username = "dyn1" }, c = new { idnumber = "AUD-DYN" } };
        Assert.Equal("You can only add member to static audience.", await client.ErrorAsync(Add, vars));
        Assert.Equal("You can only remove member from static audience.", await client.ErrorAsync(Remove, vars));
    }

    [Fact]
    public async Task Cohort_references_need_exactly_one_audience()
    {
        await using var host = await UserQueryTests.StartAsync();
        using var client = UserQueryTests.Client(host);
        host.State.Cohorts.Add("One", "DUP");
        host.State.Cohorts.Add("Two", "DUP");
        await client.CreateUserAsync("ref1");
        Assert.Equal("Cohort reference not found", await client.ErrorAsync(Add, new { u = new { username = "ref1" }, c = new { idnumber = "NOPE" } }));
        Assert.Equal("Cohort reference must resolve one record only", await client.ErrorAsync(Add, new { u = new { username = "ref1" }, c = new { idnumber = "DUP" } }));
        Assert.Equal("Cohort reference columns are not being passed.", await client.ErrorAsync(Add, new { u = new { username = "ref1" }, c = new { } }));
        Assert.Equal("User reference not found", await client.ErrorAsync(Add, new { u = new { username = "ghost" }, c = new { idnumber = "NOPE" } }));
    }

    [Fact]
    public async Task Static_cohorts_are_paged_and_exclude_dynamic_ones()
    {
        await using var host = await UserQueryTests.StartAsync();
        using var client = UserQueryTests.Client(host);
        for (var i = 0; i < 7; i++)
        {
            host.State.Cohorts.Add($"Static {i}", $"S{i}");
        }

        host.State.Cohorts.Add("Dynamic", "D1", isDynamic: true);
        const string query = "query ($q: core_cohort_static_cohorts_query) { core_cohort_static_cohorts(query: $q) { items { idnumber type } total next_cursor } }";
        var first = await client.DataAsync("core_cohort_static_cohorts", query, new { q = new { pagination = new { limit = 4 } } });
        var second = await client.DataAsync("core_cohort_static_cohorts", query, new { q = new { pagination = new { cursor = first.GetProperty("next_cursor").GetString() } } });
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(c => c.GetProperty("idnumber").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"S{i}"), ids);
        Assert.Equal(7, first.GetProperty("total").GetInt32());
        Assert.Equal("", second.GetProperty("next_cursor").GetString());
    }

    [Fact]
    public async Task Deleting_a_user_removes_their_memberships()
    {
        await using var host = await UserQueryTests.StartAsync();
        using var client = UserQueryTests.Client(host);
        var cohort = host.State.Cohorts.Add("All", "ALL");
        await client.CreateUserAsync("leaver");
        await client.DataAsync("core_cohort_add_cohort_member", Add, new { u = new { username = "leaver" }, c = new { idnumber = "ALL" } });
        await client.DataAsync("core_user_delete_user", "mutation { core_user_delete_user(target_user: {username: \"leaver\"}) { user_id } }");
        Assert.Equal(0, host.State.Cohorts.MemberCount(cohort.Id));
    }
}
