using System.Text.Json;
using Totara.Emulator.Domain;
using Totara.Emulator.Tests.TestSupport;
using static Totara.Emulator.Tests.People.PeopleApi;

namespace Totara.Emulator.Tests.People;

public class JobAssignmentTests
{
    private const string Create = """
        mutation ($input: totara_job_create_job_assignment_input!) {
          totara_job_create_job_assignment(input: $input) {
            job_assignment { id idnumber fullname user { username } position { idnumber } organisation { idnumber }
              managerja { idnumber user { username } } tempmanagerja { idnumber } tempmanagerexpirydate appraiser { username } staffcount }
          }
        }
        """;

    private const string Update = """
        mutation ($t: totara_job_job_assignment_reference!, $input: totara_job_update_job_assignment_input!) {
          totara_job_update_job_assignment(target_job: $t, input: $input) { job_assignment { id idnumber fullname managerjaid position { idnumber } } }
        }
        """;

    private const string Delete = """
        mutation ($t: totara_job_job_assignment_reference!) { totara_job_delete_job_assignment(target_job: $t) { job_assignment_id } }
        """;

    [Fact]
    public async Task Creates_a_job_with_position_organisation_manager_appraiser_and_temporary_manager()
    {
        await using var host = await SiteAsync();
        using var client = UserQueryTests.Client(host);
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "boss" }, idnumber = "B1" } });

        var expiry = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds();
        var job = (await client.DataAsync("totara_job_create_job_assignment", Create, new
        {
            input = new
            {
                user = new { idnumber = "E-worker" }, idnumber = "W1", fullname = "Analyst",
                position = new { idnumber = "POS1" }, organisation = new { idnumber = "ORG1" },
                manager = new { idnumber = "B1", user = new { username = "boss" } },
                temp_manager = new { idnumber = "B1" }, temp_manager_expiry_date = expiry,
                appraiser = new { username = "boss" },
            },
        })).GetProperty("job_assignment");

        Assert.Equal("Analyst", job.GetProperty("fullname").GetString());
        Assert.Equal("worker", job.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("POS1", job.GetProperty("position").GetProperty("idnumber").GetString());
        Assert.Equal("ORG1", job.GetProperty("organisation").GetProperty("idnumber").GetString());
        Assert.Equal("boss", job.GetProperty("managerja").GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("B1", job.GetProperty("tempmanagerja").GetProperty("idnumber").GetString());
        Assert.Equal(expiry.ToString(), job.GetProperty("tempmanagerexpirydate").ToString().Trim('"'));
        Assert.Equal("boss", job.GetProperty("appraiser").GetProperty("username").GetString());

        var manager = host.State.Jobs.Resolve(host.State, new Dictionary<string, object?> { ["idnumber"] = "B1" });
        Assert.Equal(1, host.State.Jobs.StaffCount(manager.Id));
    }

    [Fact]
    public async Task Idnumber_is_unique_per_user_only()
    {
        await using var host = await SiteAsync();
        using var client = UserQueryTests.Client(host);
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "boss" }, idnumber = "1" } });
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "worker" }, idnumber = "1" } });
        Assert.Equal("Tried to create job assignment idnumber which is not unique for this user",
            await client.ErrorAsync(Create, new { input = new { user = new { username = "boss" }, idnumber = "1" } }));

        // idnumber "1" alone now names two assignments; with the user it names one.
        Assert.Equal("Job assignment reference must resolve one record only", await client.ErrorAsync(Delete, new { t = new { idnumber = "1" } }));
        await client.DataAsync("totara_job_delete_job_assignment", Delete, new { t = new { idnumber = "1", user = new { username = "worker" } } });
    }

    [Fact]
    public async Task Refuses_unknown_users_positions_organisations_and_managers()
    {
        await using var host = await SiteAsync();
        using var client = UserQueryTests.Client(host);
        Assert.Equal("The user does not exist or you do not have permission to create a job assignment.",
            await client.ErrorAsync(Create, new { input = new { user = new { username = "nobody" }, idnumber = "X" } }));
        Assert.Equal("Position reference not found",
            await client.ErrorAsync(Create, new { input = new { user = new { username = "worker" }, idnumber = "X", position = new { idnumber = "NOPE" } } }));
        Assert.Equal("Position reference must resolve one record only",
            await client.ErrorAsync(Create, new { input = new { user = new { username = "worker" }, idnumber = "X", position = new { idnumber = "POS-DUP" } } }));
        Assert.Equal("Organisation reference not found",
            await client.ErrorAsync(Create, new { input = new { user = new { username = "worker" }, idnumber = "X", organisation = new { id = 999 } } }));
        Assert.Equal("Manager reference not found",
            await client.ErrorAsync(Create, new { input = new { user = new { username = "worker" }, idnumber = "X", manager = new { idnumber = "NOPE" } } }));
        Assert.Equal("Appraiser reference not found",
            await client.ErrorAsync(Create, new { input = new { user = new { username = "worker" }, idnumber = "X", appraiser = new { username = "nope" } } }));
        Assert.Empty(host.State.Jobs.ForUser(host.State.Users.GetByUsername("worker")!.Id));
    }

    [Fact]
    public async Task Refuses_self_management_loops_and_bad_dates()
    {
        await using var host = await SiteAsync();
        using var client = UserQueryTests.Client(host);
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "boss" }, idnumber = "B1" } });
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "worker" }, idnumber = "W1", manager = new { idnumber = "B1" } } });
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "intern" }, idnumber = "I1", manager = new { idnumber = "W1" } } });

        Assert.Equal("The user cannot be assigned as their own manager.",
            await client.ErrorAsync(Create, new { input = new { user = new { username = "boss" }, idnumber = "B2", manager = new { idnumber = "B1" } } }));
        // boss -> intern would close boss > worker > intern > boss.
        Assert.Equal("Tried to create a manager path loop in job_assignment::calculate_managerjapath",
            await client.ErrorAsync(Update, new { t = new { idnumber = "B1" }, input = new { manager = new { idnumber = "I1" } } }));
        Assert.Null(host.State.Jobs.Resolve(host.State, new Dictionary<string, object?> { ["idnumber"] = "B1" }).ManagerJaId);

        Assert.Equal("The start date can not be later than the end date.",
            await client.ErrorAsync(Create, new { input = new { user = new { username = "worker" }, idnumber = "W2", start_date = 2000, end_date = 1000 } }));
        Assert.Equal("A temporary manager expiry date is required.",
            await client.ErrorAsync(Update, new { t = new { idnumber = "W1" }, input = new { temp_manager = new { idnumber = "I1" } } }));
        Assert.Equal("The temporary manager expiry date can not be in the past.",
            await client.ErrorAsync(Update, new { t = new { idnumber = "W1" }, input = new { temp_manager = new { idnumber = "I1" }, temp_manager_expiry_date = 1000 } }));
        Assert.Equal("The user can not be their own appraiser!",
            await client.ErrorAsync(Update, new { t = new { idnumber = "W1" }, input = new { appraiser = new { username = "worker" } } }));
    }

    [Fact]
    public async Task Updates_fields_and_clears_a_manager_given_as_null()
    {
        await using var host = await SiteAsync();
        using var client = UserQueryTests.Client(host);
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "boss" }, idnumber = "B1" } });
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "worker" }, idnumber = "W1", manager = new { idnumber = "B1" } } });

        var updated = (await client.DataAsync("totara_job_update_job_assignment", Update, new
        {
            t = new { idnumber = "W1" },
            input = new { idnumber = "W1-new", fullname = "Senior analyst", position = new { idnumber = "POS1" } },
        })).GetProperty("job_assignment");
        Assert.Equal("W1-new", updated.GetProperty("idnumber").GetString());
        Assert.Equal("Senior analyst", updated.GetProperty("fullname").GetString());
        Assert.Equal("POS1", updated.GetProperty("position").GetProperty("idnumber").GetString());
        Assert.NotEqual(JsonValueKind.Null, updated.GetProperty("managerjaid").ValueKind);

        var cleared = (await client.DataAsync("totara_job_update_job_assignment", Update, new
        {
            t = new { idnumber = "W1-new" },
            input = new Dictionary<string, object?> { ["manager"] = null },
        })).GetProperty("job_assignment");
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("managerjaid").ValueKind);
    }

    [Fact]
    public async Task Deleting_a_managers_job_clears_the_staffs_manager_and_the_list_pages_all_jobs()
    {
        await using var host = await SiteAsync();
        using var client = UserQueryTests.Client(host);
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "boss" }, idnumber = "B1" } });
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "worker" }, idnumber = "W1", manager = new { idnumber = "B1" } } });
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "intern" }, idnumber = "I1", manager = new { idnumber = "B1" } } });

        const string list = "query ($q: totara_job_job_assignments_query) { totara_job_job_assignments(query: $q) { items { idnumber managerjaid } total next_cursor } }";
        var first = await client.DataAsync("totara_job_job_assignments", list, new { q = new { pagination = new { limit = 2 } } });
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        var second = await client.DataAsync("totara_job_job_assignments", list, new { q = new { pagination = new { cursor = first.GetProperty("next_cursor").GetString() } } });
        Assert.Equal(new[] { "B1", "W1", "I1" }, first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(j => j.GetProperty("idnumber").GetString()));

        await client.DataAsync("totara_job_delete_job_assignment", Delete, new { t = new { idnumber = "B1" } });
        var after = await client.DataAsync("totara_job_job_assignments", list);
        Assert.Equal(2, after.GetProperty("total").GetInt32());
        Assert.All(after.GetProperty("items").EnumerateArray(), j => Assert.Equal(JsonValueKind.Null, j.GetProperty("managerjaid").ValueKind));
        Assert.Equal("Job assignment reference not found", await client.ErrorAsync(Delete, new { t = new { idnumber = "B1" } }));
    }

    [Fact]
    public async Task A_users_job_assignments_show_on_core_user()
    {
        await using var host = await SiteAsync();
        using var client = UserQueryTests.Client(host);
        await client.DataAsync("totara_job_create_job_assignment", Create, new { input = new { user = new { username = "worker" }, idnumber = "W1", position = new { idnumber = "POS1" } } });
        var user = await client.DataAsync("core_user_user", "query { core_user_user(reference: {username: \"worker\"}) { user { job_assignments { idnumber position { fullname framework { idnumber } } } } } }");
        var job = Assert.Single(user.GetProperty("user").GetProperty("job_assignments").EnumerateArray());
        Assert.Equal("W1", job.GetProperty("idnumber").GetString());
        Assert.Equal("Analyst", job.GetProperty("position").GetProperty("fullname").GetString());
        Assert.Equal("POSFW", job.GetProperty("position").GetProperty("framework").GetProperty("idnumber").GetString());
    }

    /// <summary>A site with users boss, worker (idnumber E-worker), intern, positions POS1 / POS-DUP (twice), organisation ORG1.</summary>
    private static async Task<EmulatorHost> SiteAsync()
    {
        var host = await UserQueryTests.StartAsync();
        foreach (var name in new[] { "boss", "worker", "intern" })
        {
            host.State.Users.Add(new UserRecord { Id = host.State.Users.NextId(), Username = name, Email = name + "@example.org", FirstName = name, LastName = "Test", IdNumber = "E-" + name });
        }

        var positions = host.State.Positions.AddFramework("Roles", "POSFW");
        host.State.Positions.AddItem(positions, "Analyst", "POS1");
        host.State.Positions.AddItem(positions, "Twin A", "POS-DUP");
        host.State.Positions.AddItem(positions, "Twin B", "POS-DUP");
        var organisations = host.State.Organisations.AddFramework("Company", "ORGFW");
        host.State.Organisations.AddItem(organisations, "Head office", "ORG1");
        return host;
    }
}
