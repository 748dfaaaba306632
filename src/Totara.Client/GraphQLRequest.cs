using System;
using System.Collections.Generic;

namespace Totara.Client;

/// <summary>
/// One GraphQL document with its variables. User data always travels in <see cref="Variables"/>
/// (plain CLR values), never spliced into <see cref="Query"/>.
/// </summary>
public sealed class GraphQLRequest
{
    public GraphQLRequest(string query, IDictionary<string, object?>? variables = null, string? operationName = null)
    {
        if (string.IsNullOrWhiteSpace(query)) throw new ArgumentException("The GraphQL document is empty.", nameof(query));
        Query = query;
        Variables = variables ?? new Dictionary<string, object?>();
        OperationName = operationName;
    }

    public string Query { get; }

    public IDictionary<string, object?> Variables { get; }

    public string? OperationName { get; }

    /// <summary>A copy with other variables (used to follow a cursor).</summary>
    public GraphQLRequest WithVariables(IDictionary<string, object?> variables) => new(Query, variables, OperationName);

    public override string ToString() => OperationName is null ? "GraphQL request" : $"GraphQL request {OperationName}";
}
