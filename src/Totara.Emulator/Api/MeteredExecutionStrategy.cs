using GraphQL;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Totara.Emulator.Api;

/// <summary>
/// Runs every operation serially (root fields one after another, as Totara's PHP server does,
/// so a crossing of the complexity limit falls at a predictable alias) and charges each field
/// to the request's <see cref="ComplexityMeter"/> just before its resolver runs: a root query
/// field 5, a root mutation field 10, any other field 1; introspection nothing.
/// </summary>
/// <remarks>
/// Totara's executor (webonyx/graphql-php, like graphql-js) runs a mutation's root fields one by
/// one and stops at the first error on a non-null root field: the error nulls the whole data
/// and the aliases after it never run. GraphQL.NET would run them, so a root mutation after such
/// a failure is skipped here (<see cref="MutationNotRunException"/>, removed from the answer).
/// </remarks>
internal sealed class MeteredExecutionStrategy : SerialExecutionStrategy
{
    public const int RootQueryCost = 5;
    public const int RootMutationCost = 10;
    public const int FieldCost = 1;

    private readonly EmulatorCounters _counters;

    public MeteredExecutionStrategy(EmulatorCounters counters)
    {
        _counters = counters;
    }

    protected override IFieldResolver SelectResolver(ExecutionNode node, ExecutionContext context)
    {
        var resolver = base.SelectResolver(node, context);
        if (context.UserContext is not ApiRequestContext request || node.IndexInParentNode is not null || IsIntrospection(node))
        {
            return resolver;
        }

        var isRoot = node.Parent is RootExecutionNode;
        var isMutation = isRoot && context.Operation.Operation == OperationType.Mutation;
        var cost = !isRoot ? FieldCost : isMutation ? RootMutationCost : RootQueryCost;
        var stopsOnFailure = isMutation && node.FieldDefinition.ResolvedType is GraphQL.Types.NonNullGraphType;
        return isRoot
            ? new RootFieldResolver(resolver, request, cost, isMutation ? _counters : null, stopsOnFailure)
            : new MeteredResolver(resolver, request, cost);
    }

    /// <summary>
    /// A meta field (__typename, __schema, __type) or any field beneath one. Totara counts
    /// complexity in its default field resolver only; the GraphQL library resolves these with
    /// resolvers of its own, so they cost nothing, at the root or inside an object.
    /// </summary>
    private static bool IsIntrospection(ExecutionNode node)
    {
        for (var current = node; current is not null and not RootExecutionNode; current = current.Parent)
        {
            if (current.Field is { } field && field.Name.Value.Span.StartsWith("__"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A field below the root: charged just before it resolves.</summary>
    private sealed class MeteredResolver : IFieldResolver
    {
        private readonly IFieldResolver _inner;
        private readonly ApiRequestContext _request;
        private readonly int _cost;

        public MeteredResolver(IFieldResolver inner, ApiRequestContext request, int cost)
        {
            _inner = inner;
            _request = request;
            _cost = cost;
        }

        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            _request.Complexity.Charge(_cost);
            return _inner.ResolveAsync(context);
        }
    }

    /// <summary>
    /// A root field, wrapped as Totara wraps every query and mutation resolver of the external
    /// endpoint (totara_webapi\endpoint_type\external::get_middleware: client_rate_limit,
    /// global_rate_limit): the rate limit is checked before it, a refusal ends the request with
    /// 429, the server's time for the resolver passes, and due points are flushed after it.
    /// </summary>
    private sealed class RootFieldResolver : IFieldResolver
    {
        private readonly IFieldResolver _inner;
        private readonly ApiRequestContext _request;
        private readonly int _cost;
        private readonly EmulatorCounters? _mutationCounter;
        private readonly bool _stopsOnFailure;

        public RootFieldResolver(IFieldResolver inner, ApiRequestContext request, int cost, EmulatorCounters? mutationCounter, bool stopsOnFailure)
        {
            _inner = inner;
            _request = request;
            _cost = cost;
            _mutationCounter = mutationCounter;
            _stopsOnFailure = stopsOnFailure;
        }

        public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            if (_stopsOnFailure && _request.MutationFailed) throw new MutationNotRunException();
            var rate = _request.RateCharge;
            // util::send_error('Too many requests', 429) exits: no root field after a refusal runs.
            if (rate is { Refused: true }) throw new MutationNotRunException();
            var flushAfter = false;
            if (rate is not null && !rate.BeforeRootField(out flushAfter)) throw new MutationNotRunException();

            _request.Complexity.Charge(_cost);
            _mutationCounter?.CountMutation();
            if (_request.ResolverLatency > TimeSpan.Zero)
            {
                // A real site spends time in PHP and the database on each resolver (--resolver-latency-ms).
                await Task.Delay(_request.ResolverLatency, _request.Clock, context.CancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await _inner.ResolveAsync(context).ConfigureAwait(false);
            }
            catch when (_stopsOnFailure)
            {
                _request.MutationFailed = true;
                throw;
            }
            finally
            {
                // client_rate_limit::handle flushes after the resolver when the flush was due before it.
                if (flushAfter) rate!.Flush();
            }
        }
    }
}

/// <summary>A root field skipped because an earlier mutation failed or the rate limit refused the request; never shown to the client.</summary>
internal sealed class MutationNotRunException : Exception
{
    public MutationNotRunException() : base("Not run: an earlier mutation of this request failed.") { }
}
