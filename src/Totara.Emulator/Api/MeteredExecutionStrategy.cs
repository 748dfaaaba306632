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
/// field 5, a root mutation field 10, any other field 1.
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
        if (context.UserContext is not ApiRequestContext request || node.IndexInParentNode is not null)
        {
            return resolver;
        }

        // Meta fields (__typename, __schema, __type) are not operations, wherever they appear.
        var isRoot = node.Parent is RootExecutionNode && !node.Field.Name.Value.Span.StartsWith("__");
        var isMutation = isRoot && context.Operation.Operation == OperationType.Mutation;
        var cost = !isRoot ? FieldCost : isMutation ? RootMutationCost : RootQueryCost;
        var stopsOnFailure = isMutation && node.FieldDefinition.ResolvedType is GraphQL.Types.NonNullGraphType;
        return new MeteredResolver(resolver, request, cost, isMutation ? _counters : null, stopsOnFailure);
    }

    private sealed class MeteredResolver : IFieldResolver
    {
        private readonly IFieldResolver _inner;
        private readonly ApiRequestContext _request;
        private readonly int _cost;
        private readonly EmulatorCounters? _mutationCounter;
        private readonly bool _stopsOnFailure;

        public MeteredResolver(IFieldResolver inner, ApiRequestContext request, int cost, EmulatorCounters? mutationCounter, bool stopsOnFailure)
        {
            _inner = inner;
            _request = request;
            _cost = cost;
            _mutationCounter = mutationCounter;
            _stopsOnFailure = stopsOnFailure;
        }

        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            if (_stopsOnFailure && _request.MutationFailed) throw new MutationNotRunException();
            _request.Complexity.Charge(_cost);
            _mutationCounter?.CountMutation();
            return _stopsOnFailure ? ResolveMutationAsync(context) : _inner.ResolveAsync(context);
        }

        private async ValueTask<object?> ResolveMutationAsync(IResolveFieldContext context)
        {
            try
            {
                return await _inner.ResolveAsync(context).ConfigureAwait(false);
            }
            catch
            {
                _request.MutationFailed = true;
                throw;
            }
        }
    }
}

/// <summary>A root mutation skipped because an earlier one failed; never shown to the client.</summary>
internal sealed class MutationNotRunException : Exception
{
    public MutationNotRunException() : base("Not run: an earlier mutation of this request failed.") { }
}
