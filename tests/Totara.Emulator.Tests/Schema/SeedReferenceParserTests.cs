using Totara.Emulator.Tests.Reference;

namespace Totara.Emulator.Tests.Schema;

/// <summary>
/// The reference parser finds what the reference holds, so a broken parser cannot make the
/// conformance comparison pass by finding nothing to compare.
/// </summary>
public class SeedReferenceParserTests
{
    private static readonly SeedReference Reference = SeedReference.Load();

    [Fact]
    public void Finds_18_queries_and_17_mutations()
    {
        Assert.Equal(18, Reference.Queries.Count());
        Assert.Equal(17, Reference.Mutations.Count());
        Assert.Equal(35, Reference.Operations.Select(o => o.Name).Distinct().Count());
    }

    [Fact]
    public void Finds_arguments_and_return_types_of_operations()
    {
        var update = Reference.Operation("core_user_update_user");
        Assert.Equal(OperationKind.Mutation, update.Kind);
        Assert.Equal("core_user_user_result!", update.ReturnType);
        Assert.Equal(["target_user: core_user_user_reference!", "input: core_user_update_user_input!"], update.Arguments.Select(a => $"{a.Name}: {a.Type}"));
        Assert.Equal("query: core_user_users_query", Assert.Single(Reference.Operation("core_user_users").Arguments) is var a ? $"{a.Name}: {a.Type}" : "");
        Assert.Empty(Reference.Operation("totara_webapi_status").Arguments);
        // Two entries in the reference leave out "Returns a …"; every other one names its type.
        Assert.Equal(["bi_intellidata_validate_credentials", "core_completion_get_course_completion"],
            Reference.Operations.Where(o => o.ReturnType is null).Select(o => o.Name).Order());
        Assert.True(Reference.Operations.Sum(o => o.Arguments.Count) >= 35);
    }

    [Fact]
    public void Finds_types_of_every_kind_with_their_fields()
    {
        Assert.True(Reference.Types.Count >= 120, $"only {Reference.Types.Count} types");
        Assert.Equal(Reference.Types.Count, Reference.Types.Select(t => t.Name).Distinct().Count());
        Assert.True(Reference.Types.Count(t => t.Kind == ReferenceTypeKind.Object) >= 60);
        Assert.True(Reference.Types.Count(t => t.Kind == ReferenceTypeKind.Input) >= 20);
        Assert.Equal(7, Reference.Types.Count(t => t.Kind == ReferenceTypeKind.Enum));
        Assert.Equal(ReferenceTypeKind.Interface, Reference.Type("core_pageable_result").Kind);
        Assert.True(Reference.Types.Sum(t => t.Fields.Count) >= 500);

        var user = Reference.Type("core_user");
        Assert.Equal(ReferenceTypeKind.Object, user.Kind);
        Assert.Equal("core_id!", user.Field("id")!.Type);
        Assert.True(user.Field("fullname")!.HasArguments);
        Assert.False(user.Field("id")!.HasArguments);
        Assert.Equal("[core_tag]!", Reference.Type("core_cohort").Field("tags")!.Type);
        Assert.Equal("[core_sort_input!]", Reference.Type("core_user_users_query").Field("sort")!.Type);
        Assert.Equal(ReferenceTypeKind.Input, Reference.Type("core_user_users_query").Kind);
    }

    [Fact]
    public void Reads_enums_scalars_elided_types_and_bare_names()
    {
        var dateFormat = Reference.Type("core_date_format");
        Assert.Equal(12, dateFormat.EnumValueDescriptions.Count);
        Assert.Equal("\"TIMESTAMP\"", dateFormat.ExampleValue);
        Assert.Equal(6, Reference.Type("core_format").EnumValueDescriptions.Count);

        foreach (var scalar in new[] { "core_id", "core_date", "param_email", "param_integer", "param_username", "String", "Int", "Float", "Boolean" })
            Assert.Equal(ReferenceTypeKind.Scalar, Reference.Type(scalar).Kind);

        var role = Reference.Type("core_role");
        Assert.Equal(ReferenceTypeKind.Composite, role.Kind);
        Assert.Equal(["id", "name", "shortname", "description"], role.ExampleKeys);
        Assert.Equal(["id", "idnumber"], Reference.Type("core_cohort_cohort_reference").ExampleKeys);

        var bare = Reference.Types.Where(t => t.Kind == ReferenceTypeKind.Unknown).Select(t => t.Name).Order();
        Assert.Equal(["bi_intellidata_data_files_input", "bi_intellidata_enable_processing_input", "core_tag", "perform_goal_status", "perform_goal_update_progress_input"], bare);
    }
}
