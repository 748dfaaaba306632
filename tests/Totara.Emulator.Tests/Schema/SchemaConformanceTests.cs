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

    private static string Report(List<string> problems) =>
        $"{problems.Count} difference(s) from the API reference:\n  " + string.Join("\n  ", problems);
}
