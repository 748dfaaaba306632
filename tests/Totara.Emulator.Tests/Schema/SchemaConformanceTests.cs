using Totara.Emulator.Tests.Reference;

namespace Totara.Emulator.Tests.Schema;

/// <summary>
/// The served schema matches the API reference: every query, mutation, argument, type, field,
/// enum and scalar, by name and shape (nullability and lists). The schema is introspected over
/// real HTTP from a running emulator. Failures list every mismatch.
/// </summary>
public class SchemaConformanceTests : IClassFixture<ServedSchemaFixture>
{
    private static readonly Lazy<SeedReference> Reference = new(SeedReference.Load);
    private readonly IntrospectedSchema _served;

    public SchemaConformanceTests(ServedSchemaFixture fixture)
    {
        _served = fixture.Served;
    }

    [Fact]
    public void Served_schema_has_the_reference_queries_and_mutations_and_nothing_else()
    {
        var served = _served;
        var comparison = new SchemaComparison(Reference.Value, served);

        var problems = comparison.Operations(OperationKind.Query).Concat(comparison.Operations(OperationKind.Mutation)).ToList();

        Assert.True(problems.Count == 0, Report(problems));
        Assert.Equal(18, served.Types[served.QueryType].Fields.Count);
        Assert.Equal(17, served.Types[served.MutationType!].Fields.Count);
    }

    [Fact]
    public void Served_schema_has_every_reference_type_with_its_kind_fields_and_shapes()
    {
        var served = _served;

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
    public void Enum_values_are_the_recovered_ones(string enumName, string values)
    {
        var served = _served;

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

    /// <summary>
    /// The reference marks fields that take arguments but does not list them. They are Totara's
    /// format arguments: core_date fields take format: core_date_format = TIMESTAMP; text fields
    /// take format: core_format, PLAIN by default and HTML for rich text (pinned below).
    /// </summary>
    [Fact]
    public void Fields_the_reference_marks_as_taking_arguments_take_the_format_argument()
    {
        var problems = new List<string>();
        var htmlDefaults = new List<string>();
        foreach (var type in Reference.Value.Types)
        {
            foreach (var field in type.Fields.Where(f => f.HasArguments))
            {
                var served = _served.Types[type.Name].Fields.Single(f => f.Name == field.Name);
                var expectedType = SeedReference.NamedType(field.Type) == "core_date" ? "core_date_format" : "core_format";
                var argument = served.Arguments.SingleOrDefault();
                if (argument is null || argument.Name != "format" || argument.Type != expectedType)
                {
                    problems.Add($"{type.Name}.{field.Name} takes ({string.Join(", ", served.Arguments.Select(a => $"{a.Name}: {a.Type}"))}), not (format: {expectedType}).");
                    continue;
                }
                var allowed = expectedType == "core_date_format" ? new[] { "TIMESTAMP" } : ["PLAIN", "HTML"];
                if (!allowed.Contains(argument.DefaultValue)) problems.Add($"{type.Name}.{field.Name}(format:) defaults to {argument.DefaultValue ?? "nothing"}.");
                if (argument.DefaultValue == "HTML") htmlDefaults.Add($"{type.Name}.{field.Name}");
            }
        }

        Assert.True(problems.Count == 0, Report(problems));
        Assert.Equal(RichTextFields.Order(), htmlDefaults.Order());
    }

    /// <summary>Text fields holding rich text (HTML), whose format argument defaults to HTML.</summary>
    private static readonly string[] RichTextFields =
    [
        "core_category.description", "core_cohort.description", "core_course.summary",
        "core_course_criteria.requirement", "core_course_criteria.status", "core_course_criteria.typeaggregation",
        "core_course_module.availablereason", "core_course_module.description", "core_course_module.name",
        "core_course_section.availablereason", "core_course_section.summary", "core_course_section.title",
        "core_user.description", "perform_goal_goal.description", "perform_goal_goal_raw_data.description",
        "totara_hierarchy_framework.description", "totara_hierarchy_item.description", "totara_hierarchy_organisation.description",
        "totara_hierarchy_organisation_framework.description", "totara_hierarchy_organisation_type.description",
        "totara_hierarchy_position.description", "totara_hierarchy_position_framework.description",
        "totara_hierarchy_position_type.description", "totara_hierarchy_type.description", "totara_job_job_assignment.description",
    ];

    private static string Report(List<string> problems) =>
        $"{problems.Count} difference(s) from the API reference:\n  " + string.Join("\n  ", problems);
}
