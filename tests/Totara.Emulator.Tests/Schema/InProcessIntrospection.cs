using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using Totara.Emulator.Domain;
using Totara.Emulator.Schema;

namespace Totara.Emulator.Tests.Schema;

/// <summary>Introspects the schema SchemaFactory builds, executed in-process with GraphQL.NET.</summary>
public static class InProcessIntrospection
{
    // The served schema does not change within a test run: introspect it once.
    private static readonly Lazy<Task<IntrospectedSchema>> Default = new(() => RunAsync(SchemaFactory.Create(new EmulatorState())));

    public static Task<IntrospectedSchema> RunAsync() => Default.Value;

    public static async Task<IntrospectedSchema> RunAsync(GraphQL.Types.ISchema schema)
    {
        var result = await new DocumentExecuter().ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Query = IntrospectedSchema.Query;
        });
        var json = new GraphQLSerializer().Serialize(result);
        using var document = JsonDocument.Parse(json);
        return IntrospectedSchema.FromResponse(document.RootElement.Clone());
    }
}
