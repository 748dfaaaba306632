namespace Totara.Client.Outcomes;

/// <summary>What happened to one record of a request, decided once, here in Totara.Client.</summary>
public enum RecordOutcomeKind
{
    /// <summary>The change was made.</summary>
    Applied,

    /// <summary>The record (or a record it names) does not exist on the site.</summary>
    NotFound,

    /// <summary>The input was refused; <see cref="RecordOutcome.Field"/> names the field when known.</summary>
    Invalid,

    /// <summary>The site refused the change for a reason of its own (a protected account, a rule).</summary>
    Refused,

    /// <summary>The site said only that it failed: no text to tell why (response_debug NONE).</summary>
    Unknown,
}

/// <summary>
/// One record's outcome: its kind, the field an invalid input is about, the kind of record a
/// "not found" is about (User, Job assignment, Cohort, ...) and the site's own text when it sent one.
/// </summary>
public sealed class RecordOutcome
{
    /// <summary>The outcome of a record whose change was made: no text, field or subject.</summary>
    public static readonly RecordOutcome Applied = new(RecordOutcomeKind.Applied, null, null, null, false);

    /// <summary>Makes an outcome; <see cref="RecordErrorClassifier"/> is where a site's error becomes one.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="text">The site's real text, if it sent one.</param>
    /// <param name="field">For an invalid input, the API field named, if any.</param>
    /// <param name="subject">For a not found, which kind of reference matched nothing, if known.</param>
    /// <param name="ownAccount">For a refusal, whether it named the API client's own service account.</param>
    public RecordOutcome(RecordOutcomeKind kind, string? text, string? field, string? subject, bool ownAccount)
    {
        Kind = kind;
        Text = text;
        Field = field;
        Subject = subject;
        OwnAccount = ownAccount;
    }

    /// <summary>What happened to the record; cmdlets and the sync decide on this, never on <see cref="Text"/>.</summary>
    public RecordOutcomeKind Kind { get; }

    /// <summary>The site's real text (debugMessage, or a client-safe message); null when it sent none.</summary>
    public string? Text { get; }

    /// <summary>For <see cref="RecordOutcomeKind.Invalid"/>: the API field the site named, when it named one.</summary>
    public string? Field { get; }

    /// <summary>For <see cref="RecordOutcomeKind.NotFound"/>: which reference matched nothing ("User", "Job assignment", ...).</summary>
    public string? Subject { get; }

    /// <summary>For <see cref="RecordOutcomeKind.Refused"/>: the change named the API client's own service account.</summary>
    public bool OwnAccount { get; }

    /// <summary>True when the record, or a record it names, does not exist on the site (see <see cref="Subject"/> for which).</summary>
    public bool IsNotFound => Kind == RecordOutcomeKind.NotFound;

    /// <summary>The site said only that it failed (response_debug NONE): no text, no category to go by.</summary>
    public bool IsTextless => Kind == RecordOutcomeKind.Unknown && Text is null;

    /// <summary>
    /// For a read of one record by its reference: not found, or failed without any text. At
    /// response_debug NONE a missing record's read says only "Internal server error"; a read by
    /// reference fails on that reference (or on a capability the API client lacks, which then
    /// fails every read alike), so it is taken as missing.
    /// </summary>
    public bool IsMissingOnRead => IsNotFound || IsTextless;

    /// <summary>Not found, and about a user reference (not the record's own target).</summary>
    public bool IsUserNotFound => IsNotFound && string.Equals(Subject, "User", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>The same outcome settled by a look-up: the record turned out to be missing.</summary>
    internal RecordOutcome AsNotFound(string subject) => new(RecordOutcomeKind.NotFound, Text, null, subject, false);

    /// <inheritdoc/>
    public override string ToString() => Text is null ? Kind.ToString() : $"{Kind}: {Text}";
}
