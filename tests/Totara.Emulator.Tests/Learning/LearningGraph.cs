using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Totara.Emulator.Api;
using Totara.Emulator.Domain;
using Totara.Emulator.Schema;

namespace Totara.Emulator.Tests.Learning;

/// <summary>
/// Runs GraphQL documents in-process against the learning resolver modules within
/// the emulator's real schema (Schema/totara.graphqls), returning the JSON a client would read.
/// </summary>
internal sealed class LearningGraph
{
    private readonly ISchema _schema;
    private readonly ApiRequestContext _context;

    public LearningGraph(EmulatorState state)
    {
        _schema = SchemaFactory.Create(state);
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
}
