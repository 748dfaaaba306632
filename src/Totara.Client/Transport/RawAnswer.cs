using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;

namespace Totara.Client.Transport;

/// <summary>
/// One HTTP answer read as GraphQL: the parsed body (owned; dispose it), its <c>data</c>
/// element (still attached to the document) and its errors. Paging reads items straight from
/// here so a page is never copied whole.
/// </summary>
internal sealed class RawAnswer : IDisposable
{
    public RawAnswer(HttpStatusCode status, JsonDocument? document, IReadOnlyList<TotaraGraphQLError> errors)
    {
        Status = status;
        Document = document;
        Errors = errors;
        if (document is not null && document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            Data = data;
        if (document is not null && document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("extensions", out var extensions) && extensions.ValueKind != JsonValueKind.Null)
            Extensions = extensions;
    }

    public HttpStatusCode Status { get; }

    public JsonDocument? Document { get; }

    /// <summary>The <c>data</c> object, if the answer had one.</summary>
    public JsonElement? Data { get; }

    public JsonElement? Extensions { get; }

    public IReadOnlyList<TotaraGraphQLError> Errors { get; }

    /// <summary>A detached copy, safe to keep after this answer is disposed.</summary>
    public GraphQLResponse ToResponse() => new(Data?.Clone(), Errors, Extensions?.Clone());

    public void Dispose() => Document?.Dispose();
}
