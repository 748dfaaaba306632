using System.Reflection;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQLParser.AST;
using Totara.Emulator.Api;
using Totara.Emulator.Domain;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Tests.Learning;

/// <summary>
/// Runs GraphQL documents in-process against the learning resolver modules and a test-only
/// transcription of their part of the schema, returning the JSON a client would read.
/// </summary>
internal sealed class LearningGraph
{
    private readonly ISchema _schema;
    private readonly ApiRequestContext _context;

    public LearningGraph(EmulatorState state)
    {
        var sdl = LearningSchemaSdl.Text;
        var schema = GraphQL.Types.Schema.For(sdl, builder =>
        {
            var modules = typeof(IResolverModule).Assembly.GetTypes()
                .Where(t => typeof(IResolverModule).IsAssignableFrom(t) && !t.IsAbstract && t.Namespace!.StartsWith("Totara.Emulator.Domain.", StringComparison.Ordinal));
            foreach (var module in modules)
            {
                ((IResolverModule)Activator.CreateInstance(module)!).Register(builder.Types, state);
            }

            var user = builder.Types.For("core_user");
            user.Field<UserRecord>("id", u => u.Id);
            user.Field<UserRecord>("username", u => u.Username);
            user.Field<UserRecord>("fullname", u => u.FullName);
        });
        foreach (var name in new[] { "core_id", "core_date", "param_integer" })
        {
            schema.RegisterType(new LooseScalar(name));
        }

        _schema = schema;
        _context = new ApiRequestContext(new ApiClientRecord("tests", "not-a-secret", UserStore.AdminId, false));
    }

    public async Task<JsonElement> RunAsync(string document, object? variables = null)
    {
        var json = await new DocumentExecuter().ExecuteAsync(options =>
        {
            options.Schema = _schema;
            options.Query = document;
            options.UserContext = _context;
            options.Variables = variables is null ? null : new GraphQLSerializer().Deserialize<Inputs>(JsonSerializer.Serialize(variables));
            options.UnhandledExceptionDelegate = ctx =>
            {
                // Totara's errors carry their own message; anything else is a test failure.
                ctx.ErrorMessage = ctx.OriginalException is TotaraApiException ? ctx.OriginalException.Message : ctx.OriginalException.ToString();
                return Task.CompletedTask;
            };
        }).ContinueWith(t => new GraphQLSerializer().Serialize(t.Result));
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>Totara's id/date/integer scalars: numbers or strings in, unchanged out.</summary>
    private sealed class LooseScalar : ScalarGraphType
    {
        public LooseScalar(string name) => Name = name;

        public override object? ParseValue(object? value) => value;

        public override object? ParseLiteral(GraphQLValue value) => value switch
        {
            GraphQLNullValue => null,
            GraphQLIntValue i => long.Parse(i.Value.Span),
            GraphQLStringValue s => s.Value.ToString(),
            _ => ThrowLiteralConversionError(value),
        };

        public override object? Serialize(object? value) => value;
    }
}
