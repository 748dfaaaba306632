using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using Totara.Client;

namespace Totara.PowerShell.GraphQL;

/// <summary>
/// A GraphQL answer as Invoke-TotaraGraphQL hands it on: data (may be missing), the errors and
/// extensions — whether the client returned it or raised it as an exception without data.
/// </summary>
internal sealed class GraphQLResponseView
{
    public GraphQLResponseView(JsonElement? data, IReadOnlyList<TotaraGraphQLError> errors, JsonElement? extensions)
    {
        Data = data;
        Errors = errors;
        Extensions = extensions;
    }

    public JsonElement? Data { get; }

    public IReadOnlyList<TotaraGraphQLError> Errors { get; }

    public JsonElement? Extensions { get; }

    public static implicit operator GraphQLResponseView(GraphQLResponse response) =>
        new(response.Data, response.Errors, response.Extensions);

    /// <summary>The response as { data, errors, extensions }, with GraphQL's own field names.</summary>
    public PSObject ToPSObject()
    {
        var result = new PSObject();
        result.Properties.Add(new PSNoteProperty("data", JsonToPSObject.Convert(Data)));
        result.Properties.Add(new PSNoteProperty("errors", Errors.Select(ErrorToPSObject).ToArray()));
        result.Properties.Add(new PSNoteProperty("extensions", JsonToPSObject.Convert(Extensions)));
        return result;
    }

    private static PSObject ErrorToPSObject(TotaraGraphQLError error)
    {
        var extensions = new PSObject();
        extensions.Properties.Add(new PSNoteProperty("category", error.Category));
        if (error.DebugMessage is not null) extensions.Properties.Add(new PSNoteProperty("debugMessage", error.DebugMessage));
        var result = new PSObject();
        result.Properties.Add(new PSNoteProperty("message", error.Message));
        result.Properties.Add(new PSNoteProperty("path", error.Path?.ToArray() ?? System.Array.Empty<object>()));
        result.Properties.Add(new PSNoteProperty("extensions", extensions));
        return result;
    }
}
