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

    [Fact]
    public void Every_resolver_module_of_the_emulator_is_discovered_once()
    {
        var expected = typeof(SchemaFactory).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Totara.Emulator.Api.IResolverModule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => t.FullName)
            .Order();

        var discovered = SchemaFactory.DiscoverModules().Select(m => m.GetType().FullName).ToList();

        Assert.NotEmpty(discovered);
        Assert.Equal(expected, discovered.Order());
    }

    [Fact]
    public async Task The_schema_builds_without_any_module_and_unresolved_root_fields_give_null()
    {
        var schema = SchemaFactory.Create(new EmulatorState(), []);

        var result = await new DocumentExecuter().ExecuteAsync(o =>
        {
            o.Schema = schema;
            o.Query = "{ totara_webapi_status { status } }";
        });

        Assert.Null(result.Errors);
        Assert.Equal("{\"data\":{\"totara_webapi_status\":null}}", new GraphQLSerializer().Serialize(result));
    }
}
