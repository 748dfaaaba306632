using System.Reflection;
using GraphQL.Types;
using Totara.Emulator.Api;
using Totara.Emulator.Domain;

namespace Totara.Emulator.Hosting;

/// <summary>
/// The executable schema for a site: the schema-first build from Schema/totara.graphqls with
/// every <see cref="IResolverModule"/> attached. Built once per host; GraphQL.NET schemas are
/// safe for concurrent execution.
/// </summary>
internal static class SchemaSource
{
    public static ISchema Create(EmulatorState state)
    {
        // The full build lives in Schema/SchemaFactory (owned by the schema transcription).
        var factory = typeof(SchemaSource).Assembly.GetType("Totara.Emulator.Schema.SchemaFactory");
        var create = factory?.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, new[] { typeof(EmulatorState) });
        if (create is not null)
        {
            return (ISchema)create.Invoke(null, new object[] { state })!;
        }

        return StatusOnlySchema(state);
    }

    // Used only until the transcribed schema is present: enough for the protocol's own tests.
    private static ISchema StatusOnlySchema(EmulatorState state)
    {
        const string sdl = """
            scalar core_date
            enum core_date_format { TIMESTAMP ISO8601 DAYDATETIME TIME TIMESHORT DATE DATESHORT DATELONG DATETIME DATETIMESHORT DATETIMELONG DATETIMESECONDS }
            type totara_webapi_status { status: String! timestamp(format: core_date_format = TIMESTAMP): core_date }
            type Query { totara_webapi_status: totara_webapi_status }
            """;
        var schema = GraphQL.Types.Schema.For(sdl, builder => new StatusResolvers().Register(builder.Types, state));
        schema.RegisterType(new PassThroughScalar("core_date"));
        return schema;
    }

    private sealed class PassThroughScalar : ScalarGraphType
    {
        public PassThroughScalar(string name) => Name = name;

        public override object? ParseValue(object? value) => value;

        public override object? ParseLiteral(GraphQLParser.AST.GraphQLValue value) => value;

        public override object? Serialize(object? value) => value;
    }
}
