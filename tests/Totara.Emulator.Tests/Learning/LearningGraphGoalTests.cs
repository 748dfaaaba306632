using System.Text.Json;
using Totara.Emulator.Domain;
using static Totara.Emulator.Tests.Learning.LearningFixtures;

namespace Totara.Emulator.Tests.Learning;

/// <summary>Goals and intellidata through GraphQL: create, update, progress, view, list, delete, and validation errors.</summary>
public class LearningGraphGoalTests
{
    private const string GoalFields = "goal { id id_number name status { id label } current_value target_value target_date(format: DATELONG) closed_at user { username } owner { username } } permissions { can_manage can_update_status }";

    private static (EmulatorState State, LearningGraph Graph) Site()
    {
        var state = new EmulatorState();
        AddUser(state, "gina", "EMP300");
        return (state, new LearningGraph(state));
    }

    private static JsonElement Data(JsonElement result, string field)
    {
        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        return result.GetProperty("data").GetProperty(field);
    }

    [Fact]
    public async Task Goal_lifecycle_through_the_api()
    {
        var (_, graph) = Site();
        var created = Data(await graph.RunAsync(
            $"mutation($input: perform_goal_create_input!) {{ perform_goal_create_goal(input: $input) {{ {GoalFields} raw {{ available_statuses {{ id }} }} }} }}",
            new { input = new { user = new { username = "gina" }, name = "Mentor a new starter", id_number = "G-100", start_date = "2026-01-01", target_date = 1_798_761_600, target_value = 3 } }),
            "perform_goal_create_goal");
        var goal = created.GetProperty("goal");
        Assert.Equal("not_started", goal.GetProperty("status").GetProperty("id").GetString());
        Assert.Equal("Not started", goal.GetProperty("status").GetProperty("label").GetString());
        Assert.Equal("1/01/2027", goal.GetProperty("target_date").GetString());
        Assert.Equal("gina", goal.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("admin", goal.GetProperty("owner").GetProperty("username").GetString());
        Assert.Equal(4, created.GetProperty("raw").GetProperty("available_statuses").GetArrayLength());
        Assert.True(created.GetProperty("permissions").GetProperty("can_manage").GetBoolean());

        var reference = new { id_number = "G-100" };
        var updated = Data(await graph.RunAsync(
            $"mutation($ref: perform_goal_reference!, $input: perform_goal_update_input!) {{ perform_goal_update_goal(goal_reference: $ref, input: $input) {{ {GoalFields} }} }}",
            new { @ref = reference, input = new { name = "Mentor two new starters", target_value = 2 } }), "perform_goal_update_goal");
        Assert.Equal("Mentor two new starters", updated.GetProperty("goal").GetProperty("name").GetString());

        var progress = Data(await graph.RunAsync(
            "mutation($ref: perform_goal_reference!) { perform_goal_update_progress(goal_reference: $ref, input: {status: \"completed\", current_value: 2}) { current_value status { id label } } }",
            new { @ref = reference }), "perform_goal_update_progress");
        Assert.Equal(2, progress.GetProperty("current_value").GetDouble());
        Assert.Equal("Completed", progress.GetProperty("status").GetProperty("label").GetString());

        var viewed = Data(await graph.RunAsync(
            $"query($ref: perform_goal_reference!) {{ perform_goal_view_goal(goal_reference: $ref) {{ {GoalFields} }} }}", new { @ref = reference }), "perform_goal_view_goal");
        Assert.NotEqual(JsonValueKind.Null, viewed.GetProperty("goal").GetProperty("closed_at").ValueKind);

        var listed = Data(await graph.RunAsync(
            "query { perform_goal_user_goals(input: {filters: {user: {idnumber: \"EMP300\"}}}) { items { goal { id_number } permissions { can_update_status } } total next_cursor } }"),
            "perform_goal_user_goals");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal("G-100", listed.GetProperty("items")[0].GetProperty("goal").GetProperty("id_number").GetString());
        Assert.Equal("", listed.GetProperty("next_cursor").GetString());

        var deleted = Data(await graph.RunAsync("mutation($ref: perform_goal_reference!) { perform_goal_delete_goal(goal_reference: $ref) { success } }", new { @ref = reference }),
            "perform_goal_delete_goal");
        Assert.True(deleted.GetProperty("success").GetBoolean());
        var gone = await graph.RunAsync("query($ref: perform_goal_reference!) { perform_goal_view_goal(goal_reference: $ref) { goal { id } } }", new { @ref = reference });
        Assert.Equal("Can not find record", gone.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Goal_validation_errors_reach_the_client()
    {
        var (_, graph) = Site();
        var result = await graph.RunAsync(
            "mutation($input: perform_goal_create_input!) { perform_goal_create_goal(input: $input) { goal { id } } }",
            new { input = new { user = new { username = "gina" }, name = "Backwards", start_date = 1_800_000_000, target_date = 1_700_000_000, target_value = 1 } });
        Assert.Equal("Coding error detected, it must be fixed by a programmer: The goal start date must before the target_date.",
            result.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Intellidata_validates_credentials_and_reports_its_configuration()
    {
        var (state, graph) = Site();
        const string validate = "query($input: bi_intellidata_validate_credentials_input!) { bi_intellidata_validate_credentials(input: $input) { data } }";
        Assert.Equal("ok", Data(await graph.RunAsync(validate, new { input = new { code = state.Intellidata.ClientIdentifier } }), "bi_intellidata_validate_credentials")
            .GetProperty("data").GetString());
        var wrong = await graph.RunAsync(validate, new { input = new { code = "someone-else" } });
        Assert.Equal("Wrong clientid.", wrong.GetProperty("errors")[0].GetProperty("message").GetString());

        var config = Data(await graph.RunAsync(
            "query { bi_intellidata_plugin_config { moodleconfig { totaraversion dbtype } cronconfig { classname nextruntime } pluginconfig { title items { name value } } pluginversion } }"),
            "bi_intellidata_plugin_config");
        Assert.Equal("18.0", config.GetProperty("moodleconfig").GetProperty("totaraversion").GetString());
        Assert.True(config.GetProperty("cronconfig").GetArrayLength() > 0);
        Assert.Contains(config.GetProperty("pluginconfig").GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "enabled");

        var live = Data(await graph.RunAsync("query { bi_intellidata_live_data(input: {datatype: \"roles\"}) { data } }"), "bi_intellidata_live_data");
        using var roles = JsonDocument.Parse(live.GetProperty("data").GetString()!);
        Assert.True(roles.RootElement.GetArrayLength() >= 5);

        var restricted = await graph.RunAsync("mutation { bi_intellidata_set_datatype(input: {datatypes: [\"config\"]}) { data } }");
        Assert.Equal("The table config is restricted.", restricted.GetProperty("errors")[0].GetProperty("message").GetString());
        var added = Data(await graph.RunAsync("mutation { bi_intellidata_set_datatype(input: {datatypes: [\"course_sections\"], exportfiles: 1}) { data } }"), "bi_intellidata_set_datatype");
        Assert.Equal("Datatype(s) successfully added / updated.", added.GetProperty("data").GetString());
        Assert.Contains(state.Intellidata.Logs(), l => l.Datatype == "course_sections" && l.TableType == 1);
    }
}
