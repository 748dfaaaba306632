using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;

namespace Totara.Client.Transport;

/// <summary>
/// Reads an HTTP body as GraphQL <c>{data, errors, extensions}</c>, whatever the status code: a
/// 400, 401 or 429 with a GraphQL body carries Totara's own message, which we keep.
/// </summary>
internal static class ResponseReader
{
    public static RawAnswer Read(HttpStatusCode status, byte[] body)
    {
        JsonDocument? document = null;
        if (body.Length > 0)
        {
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML error page, say): the status code alone tells the story.
                document = null;
            }
        }

        var errors = document is null ? Array.Empty<TotaraGraphQLError>() : ReadErrors(document.RootElement);
        return new RawAnswer(status, document, errors);
    }

    public static IReadOnlyList<TotaraGraphQLError> ReadErrors(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array)
            return Array.Empty<TotaraGraphQLError>();

        var list = new List<TotaraGraphQLError>(errors.GetArrayLength());
        foreach (var error in errors.EnumerateArray())
            list.Add(ReadError(error));
        return list;
    }

    private static TotaraGraphQLError ReadError(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
            return new TotaraGraphQLError(error.ToString());

        var message = StringOf(error, "message") ?? "(no message)";
        string? category = null, debug = null;
        if (error.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object)
        {
            category = StringOf(extensions, "category");
            debug = StringOf(extensions, "debugMessage");
        }
        category ??= StringOf(error, "category");
        debug ??= StringOf(error, "debugMessage");

        List<object>? path = null;
        if (error.TryGetProperty("path", out var pathElement) && pathElement.ValueKind == JsonValueKind.Array)
        {
            path = new List<object>();
            foreach (var segment in pathElement.EnumerateArray())
                path.Add(segment.ValueKind == JsonValueKind.Number && segment.TryGetInt32(out var index) ? index : (object)segment.ToString());
        }

        return new TotaraGraphQLError(message, category, debug, path);
    }

    private static string? StringOf(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
