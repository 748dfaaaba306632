using Totara.Emulator.Api;
using Totara.Emulator.Domain;
using Totara.Emulator.Domain.Goals;
using static Totara.Emulator.Tests.Learning.LearningFixtures;

namespace Totara.Emulator.Tests.Learning;

public class GoalServiceTests
{
    private const long Now = 1_800_000_000;
    private const string Coding = "Coding error detected, it must be fixed by a programmer: ";

    private static (EmulatorState State, GoalService Goals, UserRecord User) Site()
    {
        var state = new EmulatorState();
        var user = AddUser(state, "goaluser", "EMP9");
        return (state, new GoalService(state), user);
    }

    private static Dictionary<string, object?> Create(params (string, object?)[] overrides)
    {
        var input = Input(("user", Input(("idnumber", "EMP9"))), ("name", "Lead a team meeting"), ("start_date", 1_790_000_000L),
            ("target_date", 1_795_000_000L), ("target_value", 10.0));
        foreach (var (key, value) in overrides)
        {
            input[key] = value;
        }

        return input;
    }

    [Fact]
    public void Creates_a_personal_goal_with_Totaras_defaults()
    {
        var (_, goals, user) = Site();
        var goal = goals.Create(Create(("id_number", "G-1")), UserStore.AdminId, Now);
        Assert.Equal(user.Id, goal.UserId);
        Assert.Equal(UserStore.AdminId, goal.OwnerId); // owner defaults to the caller
        Assert.Equal("not_started", goal.Status);
        Assert.Equal("date", goal.TargetType);
        Assert.Equal(0, goal.CurrentValue);
        Assert.Equal(GoalStatuses.UserContextId(user.Id), goal.ContextId);
        Assert.Null(goal.ClosedAt);
        Assert.Equal(goal.Id, goals.Resolve(Input(("id_number", "G-1"))).Id);
    }

    [Theory]
    [InlineData("name", "   ", "Goal must have a name.")]
    [InlineData("status", "done", "Invalid status: done")]
    [InlineData("target_type", "percentage", "Invalid target_type value: percentage.")]
    [InlineData("target_date", 1_700_000_000L, "The goal start date must before the target_date.")]
    [InlineData("target_value", 100000.0, "Invalid target value: 100000")]
    [InlineData("current_value", -1.0, "Invalid current value: -1")]
    [InlineData("context_id", 424242L, "Invalid or missing context_id")]
    public void Rejects_invalid_input_with_Totaras_message(string field, object value, string message)
    {
        var (_, goals, _) = Site();
        var error = Assert.Throws<TotaraApiException>(() => goals.Create(Create((field, value)), UserStore.AdminId, Now));
        Assert.Equal(Coding + message, error.Message);
    }

    [Fact]
    public void Refuses_goals_without_a_subject_user_and_duplicate_id_numbers()
    {
        var (_, goals, _) = Site();
        var noUser = Create();
        noUser.Remove("user");
        Assert.Equal(Coding + "Only personal goals are implemented currently.",
            Assert.Throws<TotaraApiException>(() => goals.Create(noUser, UserStore.AdminId, Now)).Message);

        goals.Create(Create(("id_number", "DUP")), UserStore.AdminId, Now);
        Assert.Equal(Coding + "id_number already exists: DUP",
            Assert.Throws<TotaraApiException>(() => goals.Create(Create(("id_number", "DUP")), UserStore.AdminId, Now)).Message);
    }

    [Fact]
    public void Update_changes_only_given_fields_and_refuses_its_own_id_number_again()
    {
        var (_, goals, _) = Site();
        var goal = goals.Create(Create(("id_number", "G-2"), ("description", "Old")), UserStore.AdminId, Now);
        var updated = goals.Update(goal, Input(("name", "  Run the team meeting  "), ("target_value", 12.5)), Now + 10);
        Assert.Equal("Run the team meeting", updated.Name);
        Assert.Equal(12.5, updated.TargetValue);
        Assert.Equal("Old", updated.Description);
        Assert.Equal("G-2", updated.IdNumber);
        Assert.Equal(Now + 10, updated.UpdatedAt);

        Assert.Equal(Coding + "id_number already exists: G-2",
            Assert.Throws<TotaraApiException>(() => goals.Update(updated, Input(("id_number", "G-2")), Now)).Message);
        Assert.Equal(Coding + "The goal start date must before the target_date.",
            Assert.Throws<TotaraApiException>(() => goals.Update(updated, Input(("start_date", 1_799_000_000L)), Now)).Message);
    }

    [Fact]
    public void Progress_to_a_closed_status_sets_closed_at_once()
    {
        var (_, goals, _) = Site();
        var goal = goals.Create(Create(), UserStore.AdminId, Now);
        var progressed = goals.UpdateProgress(goal, Input(("status", "in_progress"), ("current_value", 4.0)), Now + 1);
        Assert.Equal(4.0, progressed.CurrentValue);
        Assert.Null(progressed.ClosedAt);
        var done = goals.UpdateProgress(progressed, Input(("status", "completed"), ("current_value", 10.0)), Now + 2);
        Assert.Equal(Now + 2, done.ClosedAt);
        var reopened = goals.UpdateProgress(done, Input(("status", "cancelled"), ("current_value", 10.0)), Now + 3);
        Assert.Equal(Now + 2, reopened.ClosedAt);
        Assert.Equal(Coding + "Invalid status: finished",
            Assert.Throws<TotaraApiException>(() => goals.UpdateProgress(done, Input(("status", "finished"), ("current_value", 1.0)), Now)).Message);
    }

    [Fact]
    public void Goal_reference_must_match_exactly_one_goal()
    {
        var (state, goals, _) = Site();
        var goal = goals.Create(Create(("id_number", "G-3")), UserStore.AdminId, Now);
        Assert.Equal(GoalService.NotFound, Assert.Throws<TotaraApiException>(() => goals.Resolve(Input(("id", goal.Id), ("id_number", "other")))).Message);
        Assert.Equal(GoalService.NotFound, Assert.Throws<TotaraApiException>(() => goals.Resolve(Input())).Message);
        Assert.True(state.Goals.Delete(goal.Id));
        Assert.Equal(GoalService.NotFound, Assert.Throws<TotaraApiException>(() => goals.Resolve(Input(("id", goal.Id)))).Message);
    }

    [Fact]
    public void User_goals_lists_newest_first_in_pages()
    {
        var (state, goals, user) = Site();
        for (var i = 0; i < 5; i++)
        {
            goals.Create(Create(("name", $"Goal {i}")), UserStore.AdminId, Now + i);
        }

        var filter = Input(("user", Input(("username", "goaluser"))));
        var first = UserGoalsQuery.Run(state, Input(("filters", filter), ("pagination", Input(("limit", 2)))), UserStore.AdminId);
        Assert.Equal(5, first.Total);
        Assert.Equal(new[] { "Goal 4", "Goal 3" }, first.Items.Select(i => i.Goal.Name));
        var names = first.Items.Select(i => i.Goal.Name).ToList();
        var cursor = first.NextCursor;
        while (cursor != "")
        {
            var page = UserGoalsQuery.Run(state, Input(("filters", filter), ("pagination", Input(("cursor", cursor)))), UserStore.AdminId);
            names.AddRange(page.Items.Select(i => i.Goal.Name));
            cursor = page.NextCursor;
        }

        Assert.Equal(new[] { "Goal 4", "Goal 3", "Goal 2", "Goal 1", "Goal 0" }, names);
        Assert.Equal(0, UserGoalsQuery.Run(state, null, UserStore.AdminId).Total); // the caller's own goals
        Assert.Equal(user.Id, first.Items[0].Goal.UserId);
    }
}
