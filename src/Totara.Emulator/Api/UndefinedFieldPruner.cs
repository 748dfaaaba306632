using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Totara.Emulator.Api;

/// <summary>
/// Makes a document run as Totara's executor (webonyx/graphql-php, ReferenceExecutor) runs it
/// without validation: a field the schema does not define on its parent type is skipped, so it
/// is missing from the answer, and a field of object type without a selection resolves to an
/// empty object. GraphQL.NET fails on both, so the document is rewritten once, before it is
/// cached: undefined fields are removed, leaf fields lose a selection they should not have, and
/// an object field without one gets an empty selection.
/// </summary>
internal static class UndefinedFieldPruner
{
    public static void Prune(GraphQLDocument document, ISchema schema)
    {
        schema.Initialize();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    var root = operation.Operation switch
                    {
                        OperationType.Mutation => schema.Mutation,
                        OperationType.Subscription => schema.Subscription,
                        _ => (IComplexGraphType?)schema.Query,
                    };
                    Prune(operation.SelectionSet, root, schema);
                    break;
                case GraphQLFragmentDefinition fragment:
                    Prune(fragment.SelectionSet, schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue], schema);
                    break;
            }
        }
    }

    private static void Prune(GraphQLSelectionSet? selectionSet, IGraphType? parent, ISchema schema)
    {
        if (selectionSet is null)
        {
            return;
        }

        selectionSet.Selections.RemoveAll(selection => selection is GraphQLField field && IsUndefined(field, parent));
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when !field.Name.StringValue.StartsWith("__", StringComparison.Ordinal):
                    var type = ((IComplexGraphType)parent!).GetField(field.Name.StringValue)!.ResolvedType!.GetNamedType();
                    if (type is IComplexGraphType or UnionGraphType)
                    {
                        field.SelectionSet ??= new GraphQLSelectionSet(new List<ASTNode>());
                        Prune(field.SelectionSet, type, schema);
                    }
                    else
                    {
                        // webonyx completes a leaf value and never looks at a selection under it.
                        field.SelectionSet = null;
                    }

                    break;
                case GraphQLInlineFragment inline:
                    Prune(inline.SelectionSet, inline.TypeCondition is { } condition ? schema.AllTypes[condition.Type.Name.StringValue] : parent, schema);
                    break;
            }
        }
    }

    // Meta fields (__typename and, where allowed, __schema / __type) are always defined.
    private static bool IsUndefined(GraphQLField field, IGraphType? parent)
    {
        var name = field.Name.StringValue;
        return !name.StartsWith("__", StringComparison.Ordinal)
               && (parent is not IComplexGraphType complex || complex.GetField(name) is null);
    }
}
