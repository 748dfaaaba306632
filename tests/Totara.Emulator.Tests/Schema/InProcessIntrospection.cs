using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using Totara.Emulator.Domain;
using Totara.Emulator.Schema;

namespace Totara.Emulator.Tests.Schema;

/// <summary>
/// Introspects a schema in-process with GraphQL.NET. The conformance tests introspect over HTTP;
/// this serves the tests that feed the comparison deliberately altered SDL.
/// </summary>
public static class InProcessIntrospection
{
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
