using System.Text.Json;
using Totara.Emulator.Domain;

namespace Totara.Emulator.Tests.Learning;

/// <summary>The bi_intellidata schema, file and log operations through GraphQL.</summary>
public class LearningGraphIntellidataTests
{
    private static JsonElement Data(JsonElement result, string field)
    {
        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        return result.GetProperty("data").GetProperty(field);
    }

    private static string? Error(JsonElement result) => result.GetProperty("errors")[0].GetProperty("message").GetString();

    [Fact]
    public async Task Schemas_and_logs_describe_the_required_tables()
    {
        var graph = new LearningGraph(new EmulatorState());
        var unified = Data(await graph.RunAsync("{ bi_intellidata_dbschema_unified { items { name fields { field_name type null } } } }"), "bi_intellidata_dbschema_unified");
        var users = unified.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "users");
        Assert.Contains(users.GetProperty("fields").EnumerateArray(), f => f.GetProperty("field_name").GetString() == "username");

        var custom = Data(await graph.RunAsync("{ bi_intellidata_dbschema_custom { items { name plugintype fields { name primary_key } keys { name fields reftable reffields } } } }"), "bi_intellidata_dbschema_custom");
        var sections = custom.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "course_sections");
        Assert.Equal("primary", sections.GetProperty("keys")[0].GetProperty("name").GetString());

        var logs = Data(await graph.RunAsync("{ bi_intellidata_export_logs { items { id datatype migrated tabletype last_exported_time(format: DATE) } } }"), "bi_intellidata_export_logs");
        Assert.Equal(7, logs.GetProperty("items").GetArrayLength());
        Assert.All(logs.GetProperty("items").EnumerateArray(), l => Assert.Equal(1, l.GetProperty("migrated").GetInt32()));
    }

    [Fact]
    public async Task Data_files_filter_and_export_moves_the_last_export_date()
    {
        var state = new EmulatorState();
        var graph = new LearningGraph(state);
        const string files = "query($input: bi_intellidata_data_files_input) { bi_intellidata_data_files(input: $input) { items { datatype files { filename fileurl mimetype } migration_files { filename } } metadata { lastexportdate pluginversion } } }";
        var courses = Data(await graph.RunAsync(files, new { input = new { datatype = "courses" } }), "bi_intellidata_data_files");
        var group = Assert.Single(courses.GetProperty("items").EnumerateArray());
        Assert.Equal("application/zip", group.GetProperty("files")[0].GetProperty("mimetype").GetString());
        Assert.Contains("/bi_intellidata/courses/0/", group.GetProperty("files")[0].GetProperty("fileurl").GetString());
        Assert.Equal(1, group.GetProperty("migration_files").GetArrayLength());
        Assert.Equal("Invalid datatype.", Error(await graph.RunAsync(files, new { input = new { datatype = "mdl_config" } })));

        var before = state.Intellidata.LastExportDate;
        var exported = Data(await graph.RunAsync("mutation { bi_intellidata_export_data { items { datatype } metadata { lastexportdate } } }"), "bi_intellidata_export_data");
        Assert.True(long.Parse(exported.GetProperty("metadata").GetProperty("lastexportdate").GetString()!) > before);
    }

    [Fact]
    public async Task Enable_processing_accepts_only_zero_or_one_and_a_valid_callback()
    {
        var state = new EmulatorState();
        var graph = new LearningGraph(state);
        const string mutation = "mutation($input: bi_intellidata_enable_processing_input!) { bi_intellidata_enable_processing(input: $input) { data } }";
        Assert.Equal("ok", Data(await graph.RunAsync(mutation, new { input = new { status = 0, callbackurl = "https://ib.example.com/hook" } }), "bi_intellidata_enable_processing").GetProperty("data").GetString());
        Assert.Equal(0, state.Intellidata.ProcessingStatus);
        Assert.Equal("Invalid plugin status.", Error(await graph.RunAsync(mutation, new { input = new { status = 2 } })));
        Assert.Equal("Invalid callbackurl.", Error(await graph.RunAsync(mutation, new { input = new { status = 1, callbackurl = "not a url" } })));
        Assert.Equal(0, state.Intellidata.ProcessingStatus);
    }
}
