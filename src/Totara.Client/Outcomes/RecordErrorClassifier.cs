using System;
using System.Text.RegularExpressions;

namespace Totara.Client.Outcomes;

/// <summary>
/// Classifies one record's GraphQL error. It reads the category and the real text (Totara puts
/// it in <c>extensions.debugMessage</c> at response_debug NORMAL) and never the generic message
/// "Internal server error". Without text (NONE) the outcome is <see cref="RecordOutcomeKind.Unknown"/>
/// and the caller looks the record up. The Totara texts matched live here and nowhere else.
/// </summary>
public static class RecordErrorClassifier
{
    private const string InternalCategory = "internal";
    private const string GraphQLCategory = "graphql";

    // core\reference\*_record_reference and the resolvers that use them: "User reference not found",
    // "Job assignment reference not found", "Cohort reference not found", ...
    private static readonly Regex ReferenceNotFound = new(@"^(?:Owner: )?(?<subject>[^:]+?) reference not found", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // core\webapi\resolver\mutation\update_user and delete_user: every reference failure.
    private const string NoSingleUserMatch = "There was a problem finding a single user record match";

    // perform_goal's "Can not find record" for a goal reference that matches nothing.
    private const string NoRecord = "Can not find record";

    // update_user / delete_user refuse the API client's own service account.
    // core\webapi\resolver\mutation\user_update_user / user_delete_user: "A service account user is not
    // allowed to suspend (delete) itself when making a request."; older texts said "cannot suspend its own".
    private static readonly Regex OwnAccount = new(@"service account (user is not allowed to (suspend|delete) itself|can ?not (suspend|delete) its own)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The outcome of a record whose alias returned this error; <paramref name="fieldOf"/> names the field of an area's validation texts.</summary>
    public static RecordOutcome Classify(TotaraGraphQLError error, Func<string, string?>? fieldOf = null)
    {
        var text = TextOf(error);
        // The client's own marker for a mutation whose answer was lost: applied or not, nobody knows.
        if (text is null || error.AnswerLost)
            return new RecordOutcome(RecordOutcomeKind.Unknown, text, null, null, false);

        var notFound = ReferenceNotFound.Match(text);
        if (notFound.Success)
            return new RecordOutcome(RecordOutcomeKind.NotFound, text, null, notFound.Groups["subject"].Value.Trim(), false);
        if (text.StartsWith(NoSingleUserMatch, StringComparison.OrdinalIgnoreCase))
            return new RecordOutcome(RecordOutcomeKind.NotFound, text, null, "Target user", false);
        if (text.StartsWith(NoRecord, StringComparison.OrdinalIgnoreCase))
            return new RecordOutcome(RecordOutcomeKind.NotFound, text, null, "Record", false);
        if (OwnAccount.IsMatch(text))
            return new RecordOutcome(RecordOutcomeKind.Refused, text, null, null, true);

        var field = fieldOf?.Invoke(text);
        if (field is not null || string.Equals(error.Category, GraphQLCategory, StringComparison.Ordinal))
            return new RecordOutcome(RecordOutcomeKind.Invalid, text, field, null, false);
        return new RecordOutcome(RecordOutcomeKind.Refused, text, null, null, false);
    }

    /// <summary>
    /// The site's real text: the debugMessage, else the message of an error that is client safe
    /// (any category but <c>internal</c>, whose message is always the generic one); else null.
    /// </summary>
    public static string? TextOf(TotaraGraphQLError error)
    {
        if (!string.IsNullOrEmpty(error.DebugMessage)) return error.DebugMessage;
        return string.Equals(error.Category, InternalCategory, StringComparison.Ordinal) ? null : error.Message;
    }
}
