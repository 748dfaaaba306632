using Totara.Emulator.Domain;
using Totara.Emulator.Schema;
using Totara.Emulator.Tests.Reference;

namespace Totara.Emulator.Tests.Schema;

/// <summary>The comparison behind the conformance test does report differences: fed an altered SDL, it names each one.</summary>
public class SchemaComparisonTests
{
    private static readonly SeedReference Reference = SeedReference.Load();

    [Fact]
    public async Task Altered_sdl_yields_one_readable_line_per_difference()
    {
        var sdl = SchemaFactory.LoadSdl();
        sdl = ReplaceOnce(sdl, "query: core_user_users_query\n", "query: core_user_users_query!\n");
        sdl = ReplaceOnce(sdl, "  \"\"\"The number of audience members.\"\"\"\n  members_count: Int!\n", "");
        sdl = ReplaceOnce(sdl, "  tags: [core_tag]!\n", "  tags: [core_tag!]!\n");
        sdl = ReplaceOnce(sdl, "  \"\"\"Outputs the stored value in a format suitable for use within the Totara mobile app.\"\"\"\n  MOBILE\n", "");
        sdl = ReplaceOnce(sdl, "type Query {\n", "type Query {\n  core_extra: String\n");
        var served = await InProcessIntrospection.RunAsync(SchemaFactory.Create(sdl, new EmulatorState(), []));
        var comparison = new SchemaComparison(Reference, served);

        var operations = comparison.Operations(OperationKind.Query);
        var types = comparison.Types();

        Assert.Equal(
        [
            "Query 'core_extra' is served but not in the reference.",
            "Query 'core_user_users' argument 'query' is served as core_user_users_query!; the reference says core_user_users_query.",
        ], operations.Order());
        Assert.Equal(
        [
            "Enum 'core_format' has 5 values (RAW, HTML, PLAIN, MARKDOWN, JSON_EDITOR); the reference describes 6.",
            "Type 'core_cohort' field 'members_count' (Int!) is not served.",
            "Type 'core_cohort' field 'tags' is served as [core_tag!]!; the reference says [core_tag]!.",
        ], types.Order());
    }

    [Fact]
    public async Task A_served_field_taking_arguments_the_reference_does_not_show_is_reported()
    {
        var sdl = ReplaceOnce(SchemaFactory.LoadSdl(), "'New Zealand'.\"\"\"\n  country: String\n", "'New Zealand'.\"\"\"\n  country(format: core_format = PLAIN): String\n");
        var served = await InProcessIntrospection.RunAsync(SchemaFactory.Create(sdl, new EmulatorState(), []));

        var problem = Assert.Single(new SchemaComparison(Reference, served).Types());

        Assert.Equal("Field 'core_user.country' takes no arguments in the reference; the served field takes (format).", problem);
    }

    private static string ReplaceOnce(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from.Trim()}' is not in the SDL");
        return text[..at] + to + text[(at + from.Length)..];
    }
}
