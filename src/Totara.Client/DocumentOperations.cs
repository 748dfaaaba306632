using System;
using Totara.Client.Pacing;

namespace Totara.Client;

/// <summary>What a GraphQL document will do, read with the client's own parser (the one the pacer uses).</summary>
public static class DocumentOperations
{
    /// <summary>
    /// True when the operation that will run is a mutation: the one <paramref name="operationName"/>
    /// names, or without a name the document's only operation, or any of its operations. A document
    /// the parser cannot read counts as a mutation when it says "mutation" anywhere: when unsure, a
    /// caller that asks before changing something must ask.
    /// </summary>
    public static bool RunsMutation(string document, string? operationName, out string? mutationName)
    {
        if (document is null) throw new ArgumentNullException(nameof(document));
        mutationName = null;
        GraphQLDocument parsed;
        try
        {
            parsed = GraphQLDocument.Parse(document);
        }
        catch (FormatException)
        {
            return document.IndexOf("mutation", StringComparison.Ordinal) >= 0;
        }

        foreach (var operation in parsed.Operations)
        {
            if (!operation.IsMutation) continue;
            if (!string.IsNullOrEmpty(operationName) && !string.Equals(operation.Name, operationName, StringComparison.Ordinal)) continue;
            mutationName = operation.Name;
            return true;
        }
        return false;
    }
}
