using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;

namespace Totara.Emulator.Api;

/// <summary>
/// The JSON body of a GraphQL POST: <c>{query, variables, operationName}</c>. Variables may be an
/// object, null, or a JSON string holding an object (as in the API reference's curl example).
/// </summary>
internal sealed record GraphQlRequestBody(string Query, string? OperationName, Inputs? Variables)
{
    public const string EmptyRequest = "Invalid request, request cannot be empty";

    /// <summary>True when the body is a JSON array: a batch of operations.</summary>
    public static bool IsBatch(ReadOnlySpan<byte> body)
    {
        var text = body.TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] == (byte)'[';
    }

    /// <summary>Every operation of a batch, or null with the reason when one cannot be used (or the batch is empty).</summary>
    public static List<GraphQlRequestBody>? TryReadBatch(ReadOnlySpan<byte> body, IGraphQLTextSerializer serializer, out string? problem)
    {
        problem = null;
        var operations = new List<GraphQlRequestBody>();
        try
        {
            using var json = JsonDocument.Parse(body.ToArray());
            foreach (var element in json.RootElement.EnumerateArray())
            {
                var operation = TryRead(System.Text.Encoding.UTF8.GetBytes(element.GetRawText()), serializer, out problem);
                if (operation is null)
                {
                    return null;
                }

                operations.Add(operation);
            }
        }
        catch (JsonException)
        {
            problem = EmptyRequest;
            return null;
        }

        if (operations.Count == 0)
        {
            problem = EmptyRequest;
            return null;
        }

        return operations;
    }

    /// <summary>The parsed body, or null with the reason when it cannot be used.</summary>
    public static GraphQlRequestBody? TryRead(ReadOnlySpan<byte> body, IGraphQLTextSerializer serializer, out string? problem)
    {
        problem = null;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            problem = EmptyRequest;
            return null;
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("query", out var queryElement)
                || queryElement.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(queryElement.GetString()))
            {
                problem = EmptyRequest;
                return null;
            }

            string? operationName = root.TryGetProperty("operationName", out var op) && op.ValueKind == JsonValueKind.String
                ? op.GetString()
                : null;
            if (string.IsNullOrEmpty(operationName))
            {
                operationName = null;
            }

            Inputs? variables = null;
            if (root.TryGetProperty("variables", out var vars))
            {
                var text = vars.ValueKind switch
                {
                    JsonValueKind.Object => vars.GetRawText(),
                    JsonValueKind.String => vars.GetString(),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(text))
                {
                    try
                    {
                        variables = serializer.Deserialize<Inputs>(text);
                    }
                    catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
                    {
                        problem = "Variables are not a JSON object.";
                        return null;
                    }
                }
            }

            return new GraphQlRequestBody(queryElement.GetString()!, operationName, variables);
        }
    }
}
