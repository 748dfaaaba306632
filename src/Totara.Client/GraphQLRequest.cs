using System;
using System.Collections.Generic;

namespace Totara.Client;

/// <summary>
/// One GraphQL document with its variables. User data always travels in <see cref="Variables"/>
/// (plain CLR values), never spliced into <see cref="Query"/>.
/// </summary>
public sealed class GraphQLRequest
{
    /// <summary>Makes a request of one document; user data goes in <paramref name="variables"/>.</summary>
    /// <param name="query">The GraphQL document.</param>
    /// <param name="variables">The document's variables as plain CLR values; null means none.</param>
    /// <param name="operationName">Which operation of the document to run; null or empty sends none.</param>
    /// <exception cref="ArgumentException"><paramref name="query"/> is empty, or <paramref name="operationName"/> is one Totara refuses (see <see cref="IsAcceptedOperationName"/>).</exception>
    public GraphQLRequest(string query, IDictionary<string, object?>? variables = null, string? operationName = null)
    {
        if (string.IsNullOrWhiteSpace(query)) throw new ArgumentException("The GraphQL document is empty.", nameof(query));
        if (!string.IsNullOrEmpty(operationName) && !IsAcceptedOperationName(operationName!))
            throw new ArgumentException(
                $"Totara refuses the operation name '{operationName}': it must be lower-case letters, digits and underscores, starting with a letter, at least two characters (e.g. 'list_users').",
                nameof(operationName));
        Query = query;
        Variables = variables ?? new Dictionary<string, object?>();
        OperationName = operationName;
    }

    /// <summary>The GraphQL document, sent as it is.</summary>
    public string Query { get; }

    /// <summary>
    /// totara_webapi\request::validate accepts an operationName only if it matches
    /// <c>/^[a-z][a-z0-9_]+$/</c> (or is "IntrospectionQuery"); any other fails the whole request.
    /// </summary>
    public static bool IsAcceptedOperationName(string name)
    {
        if (name == "IntrospectionQuery") return true;
        if (name.Length < 2 || name[0] < 'a' || name[0] > 'z') return false;
        foreach (var c in name)
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') return false;
        return true;
    }

    /// <summary>The variables sent with the document; empty, never null, when there are none.</summary>
    public IDictionary<string, object?> Variables { get; }

    /// <summary>The operation to run; null when none is sent (a document with one operation).</summary>
    public string? OperationName { get; }

    /// <summary>A copy with other variables (used to follow a cursor).</summary>
    public GraphQLRequest WithVariables(IDictionary<string, object?> variables) => new(Query, variables, OperationName);

    /// <inheritdoc/>
    public override string ToString() => OperationName is null ? "GraphQL request" : $"GraphQL request {OperationName}";
}
