using System.Text.Json;
using Totara.Client.Users;

namespace Totara.Client.Tests.Users;

/// <summary>The documents the users area builds and how it reads answers.</summary>
public sealed class UserDocumentTests
{
    [Fact]
    public void The_default_field_set_is_the_default_view_and_extra_fields_add_their_selections()
    {
        Assert.Equal("id username idnumber firstname lastname email suspended", UserFieldSet.Default.Selection);

        var rich = UserFieldSet.With(new[] { "department", "custom_fields", "job_assignments", "lastaccess", "description" });

        Assert.Contains("department", rich.Selection);
        Assert.Contains("custom_fields { shortname data data_type }", rich.Selection);
        Assert.Contains("job_assignments { id idnumber", rich.Selection);
        Assert.Contains("lastaccess(format: ISO8601)", rich.Selection);
        Assert.Contains("description(format: RAW)", rich.Selection);
        Assert.True(rich.CostPerUser > UserFieldSet.Default.CostPerUser);
        Assert.Throws<ArgumentException>(() => UserFieldSet.With(new[] { "password" }));
    }

    [Fact]
    public void The_list_request_carries_filters_and_sort_in_variables_and_a_page_size_that_fits_the_limit()
    {
        var options = new UserListOptions
        {
            Status = UserStatusFilter.Suspended,
            ModifiedSince = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            SortBy = UserSortField.LastName,
            Descending = true,
        };

        var request = options.BuildRequest(4800);

        var filters = Assert.IsAssignableFrom<IDictionary<string, object?>>(request.Variables["filters"]);
        Assert.Equal("SUSPENDED", filters["status"]);
        Assert.Equal("1700000000", filters["since_timemodified"]);
        Assert.False(filters.ContainsKey("since_timecreated"));
        var sort = Assert.IsAssignableFrom<IDictionary<string, object?>>(Assert.Single((IList<object?>)request.Variables["sort"]!));
        // Paged by id: a last-name cursor would skip users who share a last name (the client sorts).
        Assert.Equal(("id", "DESC"), ((string)sort["column"]!, (string)sort["direction"]!));
        Assert.Contains("cursor: $cursor", request.Query);
        Assert.Contains($"limit: {options.EffectivePageSize(4800)}", request.Query);
        Assert.InRange(options.EffectivePageSize(4800) * UserFieldSet.Default.CostPerUser, 1, 4800);
        Assert.Equal(1, options.EffectivePageSize(1));
        Assert.Equal(UserListOptions.MaxPageSize, options.EffectivePageSize(1_000_000));
    }

    [Fact]
    public void A_reference_becomes_a_one_key_input()
    {
        Assert.Equal(42L, UserReference.ById(42).ToInput()["id"]);
        Assert.Equal("E1", UserReference.ByIdNumber("E1").ToInput()["idnumber"]);
        Assert.Equal("email 'a@b.co'", UserReference.ByEmail("a@b.co").ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => UserReference.ById(0));
        Assert.Throws<ArgumentException>(() => UserReference.ByUsername(" "));
    }

    [Fact]
    public void A_user_answer_is_read_with_only_the_fields_present()
    {
        using var json = JsonDocument.Parse("""
            {"id": "7", "username": "ann", "suspended": false, "department": null,
             "custom_fields": [{"shortname": "costcentre", "data": "CC1", "data_type": "text"}],
             "job_assignments": [{"id": 3, "idnumber": "JA1", "fullname": "Clerk", "positionid": "12"}]}
            """);

        var user = UserRecordData.FromJson(json.RootElement);

        Assert.Equal(7, user.Id);
        Assert.Equal("ann", user.Username);
        Assert.False(user.Suspended);
        Assert.True(user.Has("department"));
        Assert.Null(user.Get("department"));
        Assert.False(user.Has("email"));
        Assert.Equal("CC1", user.CustomFields!["COSTCENTRE"]);
        var job = Assert.Single(user.JobAssignments!);
        Assert.Equal((3L, "JA1", 12L), (job.Id!.Value, job.IdNumber!, job.PositionId!.Value));
    }

    [Fact]
    public void Operations_carry_their_input_as_variables_and_the_right_recovery()
    {
        using var client = new TotaraClient(new TotaraClientOptions(new Uri("https://lms.example.com"), TotaraCredential.FromAccessToken("t")));
        var users = client.Users;

        var create = users.Create(new UserChange().Set("username", "ann").Set("email", "a@b.co"));
        var update = users.Update(UserReference.ByUsername("ann"), new UserChange().Set("city", "X"));
        var delete = users.Delete(UserReference.ById(9));

        Assert.Equal("core_user_create_user", create.Field);
        Assert.Equal("core_user_create_user_input!", Assert.Single(create.Arguments).GraphQLType);
        Assert.False(create.IsIdempotent);
        Assert.NotNull(create.RecoverAfterLostAnswer);
        Assert.True(update.IsIdempotent);
        var input = Assert.IsAssignableFrom<IDictionary<string, object?>>(update.Arguments.Single(a => a.Name == "input").Value);
        Assert.Equal(new[] { "city" }, input.Keys);
        Assert.False(delete.IsIdempotent);
        Assert.NotNull(delete.RecoverAfterLostAnswer);
        Assert.Equal("user_id", delete.Selection);
        Assert.Throws<ArgumentException>(() => users.Create(new UserChange().Set("email", "a@b.co")));
    }
}
