using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Totara.Emulator.Api;

namespace Totara.Emulator.Tests.Protocol;

/// <summary>
/// A small schema for protocol tests, independent of the transcribed Totara schema: a status
/// query, resolvers that fail in each way, a nested type for depth, and a mutation that records
/// what it was asked to do so tests can see which aliases were applied.
/// </summary>
internal sealed class ProtocolSchema
{
    private const string Sdl = """
        type item { name: String! id: Int! }
        type node { name: String child: node }
        type status { status: String! }
        type Query {
          totara_webapi_status: status
          boom: String
          refuse: String
          tree: node
        }
        type Mutation {
          add_item(name: String!): item
        }
        """;

    public ConcurrentQueue<string> Added { get; } = new();

    public ISchema Build()
    {
        var schema = GraphQL.Types.Schema.For(Sdl, builder =>
        {
            var query = builder.Types.For("Query");
            query.FieldFor("totara_webapi_status").Resolver = new FuncFieldResolver<object?>(_ => "ok");
            query.FieldFor("boom").Resolver = new FuncFieldResolver<object?>(_ => throw new InvalidOperationException("secret stack detail"));
            query.FieldFor("refuse").Resolver = new FuncFieldResolver<object?>(_ =>
                throw new TotaraApiException("You cannot do that.", ErrorCategories.Generic, "debug detail"));
            query.FieldFor("tree").Resolver = new FuncFieldResolver<object?>(_ => 1);
            builder.Types.For("status").FieldFor("status").Resolver = new FuncFieldResolver<object?>(ctx => ctx.Source);
            var node = builder.Types.For("node");
            node.FieldFor("name").Resolver = new FuncFieldResolver<object?>(ctx => $"level {ctx.Source}");
            node.FieldFor("child").Resolver = new FuncFieldResolver<object?>(ctx => (int)ctx.Source! + 1);

            builder.Types.For("Mutation").FieldFor("add_item").Resolver = new FuncFieldResolver<object?>(ctx =>
            {
                var name = ctx.GetArgument<string>("name");
                if (name == "bad")
                {
                    throw new TotaraApiException("Item name is not allowed.");
                }

                Added.Enqueue(name);
                return name;
            });
            var item = builder.Types.For("item");
            item.FieldFor("name").Resolver = new FuncFieldResolver<object?>(ctx => ctx.Source);
            item.FieldFor("id").Resolver = new FuncFieldResolver<object?>(ctx => ((string)ctx.Source!).Length);
        });
        return schema;
    }

    /// <summary>Starts an emulator serving this schema with client "c"/"s".</summary>
    public async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null)
    {
        options ??= new EmulatorOptions();
        options.SchemaOverride = _ => Build();
        var host = await EmulatorHost.StartAsync(options);
        host.AddClient("c", "s");
        return host;
    }
}
