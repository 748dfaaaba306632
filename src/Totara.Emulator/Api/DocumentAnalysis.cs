using GraphQLParser;
using GraphQLParser.AST;

namespace Totara.Emulator.Api;

/// <summary>
/// What the endpoint must know about a document before running it: whether it asks for
/// introspection and how deep it is. Parsed documents are cached by their text, so a client
/// that sends the same batch shape again and again is parsed once.
/// </summary>
internal sealed class DocumentAnalysis
{
    private DocumentAnalysis(GraphQLDocument? document, bool introspects, int depth)
    {
        Document = document;
        Introspects = introspects;
        Depth = depth;
    }

    /// <summary>The parsed document, or null when the text is not valid GraphQL syntax.</summary>
    public GraphQLDocument? Document { get; }

    public bool Introspects { get; }

    /// <summary>The query depth as webonyx/graphql-php's QueryDepth rule measures it.</summary>
    public int Depth { get; }

    /// <summary>Root fields written directly in the operation that would run (fragments at the root not followed).</summary>
    public int RootFieldCount(string? operationName)
    {
        var operations = Document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? new List<GraphQLOperationDefinition>();
        var operation = operationName is null
            ? operations.FirstOrDefault()
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return operation?.SelectionSet.Selections.OfType<GraphQLField>().Count() ?? 0;
    }

    public static DocumentAnalysis Analyse(string query)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            // GraphQL.NET parses again and reports the syntax error in its usual way.
            return new DocumentAnalysis(null, false, 0);
        }

        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        var walker = new Walker(fragments);
        var depth = 0;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            depth = Math.Max(depth, walker.SelectionDepth(operation.SelectionSet, 0, 0));
        }

        var introspects = document.Definitions.Any(d => d switch
        {
            GraphQLOperationDefinition o => walker.AsksForIntrospection(o.SelectionSet),
            GraphQLFragmentDefinition f => walker.AsksForIntrospection(f.SelectionSet),
            _ => false,
        });
        return new DocumentAnalysis(document, introspects, depth);
    }

    private sealed class Walker
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments;
        private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);

        public Walker(Dictionary<string, GraphQLFragmentDefinition> fragments) => _fragments = fragments;

        // Mirrors QueryDepth::fieldDepth/nodeDepth: a field with a selection set at nesting n
        // makes the depth at least n; root fields are at nesting 0.
        public int SelectionDepth(GraphQLSelectionSet? set, int depth, int maxDepth)
        {
            if (set is null)
            {
                return maxDepth;
            }

            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField { SelectionSet: not null } field:
                        maxDepth = SelectionDepth(field.SelectionSet, depth + 1, Math.Max(maxDepth, depth));
                        break;
                    case GraphQLInlineFragment inline:
                        maxDepth = SelectionDepth(inline.SelectionSet, depth, maxDepth);
                        break;
                    case GraphQLFragmentSpread spread when Enter(spread, out var fragment):
                        maxDepth = SelectionDepth(fragment.SelectionSet, depth, maxDepth);
                        _visiting.Remove(fragment.FragmentName.Name.StringValue);
                        break;
                }
            }

            return maxDepth;
        }

        public bool AsksForIntrospection(GraphQLSelectionSet? set)
        {
            if (set is null)
            {
                return false;
            }

            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var name = field.Name.StringValue;
                        if (name is "__schema" or "__type" || AsksForIntrospection(field.SelectionSet))
                        {
                            return true;
                        }

                        break;
                    case GraphQLInlineFragment inline when AsksForIntrospection(inline.SelectionSet):
                        return true;
                }
            }

            return false;
        }

        // Guards against fragment cycles, which validation reports later.
        private bool Enter(GraphQLFragmentSpread spread, out GraphQLFragmentDefinition fragment)
        {
            var name = spread.FragmentName.Name.StringValue;
            if (_fragments.TryGetValue(name, out fragment!) && _visiting.Add(name))
            {
                return true;
            }

            return false;
        }
    }
}
