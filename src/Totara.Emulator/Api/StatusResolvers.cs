using GraphQL.Resolvers;
using GraphQL.Utilities;
using Totara.Emulator.Domain;

namespace Totara.Emulator.Api;

/// <summary>
/// <c>totara_webapi_status</c>: the query a client runs to prove its token and the endpoint
/// work. status is always "ok"; timestamp is the time of the request as a unix timestamp, which
/// the schema's format-argument wrapper renders in the requested core_date_format.
/// </summary>
public sealed class StatusResolvers : IResolverModule
{
    public void Register(TypeSettings types, EmulatorState state)
    {
        types.For("Query").FieldFor("totara_webapi_status").Resolver =
            new FuncFieldResolver<object?>(_ => new ApiStatus(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

        var status = types.For("totara_webapi_status");
        status.FieldFor("status").Resolver = new FuncFieldResolver<object?>(_ => "ok");
        status.FieldFor("timestamp").Resolver = new FuncFieldResolver<object?>(ctx => ((ApiStatus)ctx.Source!).Timestamp);
    }

    private sealed record ApiStatus(long Timestamp);
}
