using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.SystemTextJson;

namespace Totara.Emulator.Api;

/// <summary>
/// The JSON body of a GraphQL POST: <c>{query, variables, operationName}</c>, or a JSON array of
/// them. Variables may be an object, null, or a JSON string holding an object (as in the API
/// reference's curl example). A body Totara would refuse is read as the <see cref="RequestFailure"/>
/// Totara answers with.
/// </summary>
internal sealed partial record GraphQlRequestBody(string Query, string? OperationName, Inputs? Variables)
{
    // totara_webapi\request::validate's texts (webapi_request_exception).
    public const string EmptyRequest = "Invalid request, request cannot be empty";
    public const string PersistedQuery = "Invalid request, we do not support standard persistent queries";
    public const string QueryMissing = "Query parameter is missing";
    public const string BadOperationName = "Invalid request, validation of operationName failed";

    // webonyx Server\Helper::validateOperationParams, a client-safe RequestError.
    public const string VariablesNotObject = "GraphQL Request parameter \"variables\" must be object or JSON string parsed to object";

    /// <summary>Every operation of the body, or null with the failure Totara answers.</summary>
    public static List<GraphQlRequestBody>? TryReadAll(ReadOnlySpan<byte> body, IGraphQLTextSerializer serializer, out bool batch, out RequestFailure? failure)
    {
        batch = false;
        failure = null;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            // totara_webapi\local\util::parse_http_request: a body that is not JSON gives no parameters.
            failure = RequestFailure.Request(EmptyRequest);
            return null;
        }

        using (json)
        {
            var root = json.RootElement;
            // request::validate: empty parameters are refused first.
            if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)
                || (root.ValueKind == JsonValueKind.Object && !root.EnumerateObject().Any())
                || (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 0))
            {
                failure = RequestFailure.Request(EmptyRequest);
                return null;
            }

            // request::validate: parameters with neither operationName nor query are a batch.
            batch = root.ValueKind == JsonValueKind.Array;
            var operations = new List<GraphQlRequestBody>();
            foreach (var element in batch ? root.EnumerateArray() : Enumerable.Repeat(root, 1))
            {
                var operation = TryRead(element, serializer, out failure);
                if (operation is null)
                {
                    return null;
                }

                operations.Add(operation);
            }

            return operations;
        }
    }

    private static GraphQlRequestBody? TryRead(JsonElement op, IGraphQLTextSerializer serializer, out RequestFailure? failure)
    {
        failure = null;
        if (op.ValueKind != JsonValueKind.Object)
        {
            failure = RequestFailure.Request(QueryMissing);
            return null;
        }

        // request::validate, in its order: persisted-query ids, then the query (the external
        // endpoint allows direct queries only), then the operation name's form.
        if (new[] { "queryId", "id", "documentid" }.Any(key => op.TryGetProperty(key, out var id) && IsSet(id)))
        {
            failure = RequestFailure.Request(PersistedQuery);
            return null;
        }

        if (!op.TryGetProperty("query", out var queryElement) || queryElement.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(queryElement.GetString()))
        {
            failure = RequestFailure.Request(QueryMissing);
            return null;
        }

        var operationName = op.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
        if (string.IsNullOrEmpty(operationName))
        {
            operationName = null;
        }
        else if (operationName != "IntrospectionQuery" && !OperationNameForm().IsMatch(operationName))
        {
            failure = RequestFailure.Request(BadOperationName);
            return null;
        }

        Inputs? variables = null;
        if (op.TryGetProperty("variables", out var vars))
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
                    failure = RequestFailure.Parameters(VariablesNotObject);
                    return null;
                }
            }
        }

        return new GraphQlRequestBody(queryElement.GetString()!, operationName, variables);
    }

    // PHP's empty(): null, false, 0, "" and "0" are not set.
    private static bool IsSet(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => false,
        JsonValueKind.String => value.GetString() is { Length: > 0 } s && s != "0",
        JsonValueKind.Number => value.GetRawText() != "0",
        _ => true,
    };

    // request::validate: preg_match('/^[a-z][a-z0-9_]+$/D', operationName).
    [GeneratedRegex("^[a-z][a-z0-9_]+\\z")]
    private static partial Regex OperationNameForm();
}
