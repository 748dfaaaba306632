using Totara.Emulator.Tests.TestSupport;
using static Totara.Emulator.Tests.People.PeopleApi;

namespace Totara.Emulator.Tests.People;

/// <summary>
/// The user rules of Totara's resolvers (core\webapi\resolver\mutation\user_update_user and
/// user_delete_user) and of the password policy (core_user\external\user_field_validator), one
/// test each, named after the rule.
/// </summary>
public class TotaraUserRulesTests : IClassFixture<EmulatorFixture>
{
    private const string UpdateUser = """
        mutation ($target: core_user_user_reference!, $input: core_user_update_user_input!) {
          core_user_update_user(target_user: $target, input: $input) { user { id suspended } }
        }
        """;

    private const string DeleteUser = """
        mutation ($target: core_user_user_reference!) { core_user_delete_user(target_user: $target) { user_id } }
        """;

    private const string WeakPasswordErrors =
        "Passwords must be at least 8 characters long. Passwords must have at least 1 digit(s). " +
        "Passwords must have at least 1 upper case letter(s). " +
        "Passwords must have at least 1 non-alphanumeric character(s) such as as *, -, or #.";

    private readonly EmulatorFixture _fixture;

    public TotaraUserRulesTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task The_admin_user_cannot_be_suspended_even_by_suspended_false()
    {
        using var client = _fixture.CreateClient();
        foreach (var suspended in new[] { true, false })
        {
            Assert.Equal("The admin user cannot be suspended.",
                await client.ErrorAsync(UpdateUser, new { target = new { username = "admin" }, input = new { suspended } }));
        }

        // Without suspended the admin can be updated.
        await client.DataAsync("core_user_update_user", UpdateUser, new { target = new { username = "admin" }, input = new { department = "IT" } });
    }

    [Fact]
    public async Task A_service_account_user_is_not_allowed_to_suspend_itself()
    {
        using var client = _fixture.CreateClient();
        var self = new { username = "api_service" };
        Assert.Equal("A service account user is not allowed to suspend itself when making a request.",
            await client.ErrorAsync(UpdateUser, new { target = self, input = new { suspended = true } }));

        // suspended: false is allowed for itself: only the admin is refused any suspended value.
        await client.DataAsync("core_user_update_user", UpdateUser, new { target = self, input = new { suspended = false } });
    }

    [Fact]
    public async Task A_service_account_user_is_not_allowed_to_delete_itself()
    {
        using var client = _fixture.CreateClient();
        Assert.Equal("A service account user is not allowed to delete itself when making a request.",
            await client.ErrorAsync(DeleteUser, new { target = new { username = "api_service" } }));
    }

    [Fact]
    public async Task The_admin_users_password_cannot_be_updated()
    {
        using var client = _fixture.CreateClient();
        Assert.Equal("You can not update password for the admin user.",
            await client.ErrorAsync(UpdateUser, new { target = new { username = "admin" }, input = new { password = "Strong-Pass-1" } }));
    }

    [Fact]
    public async Task A_password_cannot_be_set_and_generated_at_the_same_time()
    {
        using var client = _fixture.CreateClient();
        var name = Unique("gen");
        await client.CreateUserAsync(name);
        Assert.Equal("You cannot set new password and generate password at the same time.",
            await client.ErrorAsync(UpdateUser, new { target = new { username = name }, input = new { password = "Strong-Pass-1", generate_password = true } }));
    }

    [Fact]
    public async Task The_site_password_policy_applies_to_create_and_update()
    {
        using var client = _fixture.CreateClient();
        var name = Unique("pol");
        Assert.Equal(WeakPasswordErrors,
            await client.ErrorAsync(CreateUser, new { input = NewUserInput(name, new { password = "p" }) }));

        await client.CreateUserAsync(name);
        Assert.Equal("Passwords must have at least 1 non-alphanumeric character(s) such as as *, -, or #.",
            await client.ErrorAsync(UpdateUser, new { target = new { username = name }, input = new { password = "Abcdefg1" } }));
        await client.DataAsync("core_user_update_user", UpdateUser, new { target = new { username = name }, input = new { password = "Abcdefg1!" } });
    }

    [Fact]
    public async Task The_password_policy_off_accepts_any_non_empty_password()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { PasswordPolicy = false });
        host.AddClient("off-client", "off-secret");
        using var client = new ApiTestClient(host.Url, "off-client", "off-secret");
        var created = await client.CreateUserAsync(Unique("weak"), new { password = "p" });
        Assert.False(created.GetProperty("suspended").GetBoolean());
        Assert.Equal("Coding error detected, it must be fixed by a programmer: Password cannot be blank",
            await client.ErrorAsync(CreateUser, new { input = NewUserInput(Unique("blank"), new { password = "" }) }));
    }

    // user/profile/field/<datatype>/field.class.php validate_field_from_inputs.
    [Theory]
    [InlineData("text", "CC1", 2, "cf_text: data_format should not be passed for text fields.")]
    [InlineData("text", "123456", null, "cf_text: The data must have less than 5 characters.")]
    [InlineData("textarea", "Notes", null, "cf_textarea: data_format is required for textarea fields.")]
    [InlineData("textarea", "not json", 5, "cf_textarea: data_format set to JSON but data does not appear to be in JSON format.")]
    [InlineData("datetime", " ", null, "cf_datetime: Date must be provided in format YYYY-MM-DD-HH-MM-SS or YYYY-MM-DD.")]
    [InlineData("datetime", "2024-03", null, "cf_datetime: Date format should be YYYY-MM-DD-HH-MM-SS or YYYY-MM-DD.")]
    public async Task Custom_field_values_are_validated_by_their_data_type(string dataType, string data, int? format, string expected)
    {
        using var client = _fixture.CreateClient();
        _fixture.Host.State.UserProfileFields.Define(new Domain.UserProfileField("cf_" + dataType, dataType, dataType, MaxLength: 5));
        var input = NewUserInput(Unique("cft"));
        input["custom_fields"] = new[] { new Dictionary<string, object?> { ["shortname"] = "cf_" + dataType, ["data"] = data, ["data_format"] = format } };

        Assert.Equal(expected, await client.ErrorAsync(CreateUser, new { input }));
    }
}
