using System.Text.Json;
using Totara.Client.Users;

namespace Totara.Client.Tests.Users;

/// <summary>Only-the-fields-given semantics of UserChange, the client-side input rules and error-to-field mapping.</summary>
public sealed class UserChangeTests
{
    [Fact]
    public void Only_the_fields_set_are_in_the_input()
    {
        var change = new UserChange().Set("department", "Sales").SetFlag("suspended", true).SetCustomField("costcentre", "CC1");

        var input = change.ToInput();

        Assert.Equal(new[] { "custom_fields", "department", "suspended" }, input.Keys.OrderBy(k => k));
        Assert.Equal("Sales", input["department"]);
        Assert.Equal(true, input["suspended"]);
        var custom = Assert.IsAssignableFrom<IList<object?>>(input["custom_fields"]);
        var entry = Assert.IsAssignableFrom<IDictionary<string, object?>>(Assert.Single(custom));
        Assert.Equal("costcentre", entry["shortname"]);
        Assert.Equal("CC1", entry["data"]);
        Assert.False(entry.ContainsKey("delete"));
    }

    [Fact]
    public void An_empty_or_null_value_is_sent_as_empty_to_erase_and_a_null_custom_field_deletes()
    {
        var change = new UserChange().Set("city", null).Set("phone2", "").SetCustomField("costcentre", null);

        var input = change.ToInput();

        Assert.Equal("", input["city"]);
        Assert.Equal("", input["phone2"]);
        var entry = Assert.IsAssignableFrom<IDictionary<string, object?>>(Assert.Single((IList<object?>)input["custom_fields"]!));
        Assert.Equal(true, entry["delete"]);
        Assert.False(entry.ContainsKey("data"));
    }

    [Fact]
    public void Usernames_are_lower_cased_and_countries_upper_cased()
    {
        var change = new UserChange().Set("username", " JSmith ").Set("country", "nz");

        Assert.Equal("jsmith", change.ToInput()["username"]);
        Assert.Equal("NZ", change.ToInput()["country"]);
        Assert.Equal("jsmith", UserReference.ByUsername("JSmith").Value);
    }

    [Fact]
    public void Unknown_fields_are_refused_and_the_password_never_shows()
    {
        Assert.Throws<ArgumentException>(() => new UserChange().Set("suspended", "yes"));
        Assert.Throws<ArgumentException>(() => new UserChange().SetFlag("city", true));

        var change = new UserChange().SetPassword("Sup3r-Secret-pw").Set("firstname", "Ann");

        Assert.Equal("Sup3r-Secret-pw", change.ToInput()["password"]);
        Assert.DoesNotContain("Sup3r", change.ToString());
        Assert.Contains("password", change.ToString());
    }

    [Fact]
    public void Create_rules_name_each_missing_or_malformed_field()
    {
        var problems = UserInputRules.CheckCreate(new UserChange().Set("username", "Bad Name").Set("email", "nope").Set("country", "Nowhere"));

        var fields = problems.Select(p => p.Field).ToList();
        Assert.Contains("firstname", fields);
        Assert.Contains("lastname", fields);
        Assert.Contains("password", fields);
        Assert.Contains("username", fields);
        Assert.Contains("email", fields);
        Assert.Contains("country", fields);
    }

    [Fact]
    public void A_generated_password_or_external_auth_needs_no_password_and_a_valid_create_passes()
    {
        var valid = new UserChange().Set("username", "ann").Set("email", "ann@example.com").Set("firstname", "Ann").Set("lastname", "Lee");

        Assert.Contains(UserInputRules.CheckCreate(valid), p => p.Field == "password");
        Assert.Empty(UserInputRules.CheckCreate(valid.SetFlag("generate_password", true)));
        var ldap = new UserChange().Set("username", "bob").Set("email", "bob@example.com").Set("firstname", "B").Set("lastname", "C").Set("auth", "ldap");
        Assert.Empty(UserInputRules.CheckCreate(ldap));
    }

    [Fact]
    public void Update_rules_refuse_nothing_to_change_blank_names_and_too_long_values()
    {
        Assert.Single(UserInputRules.CheckUpdate(new UserChange()));
        Assert.Equal("firstname", Assert.Single(UserInputRules.CheckUpdate(new UserChange().Set("firstname", " "))).Field);
        Assert.Equal("phone1", Assert.Single(UserInputRules.CheckUpdate(new UserChange().Set("phone1", new string('1', 21)))).Field);
        Assert.Empty(UserInputRules.CheckUpdate(new UserChange().Set("city", "")));
    }

    [Theory]
    [InlineData("Email address already exists: a@b.co", "email")]
    [InlineData("Username already exists: ann", "username")]
    [InlineData("Invalid email format: x", "email")]
    [InlineData("Lastname can not be blank", "lastname")]
    [InlineData("Coding error detected, it must be fixed by a programmer: Required parameter - firstname not being passed", "firstname")]
    [InlineData("Timezone does not exist: Mars/Base", "timezone")]
    [InlineData("The custom field does not exist.", "custom_fields")]
    [InlineData("A service account user is not allowed to suspend itself when making a request.", "suspended")]
    [InlineData("Passwords must be at least 8 characters long. Passwords must have at least 1 digit(s).", "password")]
    [InlineData("The admin user cannot be suspended.", "suspended")]
    [InlineData("Variable \"$a3_input\" got invalid value; at \"phone2\"", "phone2")]
    [InlineData("Internal server error", null)]
    public void Site_messages_map_to_the_field_they_are_about(string message, string? field) =>
        Assert.Equal(field, UserErrorFields.Find(message));

    [Fact]
    public void A_too_long_message_names_its_field_through_the_value_sent()
    {
        var change = new UserChange().Set("department", "D").Set("skype", new string('s', 60));

        Assert.Equal("skype", UserErrorFields.Find($"Field {new string('s', 60)} should be less than 50 characters", change));
    }
}
