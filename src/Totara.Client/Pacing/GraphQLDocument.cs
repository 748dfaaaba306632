using System;
using System.Collections.Generic;

namespace Totara.Client.Pacing;

/// <summary>What the cost estimator needs of a document: operations, fragments and selections.</summary>
internal sealed class GraphQLDocument
{
    public List<OperationNode> Operations { get; } = new();

    public Dictionary<string, List<SelectionNode>> Fragments { get; } = new(StringComparer.Ordinal);

    /// <summary>The operation that runs: the named one, or the only one.</summary>
    public OperationNode SelectOperation(string? operationName)
    {
        if (operationName is not null)
        {
            foreach (var op in Operations)
                if (op.Name == operationName) return op;
            throw new FormatException($"The document has no operation named '{operationName}'.");
        }
        if (Operations.Count != 1)
            throw new FormatException("The document has several operations; name the one to run.");
        return Operations[0];
    }

    public static GraphQLDocument Parse(string source) => new GraphQLDocumentParser(GraphQLLexer.Tokenize(source)).ParseDocument();
}

internal sealed class OperationNode
{
    public OperationNode(string kind, string? name, List<SelectionNode> selections)
    {
        Kind = kind;
        Name = name;
        Selections = selections;
    }

    /// <summary>query, mutation or subscription.</summary>
    public string Kind { get; }

    public string? Name { get; }

    public List<SelectionNode> Selections { get; }

    public bool IsMutation => Kind == "mutation";
}

internal abstract class SelectionNode
{
}

internal sealed class FieldNode : SelectionNode
{
    public FieldNode(string? alias, string name, Dictionary<string, object?> arguments, List<SelectionNode>? selections)
    {
        Alias = alias;
        Name = name;
        Arguments = arguments;
        Selections = selections;
    }

    public string? Alias { get; }

    public string Name { get; }

    /// <summary>Literal values (long, double, string, bool, null, lists, dictionaries) or <see cref="VariableRef"/>.</summary>
    public Dictionary<string, object?> Arguments { get; }

    public List<SelectionNode>? Selections { get; }
}

internal sealed class FragmentSpreadNode : SelectionNode
{
    public FragmentSpreadNode(string name) => Name = name;

    public string Name { get; }
}

internal sealed class InlineFragmentNode : SelectionNode
{
    public InlineFragmentNode(List<SelectionNode> selections) => Selections = selections;

    public List<SelectionNode> Selections { get; }
}

internal sealed class VariableRef
{
    public VariableRef(string name) => Name = name;

    public string Name { get; }
}
