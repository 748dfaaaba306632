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
        return new MeteredResolver(resolver, request.Complexity, cost, isMutation ? _counters : null);
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
