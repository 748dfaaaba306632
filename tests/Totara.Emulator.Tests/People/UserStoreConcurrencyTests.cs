using Totara.Emulator.Api;
using Totara.Emulator.Domain;

namespace Totara.Emulator.Tests.People;

public class UserStoreConcurrencyTests
{
    [Fact]
    public void Concurrent_creates_of_one_username_let_exactly_one_through()
    {
        var state = new EmulatorState();
        var service = new UserService(state);
        var created = 0;
        var refused = 0;
        Parallel.For(0, 16, i =>
        {
            try
            {
                service.Create(new Dictionary<string, object?>
                {
                    ["username"] = "race", ["email"] = $"race{i}@example.org", ["firstname"] = "R", ["lastname"] = "C", ["password"] = "Secret-123",
                });
                Interlocked.Increment(ref created);
            }
            catch (TotaraApiException e) when (e.Message == "Username already exists: race")
            {
                Interlocked.Increment(ref refused);
            }
        });

        Assert.Equal(1, created);
        Assert.Equal(15, refused);
        Assert.Single(state.Users.Snapshot(u => u.Username == "race"));
    }

    [Fact]
    public void Counters_and_paging_follow_suspension_and_deletion()
    {
        var state = new EmulatorState();
        var service = new UserService(state);
        var before = state.Users.Count;
        var user = service.Create(new Dictionary<string, object?>
        {
            ["username"] = "counted", ["email"] = "counted@example.org", ["firstname"] = "C", ["lastname"] = "D", ["password"] = "Secret-123",
        });
        Assert.Equal(before + 1, state.Users.Count);

        service.Update(new Dictionary<string, object?> { ["id"] = user.Id }, new Dictionary<string, object?> { ["suspended"] = true }, actorId: 0);
        Assert.Equal(1, state.Users.SuspendedCount);
        Assert.DoesNotContain(state.Users.Page(null, false, 100, u => !u.Suspended), u => u.Id == user.Id);

        service.Delete(new Dictionary<string, object?> { ["id"] = user.Id }, actorId: 0);
        Assert.Equal(before, state.Users.Count);
        Assert.Equal(0, state.Users.SuspendedCount);
        Assert.DoesNotContain(state.Users.Page(null, false, 100, _ => true), u => u.Id == user.Id);
    }

    [Fact]
    public void A_custom_field_value_can_be_deleted_on_update_but_not_on_create()
    {
        var state = new EmulatorState();
        state.UserProfileFields.Define(new UserProfileField("costcentre", "Cost centre", "text"));
        var service = new UserService(state);
        var input = new Dictionary<string, object?>
        {
            ["username"] = "cf", ["email"] = "cf@example.org", ["firstname"] = "C", ["lastname"] = "F", ["password"] = "Secret-123",
            ["custom_fields"] = new List<object?> { new Dictionary<string, object?> { ["shortname"] = "costcentre", ["delete"] = true } },
        };
        Assert.Equal("Can not delete custom field on creating.", Assert.Throws<TotaraApiException>(() => service.Create(input)).Message);

        input["custom_fields"] = new List<object?> { new Dictionary<string, object?> { ["shortname"] = "costcentre", ["data"] = "CC1" } };
        var user = service.Create(input);
        Assert.Equal("CC1", user.CustomFields["costcentre"]);

        var delete = new Dictionary<string, object?>
        {
            ["custom_fields"] = new List<object?> { new Dictionary<string, object?> { ["shortname"] = "costcentre", ["delete"] = true } },
        };
        service.Update(new Dictionary<string, object?> { ["username"] = "cf" }, delete, actorId: 0);
        Assert.False(user.CustomFields.ContainsKey("costcentre"));
        Assert.Equal("Can not delete the custom field value, as it does not exist.",
            Assert.Throws<TotaraApiException>(() => service.Update(new Dictionary<string, object?> { ["username"] = "cf" }, delete, actorId: 0)).Message);
    }
}
