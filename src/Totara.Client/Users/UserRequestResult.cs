namespace Totara.Client.Users;

/// <summary>
/// What every answer to a <see cref="UserRequest"/> says (an audience membership, an enrolment, a
/// completion read): which request, which of its references matched, and why it failed, if it did.
/// </summary>
public abstract class UserRequestResult
{
    private protected UserRequestResult(UserRequest request, UserReference tried, TotaraGraphQLError? error, bool userNotFound)
    {
        Request = request;
        Tried = tried;
        Error = error;
        UserNotFound = userNotFound;
    }

    /// <summary>The request this result answers, as given (with all its user references).</summary>
    public UserRequest Request { get; }

    /// <summary>The reference that matched (or, on failure, the last one tried).</summary>
    public UserReference Tried { get; }

    /// <summary>Why the request failed; null when it succeeded. <see cref="UserNotFound"/> tells when no reference matched a user.</summary>
    public TotaraGraphQLError? Error { get; }

    /// <summary>True when no reference of the request matched a user.</summary>
    public bool UserNotFound { get; }

    /// <summary>True when the request has no error and the answer is set.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The answer in a few words, for <see cref="ToString"/> of a success.</summary>
    private protected abstract string AnswerText { get; }

    /// <inheritdoc/>
    public override string ToString() => Succeeded ? $"{Tried}: {AnswerText}" : $"{Tried}: {Error!.Message}";
}
