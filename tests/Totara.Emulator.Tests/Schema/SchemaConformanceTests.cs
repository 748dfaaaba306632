using Totara.Emulator.Tests.Reference;

namespace Totara.Emulator.Tests.Schema;

/// <summary>
/// The served schema matches the API reference: every query, mutation, argument, type, field,
/// enum and scalar, by name and shape (nullability and lists). Failures list every mismatch.
/// </summary>
public class SchemaConformanceTests
{
    private static readonly Lazy<SeedReference> Reference = new(SeedReference.Load);

    [Fact]
    public async Task Served_schema_has_the_reference_queries_and_mutations_and_nothing_else()
    {
        var served = await InProcessIntrospection.RunAsync();
        var comparison = new SchemaComparison(Reference.Value, served);

        var problems = comparison.Operations(OperationKind.Query).Concat(comparison.Operations(OperationKind.Mutation)).ToList();

        Assert.True(problems.Count == 0, Report(problems));
        Assert.Equal(18, served.Types[served.QueryType].Fields.Count);
        Assert.Equal(17, served.Types[served.MutationType!].Fields.Count);
    }

    [Fact]
    public async Task Served_schema_has_every_reference_type_with_its_kind_fields_and_shapes()
    {
        var served = await InProcessIntrospection.RunAsync();

        var problems = new SchemaComparison(Reference.Value, served).Types();

        Assert.True(problems.Count == 0, Report(problems));
    }

    /// <summary>
    /// The reference elides enum values; these were recovered from its descriptions and examples
    /// and from Totara's schema (see the notes in totara.graphqls). Pinned so an edit shows up.
    /// </summary>
    [Theory]
    [InlineData("core_date_format", "TIMESTAMP ISO8601 DAYDATETIME TIME TIMESHORT DATE DATESHORT DATELONG DATETIME DATETIMESHORT DATETIMELONG DATETIMESECONDS")]
    [InlineData("core_format", "RAW HTML PLAIN MARKDOWN JSON_EDITOR MOBILE")]
    [InlineData("core_sort_direction_enum", "ASC DESC")]
    [InlineData("core_cohort_type", "STATIC DYNAMIC")]
    [InlineData("core_enrol_status_enum", "ENROL_INSTANCE_ENABLED ENROL_INSTANCE_DISABLED ENROL_INSTANCE_DELETED")]
    [InlineData("core_user_enrolment_status_enum", "ENROL_USER_ACTIVE ENROL_USER_SUSPENDED")]
    [InlineData("core_user_user_status", "ACTIVE SUSPENDED ALL")]
    public async Task Enum_values_are_the_recovered_ones(string enumName, string values)
    {
        var served = await InProcessIntrospection.RunAsync();

        Assert.Equal(ReferenceTypeKind.Enum, Reference.Value.Type(enumName).Kind);
        Assert.Equal(values.Split(' '), served.Types[enumName].EnumValues);
    }

    [Fact]
    public void Every_reference_enum_is_pinned_above()
    {
        var pinned = typeof(SchemaConformanceTests).GetMethod(nameof(Enum_values_are_the_recovered_ones))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]);

        Assert.Equal(Reference.Value.Types.Where(t => t.Kind == ReferenceTypeKind.Enum).Select(t => t.Name).Order(), pinned.Order());
    }

    private static string Report(List<string> problems) =>
        $"{problems.Count} difference(s) from the API reference:\n  " + string.Join("\n  ", problems);
}
