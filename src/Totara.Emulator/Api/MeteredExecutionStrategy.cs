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
        return new MeteredResolver(resolver, request.Complexity, cost, isMutation ? _counters : null);
    }

    private sealed class MeteredResolver : IFieldResolver
    {
        private readonly IFieldResolver _inner;
        private readonly ComplexityMeter _meter;
        private readonly int _cost;
        private readonly EmulatorCounters? _mutationCounter;

        public MeteredResolver(IFieldResolver inner, ComplexityMeter meter, int cost, EmulatorCounters? mutationCounter)
        {
            _inner = inner;
            _meter = meter;
            _cost = cost;
            _mutationCounter = mutationCounter;
        }

        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            _meter.Charge(_cost);
            _mutationCounter?.CountMutation();
            return _inner.ResolveAsync(context);
        }
    }
}
