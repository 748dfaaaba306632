using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Totara.Client;

/// <summary>What Totara answered: <c>{data, errors, extensions}</c>. Elements are detached copies.</summary>
public sealed class GraphQLResponse
{
    /// <summary>Holds one parsed response.</summary>
    /// <param name="data">The <c>data</c> member; null when absent or JSON null.</param>
    /// <param name="errors">The <c>errors</c> member; null means none.</param>
    /// <param name="extensions">The <c>extensions</c> member; null when absent.</param>
    public GraphQLResponse(JsonElement? data, IReadOnlyList<TotaraGraphQLError>? errors, JsonElement? extensions)
    {
        Data = data;
        Errors = errors ?? Array.Empty<TotaraGraphQLError>();
        Extensions = extensions;
    }

    /// <summary>The <c>data</c> member; null when the site sent none or JSON null (a failed request, or a non-null field that failed and nulled its parents).</summary>
    public JsonElement? Data { get; }

    /// <summary>The <c>errors</c> member; empty, never null, when there were none.</summary>
    public IReadOnlyList<TotaraGraphQLError> Errors { get; }

    /// <summary>The <c>extensions</c> member (e.g. Totara's complexity figures); null when absent.</summary>
    public JsonElement? Extensions { get; }

    /// <summary>True when the response has any error; <see cref="Data"/> may still hold the aliases that succeeded.</summary>
    public bool HasErrors => Errors.Count > 0;

    /// <summary>The errors whose path starts with the given root field or alias.</summary>
    public IEnumerable<TotaraGraphQLError> ErrorsFor(string alias) => Errors.Where(e => e.RootField == alias);

    /// <inheritdoc/>
    public override string ToString() => $"GraphQL response ({(Data is null ? "no data" : "data")}, {Errors.Count} error(s))";
}

/// <summary>One entry of <c>errors</c>, in Totara's shape.</summary>
public sealed class TotaraGraphQLError
{
    /// <summary>Holds one error as the site sent it.</summary>
    /// <param name="message">The <c>message</c> member.</param>
    /// <param name="category">The <c>extensions.category</c> member, if any.</param>
    /// <param name="debugMessage">The <c>extensions.debugMessage</c> member, if any.</param>
    /// <param name="path">The <c>path</c> member, if any.</param>
    public TotaraGraphQLError(string message, string? category = null, string? debugMessage = null, IReadOnlyList<object>? path = null)
    {
        Message = message;
        Category = category;
        DebugMessage = debugMessage;
        Path = path;
    }

    /// <summary>The <c>message</c> member; for a resolver error Totara sends only "Internal server error" here, so read <see cref="Text"/> for the real text.</summary>
    public string Message { get; }

    /// <summary><c>extensions.category</c>, e.g. <c>query_complexity</c>, <c>graphql</c>, <c>internal</c>.</summary>
    public string? Category { get; }

    /// <summary>The <c>extensions.debugMessage</c> member: the real text of a resolver error; null when the site's response_debug setting hides it.</summary>
    public string? DebugMessage { get; }

    /// <summary>Field names (string) and list indexes (int); the first is the root field or alias.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>
    /// The site's real text: <c>extensions.debugMessage</c> (Totara's resolver errors read only
    /// "Internal server error" in <see cref="Message"/>), or the message of a client-safe error;
    /// null when the site sent none (response_debug NONE).
    /// </summary>
    public string? Text => Outcomes.RecordErrorClassifier.TextOf(this);

    /// <summary>The text to show a person: the site's real text, or a note that it sent none.</summary>
    public string Explanation => Text ?? "the site gave no details (its response_debug setting is none)";

    /// <summary>What this error means for the record it belongs to (see <see cref="Outcomes.RecordErrorClassifier"/>).</summary>
    public Outcomes.RecordOutcome Outcome => _outcome ??= Outcomes.RecordErrorClassifier.Classify(this);

    private Outcomes.RecordOutcome? _outcome;

    /// <summary>
    /// The client's own marker, not the site's: the answer to this mutation was lost and could not
    /// be settled, so whether it was applied is unknown.
    /// </summary>
    public bool AnswerLost => string.Equals(Category, Batching.LostAnswerRecovery.StateUnknownCategory, System.StringComparison.Ordinal);

    /// <summary>The root field or alias this error belongs to, if any.</summary>
    public string? RootField => Path is { Count: > 0 } p ? p[0] as string : null;

    /// <inheritdoc/>
    public override string ToString()
    {
        var where = Path is { Count: > 0 } p ? " at " + string.Join(".", p) : "";
        var category = Category is null ? "" : $" [{Category}]";
        return (Text ?? Message) + category + where;
    }
}
