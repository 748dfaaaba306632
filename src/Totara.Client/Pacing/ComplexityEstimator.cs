using System;
using System.Collections;
using System.Collections.Generic;

namespace Totara.Client.Pacing;

/// <summary>
/// Estimates what Totara will charge for a request, the way it counts: each root query field
/// 5, each root mutation field 10, and 1 for every resolved field of every returned object.
/// A list's item count is the requested page size (a <c>limit</c> in the root field's
/// arguments or their variables); without one, <see cref="DefaultListSize"/>.
/// </summary>
internal sealed class ComplexityEstimator
{
    public const int QueryRootCost = 5;
    public const int MutationRootCost = 10;

    /// <summary>Items assumed for a list whose page size the request does not state.</summary>
    public int DefaultListSize { get; set; } = 50;

    /// <summary>Whether the document's operation is a mutation, and its estimated cost.</summary>
    public Estimate Estimate(GraphQLRequest request)
    {
        var document = GraphQLDocument.Parse(request.Query);
        var operation = document.SelectOperation(request.OperationName);
        var rootCost = operation.IsMutation ? MutationRootCost : QueryRootCost;
        var total = 0;
        var rootFields = 0;
        foreach (var field in Expand(operation.Selections, document))
        {
            if (IsIntrospection(field)) continue;
            var listSize = FindLimit(field.Arguments, request.Variables) ?? DefaultListSize;
            total += rootCost + CountFields(field.Selections, document, listSize);
            rootFields++;
        }
        return new Estimate(operation.IsMutation, total, rootFields);
    }

    /// <summary>The cost of one root field with the given selection (batch sizing).</summary>
    public int EstimateRootField(bool isMutation, string selection, IEnumerable<object?> argumentValues)
    {
        var text = selection.Trim();
        if (text.Length == 0)
            return isMutation ? MutationRootCost : QueryRootCost;
        if (!text.StartsWith("{", StringComparison.Ordinal)) text = "{" + text + "}";
        var document = GraphQLDocument.Parse("query " + text);
        int? limit = null;
        foreach (var value in argumentValues)
            limit ??= FindLimitIn(value, null);
        return (isMutation ? MutationRootCost : QueryRootCost)
            + CountFields(document.Operations[0].Selections, document, limit ?? DefaultListSize);
    }

    private static int CountFields(List<SelectionNode>? selections, GraphQLDocument document, int listSize)
    {
        if (selections is null) return 0;
        var count = 0;
        foreach (var field in Expand(selections, document))
        {
            if (IsIntrospection(field)) continue;
            count += 1;
            if (field.Selections is null) continue;
            var perItem = CountFields(field.Selections, document, listSize);
            count += field.Name == "items" ? perItem * listSize : perItem;
        }
        return count;
    }

    // Totara counts complexity in its default field resolver; __typename, __schema, __type and
    // every field beneath them have resolvers of their own (the GraphQL library's) and cost nothing.
    private static bool IsIntrospection(FieldNode field) => field.Name.StartsWith("__", StringComparison.Ordinal);

    private static IEnumerable<FieldNode> Expand(List<SelectionNode> selections, GraphQLDocument document, int depth = 0)
    {
        if (depth > 32) yield break; // a fragment cycle; the site refuses it anyway
        foreach (var selection in selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    yield return field;
                    break;
                case InlineFragmentNode inline:
                    foreach (var f in Expand(inline.Selections, document, depth + 1)) yield return f;
                    break;
                case FragmentSpreadNode spread when document.Fragments.TryGetValue(spread.Name, out var fragment):
                    foreach (var f in Expand(fragment, document, depth + 1)) yield return f;
                    break;
            }
        }
    }

    private static int? FindLimit(Dictionary<string, object?> arguments, IDictionary<string, object?> variables)
    {
        foreach (var value in arguments.Values)
        {
            var limit = FindLimitIn(value, variables);
            if (limit is not null) return limit;
        }
        return null;
    }

    /// <summary>Looks for a <c>limit</c> key in a literal or variable value, at any depth.</summary>
    private static int? FindLimitIn(object? value, IDictionary<string, object?>? variables, int depth = 0)
    {
        if (depth > 16) return null;
        switch (value)
        {
            case VariableRef reference when variables is not null && variables.TryGetValue(reference.Name, out var bound):
                return FindLimitIn(bound, null, depth + 1);
            case IDictionary<string, object?> map:
                foreach (var pair in map)
                {
                    if (pair.Key == "limit" && AsInt(Resolve(pair.Value, variables)) is int limit) return limit;
                    var nested = FindLimitIn(pair.Value, variables, depth + 1);
                    if (nested is not null) return nested;
                }
                return null;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (Equals(entry.Key as string, "limit") && AsInt(entry.Value) is int limit) return limit;
                    var nested = FindLimitIn(entry.Value, variables, depth + 1);
                    if (nested is not null) return nested;
                }
                return null;
            case System.Text.Json.JsonElement element when element.ValueKind == System.Text.Json.JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "limit" && property.Value.TryGetInt32(out var limit)) return limit;
                    var nested = FindLimitIn(property.Value, variables, depth + 1);
                    if (nested is not null) return nested;
                }
                return null;
            default:
                return null;
        }
    }

    private static object? Resolve(object? value, IDictionary<string, object?>? variables) =>
        value is VariableRef reference && variables is not null && variables.TryGetValue(reference.Name, out var bound) ? bound : value;

    private static int? AsInt(object? value) => value switch
    {
        int i => i,
        long l when l >= 0 && l <= int.MaxValue => (int)l,
        short s => s,
        string text when int.TryParse(text, out var parsed) => parsed,
        System.Text.Json.JsonElement e when e.ValueKind == System.Text.Json.JsonValueKind.Number && e.TryGetInt32(out var n) => n,
        _ => null,
    };
}

internal readonly struct Estimate
{
    public Estimate(bool isMutation, int points, int rootFields = 1)
    {
        IsMutation = isMutation;
        Points = points;
        RootFields = rootFields;
    }

    public bool IsMutation { get; }

    public int Points { get; }

    /// <summary>Root fields Totara resolves (and checks the rate limit before), introspection left out.</summary>
    public int RootFields { get; }
}
