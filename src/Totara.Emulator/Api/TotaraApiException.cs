namespace Totara.Emulator.Api;

/// <summary>
/// Thrown by a resolver to produce one GraphQL error in Totara's shape:
/// <c>{ "message": ..., "extensions": { "category": ..., "debugMessage"?: ... } }</c>.
/// The error belongs to the field being resolved; other aliases of the same request go on.
/// </summary>
public class TotaraApiException : Exception
{
    public TotaraApiException(string message, string category = ErrorCategories.Generic, string? debugMessage = null)
        : base(message)
    {
        Category = category;
        DebugMessage = debugMessage;
    }

    public string Category { get; }

    public string? DebugMessage { get; }
}

/// <summary>The <c>extensions.category</c> values Totara's external API uses.</summary>
public static class ErrorCategories
{
    public const string Generic = "generic";
    public const string QueryComplexity = "query_complexity";
    public const string Graphql = "graphql";
    public const string Internal = "internal";

    // totara_webapi\client_aware_exception_helper: api_access_client_exception's category.
    public const string ApiAccess = "api_access";
}
