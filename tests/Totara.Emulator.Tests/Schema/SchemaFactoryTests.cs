using GraphQL;
using GraphQL.SystemTextJson;
using Totara.Emulator.Domain;
using Totara.Emulator.Schema;

namespace Totara.Emulator.Tests.Schema;

public class SchemaFactoryTests
{
    [Fact]
    public void Schema_builds_from_the_embedded_sdl_with_every_root_field()
    {
        var schema = SchemaFactory.Create(new EmulatorState());

        Assert.Equal(18, schema.Query.Fields.Count);
        Assert.NotNull(schema.Mutation);
        Assert.Equal(17, schema.Mutation!.Fields.Count);
    }

    [Fact]
    public async Task Custom_scalars_are_totaras_not_placeholders()
    {
        var schema = SchemaFactory.Create(new EmulatorState());

        Assert.IsType<Totara.Emulator.Schema.Scalars.CoreIdGraphType>(schema.AllTypes["core_id"]);
        Assert.IsType<Totara.Emulator.Schema.Scalars.CoreDateGraphType>(schema.AllTypes["core_date"]);
        var json = await new DocumentExecuter().ExecuteAsync(o =>
        {
            o.Schema = schema;
            o.Query = "{ totara_webapi_status { status } }";
        });
        Assert.Null(json.Errors);
    }
}
