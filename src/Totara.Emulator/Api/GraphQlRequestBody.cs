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
