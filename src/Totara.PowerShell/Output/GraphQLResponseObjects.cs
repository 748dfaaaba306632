using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Totara.Client;

namespace Totara.PowerShell;

/// <summary>Shapes a GraphQL response for the pipeline: the whole response (-Raw) or error targets.</summary>
internal static class GraphQLResponseObjects
{
    /// <summary>The response as { data, errors, extensions }, with GraphQL's own field names.</summary>
    public static PSObject ToPSObject(GraphQLResponse response)
    {
        var result = new PSObject();
        result.Properties.Add(new PSNoteProperty("data", JsonToPSObject.Convert(response.Data)));
        result.Properties.Add(new PSNoteProperty("errors", response.Errors.Select(ToPSObject).ToArray()));
        result.Properties.Add(new PSNoteProperty("extensions", JsonToPSObject.Convert(response.Extensions)));
        return result;
    }

    /// <summary>The response path of an error as text (e.g. <c>u1.items.0.email</c>), or null when it has none.</summary>
    public static string? PathText(TotaraGraphQLError error) =>
        error.Path is { Count: > 0 } path ? string.Join(".", path.Select(part => part?.ToString())) : null;

    private static PSObject ToPSObject(TotaraGraphQLError error)
    {
        var extensions = new PSObject();
        extensions.Properties.Add(new PSNoteProperty("category", error.Category));
        if (error.DebugMessage is not null) extensions.Properties.Add(new PSNoteProperty("debugMessage", error.DebugMessage));
        var result = new PSObject();
        result.Properties.Add(new PSNoteProperty("message", error.Message));
        result.Properties.Add(new PSNoteProperty("path", error.Path?.ToArray() ?? new object[0]));
        result.Properties.Add(new PSNoteProperty("extensions", extensions));
        return result;
    }
}
