using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Totara.Client.Transport;

/// <summary>Serialises a request as Totara's GraphQL POST body <c>{query, variables, operationName}</c>.</summary>
internal static class RequestBody
{
    public static byte[] Serialize(GraphQLRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("query", request.Query);
            writer.WritePropertyName("variables");
            writer.WriteStartObject();
            foreach (var pair in request.Variables)
            {
                writer.WritePropertyName(pair.Key);
                VariableWriter.Write(writer, pair.Value, pair.Key);
            }
            writer.WriteEndObject();
            if (request.OperationName is not null)
                writer.WriteString("operationName", request.OperationName);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static HttpContent ToContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
