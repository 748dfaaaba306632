using System.Text.Json;
using Totara.Emulator.Tests.TestSupport;
using static Totara.Emulator.Tests.People.PeopleApi;

namespace Totara.Emulator.Tests.People;

public class UserMutationTests : IClassFixture<EmulatorFixture>
{
    private const string UpdateUser = """
        mutation ($target: core_user_user_reference!, $input: core_user_update_user_input!) {
          core_user_update_user(target_user: $target, input: $input) { user { id username email suspended department custom_fields { shortname data } } }
        }
        """;

    private const string DeleteUser = """
        mutation ($target: core_user_user_reference!) { core_user_delete_user(target_user: $target) { user_id } }
        """;

    private readonly EmulatorFixture _fixture;

    public UserMutationTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Creates_a_user_that_can_then_be_read_by_every_reference_column()
    {
        using var client = _fixture.CreateClient();
        var name = Unique("ann");
        var created = await client.CreateUserAsync(name, new { idnumber = "ID-" + name, department = "Sales" });
        var id = created.GetProperty("id").GetString() ?? created.GetProperty("id").GetRawText();
        Assert.False(created.GetProperty("suspended").GetBoolean());

        foreach (var reference in new object[] { new { id }, new { username = name }, new { email = name + "@example.org" }, new { idnumber = "ID-" + name } })
        {
            var user = await client.DataAsync("core_user_user", "query ($r: core_user_user_reference!) { core_user_user(reference: $r) { user { username department } } }", new { r = reference });
            Assert.Equal(name, user.GetProperty("user").GetProperty("username").GetString());
            Assert.Equal("Sales", user.GetProperty("user").GetProperty("department").GetString());
        }
    }

    [Fact]
    public async Task Refuses_duplicate_username_idnumber_and_email_with_totaras_messages()
    {
        using var client = _fixture.CreateClient();
        var name = Unique("dup");
        await client.CreateUserAsync(name, new { idnumber = "X-" + name });

        Assert.Equal("Username already exists: " + name,
            await client.ErrorAsync(CreateUser, new { input = NewUserInput(name, new { email = "other-" + name + "@example.org" }) }));
        Assert.Equal("Idnumber already exists: X-" + name,
            await client.ErrorAsync(CreateUser, new { input = NewUserInput(name + "b", new { idnumber = "X-" + name }) }));
        Assert.Equal($"Email address already exists: {name}@example.org",
            await client.ErrorAsync(CreateUser, new { input = NewUserInput(name + "c", new { email = name + "@example.org" }) }));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.org")]
    [InlineData("nodomain@")]
    public async Task Refuses_a_malformed_email(string email)
    {
        using var client = _fixture.CreateClient();
        var message = await client.ErrorAsync(CreateUser, new { input = NewUserInput(Unique("em"), new { email }) });
        Assert.True(message == "Invalid email format: " + email || message.Contains("param_email", StringComparison.Ordinal) || message.Contains(email, StringComparison.Ordinal),
            message);
    }

    [Fact]
    public async Task Requires_a_password_unless_one_is_generated_or_the_auth_is_external()
    {
        using var client = _fixture.CreateClient();
        var input = NewUserInput(Unique("nopw"));
        input.Remove("password");
        Assert.Equal("Coding error detected, it must be fixed by a programmer: Required parameter - password not being passed",
            await client.ErrorAsync(CreateUser, new { input }));

        input["generate_password"] = true;
        await client.DataAsync("core_user_create_user", CreateUser, new { input });

        var ldap = NewUserInput(Unique("ldap"), new { auth = "ldap" });
        ldap.Remove("password");
        await client.DataAsync("core_user_create_user", CreateUser, new { input = ldap });
    }

    [Theory]
    [InlineData("firstname", "   ", "Firstname can not be blank")]
    [InlineData("username", "Upper.Case", "Only lowercase letters allowed")]
    [InlineData("username", "sp ace", "The username can only contain alphanumeric lowercase characters (letters and numbers), underscore (_), hyphen (-), period (.) or at symbol (@).")]
    [InlineData("country", "Narnia", "Country does not exist: Narnia")]
    [InlineData("auth", "magic", "Auth plugin does not exist: magic")]
    public async Task Refuses_invalid_fields_naming_the_value(string field, string value, string expected)
    {
        using var client = _fixture.CreateClient();
        var input = NewUserInput(Unique("bad"));
        input[field] = value;
        Assert.Equal(expected, await client.ErrorAsync(CreateUser, new { input }));
    }

    [Fact]
    public async Task Sets_known_custom_fields_and_refuses_unknown_ones()
    {
        using var client = _fixture.CreateClient();
        _fixture.Host.State.UserProfileFields.Define(new Domain.UserProfileField("costcentre", "Cost centre", "text"));
        var name = Unique("cf");
        var input = NewUserInput(name);
        input["custom_fields"] = new[] { new { shortname = "costcentre", data = "CC42" } };
        await client.DataAsync("core_user_create_user", CreateUser, new { input });

        var updated = await client.DataAsync("core_user_update_user", UpdateUser,
            new { target = new { username = name }, input = new { department = "Finance" } });
        var fields = updated.GetProperty("user").GetProperty("custom_fields");
        Assert.Equal("costcentre", fields[0].GetProperty("shortname").GetString());
        Assert.Equal("CC42", fields[0].GetProperty("data").GetString());

        var bad = NewUserInput(Unique("cf"));
        bad["custom_fields"] = new[] { new { shortname = "nosuchfield", data = "x" } };
        Assert.Equal("The custom field does not exist.", await client.ErrorAsync(CreateUser, new { input = bad }));
    }

    [Fact]
    public async Task Update_changes_fields_and_keeps_uniqueness_against_other_users_only()
    {
        using var client = _fixture.CreateClient();
        var a = Unique("upa");
        var b = Unique("upb");
        await client.CreateUserAsync(a);
        await client.CreateUserAsync(b);

        // Re-sending one's own email is not a clash.
        var same = await client.DataAsync("core_user_update_user", UpdateUser, new { target = new { username = a }, input = new { email = a + "@example.org", department = "Ops" } });
        Assert.Equal("Ops", same.GetProperty("user").GetProperty("department").GetString());

        Assert.Equal($"Email address already exists: {b}@example.org",
            await client.ErrorAsync(UpdateUser, new { target = new { username = a }, input = new { email = b + "@example.org" } }));
    }

    [Fact]
    public async Task The_service_account_cannot_suspend_or_delete_itself()
    {
        using var client = _fixture.CreateClient();
        var self = new { username = "api_service" };
        Assert.Equal("A service account user is not allowed to suspend itself when making a request.",
            await client.ErrorAsync(UpdateUser, new { target = self, input = new { suspended = true } }));
        Assert.Equal("A service account user is not allowed to delete itself when making a request.",
            await client.ErrorAsync(DeleteUser, new { target = self }));
    }

    [Fact]
    public async Task Admin_and_guest_cannot_be_deleted()
    {
        using var client = _fixture.CreateClient();
        Assert.Equal("For deleting a user: Admin user can not be specified for User.",
            await client.ErrorAsync(DeleteUser, new { target = new { id = 2 } }));
        Assert.Equal("For deleting a user: Guest user can not be specified for User.",
            await client.ErrorAsync(DeleteUser, new { target = new { username = "guest" } }));
        Assert.Equal("The admin user cannot be suspended.",
            await client.ErrorAsync(UpdateUser, new { target = new { username = "admin" }, input = new { suspended = true } }));
    }

    [Fact]
    public async Task A_deleted_user_vanishes_from_references_and_frees_its_keys()
    {
        using var client = _fixture.CreateClient();
        var name = Unique("del");
        var created = await client.CreateUserAsync(name, new { idnumber = "D-" + name });
        var deleted = await client.DataAsync("core_user_delete_user", DeleteUser, new { target = new { idnumber = "D-" + name } });
        Assert.Equal(created.GetProperty("id").ToString(), deleted.GetProperty("user_id").ToString());

        Assert.Equal("User reference not found",
            await client.ErrorAsync("query ($r: core_user_user_reference!) { core_user_user(reference: $r) { user { id } } }", new { r = new { username = name } }));
        Assert.Equal("There was a problem finding a single user record match or you do not have sufficient capabilities.",
            await client.ErrorAsync(DeleteUser, new { target = new { username = name } }));

        // The username, idnumber and email are free again.
        await client.CreateUserAsync(name, new { idnumber = "D-" + name });
    }

    [Fact]
    public async Task A_bad_alias_stops_the_request_there_earlier_aliases_stay_applied_later_ones_never_run()
    {
        using var client = _fixture.CreateClient();
        var taken = Unique("tk");
        await client.CreateUserAsync(taken);
        var before = Unique("g");
        var after = Unique("g");
        const string batch = """
            mutation ($a: core_user_create_user_input!, $b: core_user_create_user_input!, $c: core_user_create_user_input!) {
              a: core_user_create_user(input: $a) { user { username } }
              b: core_user_create_user(input: $b) { user { username } }
              c: core_user_create_user(input: $c) { user { username } }
            }
            """;
        var mutationsBefore = _fixture.Host.Counters.MutationsExecuted;
        using var response = await client.PostAsync(batch, new
        {
            a = NewUserInput(before),
            b = NewUserInput(taken, new { email = Unique("x") + "@example.org" }),
            c = NewUserInput(after),
        });

        // The root fields are non-null (core_user_create_user_result!), so the failed alias nulls
        // the whole data object; Totara's serial executor stops there: only the error says which
        // alias failed, the one before it was applied, the one after it never ran.
        var error = Assert.Single(response.Errors);
        Assert.Equal("Username already exists: " + taken, error.DebugMessage());
        Assert.Equal("b", error.GetProperty("path")[0].GetString());
        Assert.Equal(JsonValueKind.Null, response.Body.RootElement.GetProperty("data").ValueKind);
        var applied = await client.DataAsync("core_user_user", "query ($r: core_user_user_reference!) { core_user_user(reference: $r) { user { username } } }", new { r = new { username = before } });
        Assert.Equal(before, applied.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("User reference not found",
            await client.ErrorAsync("query ($r: core_user_user_reference!) { core_user_user(reference: $r) { user { id } } }", new { r = new { username = after } }));
        Assert.Equal(2, _fixture.Host.Counters.MutationsExecuted - mutationsBefore);
    }

    [Fact]
    public async Task Update_and_delete_report_every_reference_failure_as_no_single_user_match()
    {
        // core\webapi\resolver\mutation\update_user / delete_user catch unresolved_record_reference.
        const string text = "There was a problem finding a single user record match or you do not have sufficient capabilities.";
        using var client = _fixture.CreateClient();

        Assert.Equal(text, await client.ErrorAsync(UpdateUser, new { target = new { username = "no_such_user_ever" }, input = new { firstname = "X" } }));
        Assert.Equal(text, await client.ErrorAsync(UpdateUser, new { target = new { }, input = new { firstname = "X" } }));
        Assert.Equal(text, await client.ErrorAsync(DeleteUser, new { target = new { idnumber = "no_such_idnumber_ever" } }));
    }
}
