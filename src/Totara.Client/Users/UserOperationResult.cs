using System;
using System.Text.Json;

namespace Totara.Client.Users;

/// <summary>What a batched user operation is: kept on the operation so its result can be read back.</summary>
public enum UserOperationKind
{
    /// <summary>A new user (<c>core_user_create_user</c>).</summary>
    Create,
    /// <summary>A change to a user (<c>core_user_update_user</c>).</summary>
    Update,
    /// <summary>A user deleted (<c>core_user_delete_user</c>).</summary>
    Delete,
}

/// <summary>The caller's record and what was sent for it, carried as the batch operation's tag.</summary>
internal sealed class UserOperationTag
{
    public UserOperationTag(UserOperationKind kind, UserReference? target, UserChange? change, object? callerTag)
    {
        Kind = kind;
        Target = target;
        Change = change;
        CallerTag = callerTag;
    }

    public UserOperationKind Kind { get; }

    public UserReference? Target { get; }

    public UserChange? Change { get; }

    /// <summary>A create that asked back only id and username: the rest of the default view is what was sent.</summary>
    public bool CompleteFromChange { get; set; }

    public object? CallerTag { get; }
}

/// <summary>The outcome of one batched user operation, in the caller's terms.</summary>
public sealed class UserOperationResult
{
    internal UserOperationResult(int index, UserOperationKind kind, UserReference? target, object? tag, UserRecordData? user,
        long? deletedUserId, TotaraGraphQLError? error, string? errorField)
    {
        Index = index;
        Kind = kind;
        Target = target;
        Tag = tag;
        User = user;
        DeletedUserId = deletedUserId;
        Error = error;
        ErrorField = errorField;
    }

    /// <summary>The operation's position in the input sequence.</summary>
    public int Index { get; }

    /// <summary>Which operation this result is for.</summary>
    public UserOperationKind Kind { get; }

    /// <summary>The user the update or delete named (null for a create).</summary>
    public UserReference? Target { get; }

    /// <summary>The caller's tag (its input record).</summary>
    public object? Tag { get; }

    /// <summary>The created or updated user, when the site returned it.</summary>
    public UserRecordData? User { get; }

    /// <summary>The id a delete reported (null when it was settled by checking that the user is gone).</summary>
    public long? DeletedUserId { get; }

    /// <summary>Why the operation failed; null when it succeeded. Read <see cref="Outcome"/> to decide what it means.</summary>
    public TotaraGraphQLError? Error { get; }

    /// <summary>The API field the error is about (e.g. email), when the site's message names one.</summary>
    public string? ErrorField { get; }

    /// <summary>True when the operation has no error.</summary>
    public bool Succeeded => Error is null;

    /// <summary>What happened to this record (see <see cref="Outcomes.RecordErrorClassifier"/>).</summary>
    public Outcomes.RecordOutcome Outcome => _settled
        ?? (Error is null ? Outcomes.RecordOutcome.Applied
            // A refusal of the service account's own suspension names the suspended field too: it is still a refusal.
            : ErrorField is not null && !Error.Outcome.OwnAccount ? new Outcomes.RecordOutcome(Outcomes.RecordOutcomeKind.Invalid, Error.Text, ErrorField, null, false)
            : Error.Outcome);

    // Set when a look-up settled a failure the site gave no text for.
    private Outcomes.RecordOutcome? _settled;

    /// <summary>A failure without text that names an existing target: settle it by looking the user up.</summary>
    internal bool NeedsLookUp => Error is not null && Target is not null && Outcome.Kind == Outcomes.RecordOutcomeKind.Unknown
        && Outcome.Text is null;

    internal UserOperationResult Settled(Outcomes.RecordOutcome outcome)
    {
        _settled = outcome;
        return this;
    }

    internal static UserOperationResult From(BatchItemResult item)
    {
        var tag = item.Operation.Tag as UserOperationTag
            ?? throw new ArgumentException("The batch item is not a user operation made by UsersClient.", nameof(item));
        if (!item.Succeeded)
            return new UserOperationResult(item.Index, tag.Kind, tag.Target, tag.CallerTag, null, null, item.Error,
                UserErrorFields.Find(item.Error!.Text ?? "", tag.Change));

        UserRecordData? user = null;
        long? deleted = null;
        if (item.Data is { ValueKind: JsonValueKind.Object } data)
        {
            if (data.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object) user = UserRecordData.FromJson(u);
            if (user is not null && tag.CompleteFromChange && tag.Change is not null) user = user.CompletedWith(tag.Change);
            if (data.TryGetProperty("user_id", out var id) && long.TryParse(JsonValues.Text(id), out var number)) deleted = number;
        }
        return new UserOperationResult(item.Index, tag.Kind, tag.Target, tag.CallerTag, user, deleted, null, null);
    }

    /// <inheritdoc/>
    public override string ToString() => Succeeded ? $"#{Index} {Kind}: ok" : $"#{Index} {Kind}: {Error!.Explanation}";
}
