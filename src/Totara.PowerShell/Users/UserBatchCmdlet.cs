using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Users;

/// <summary>
/// Base of the user cmdlets that change users in bulk: sends records through
/// <see cref="UserBatchSender"/>, writes each result as a TotaraUser or as an error that names
/// the record and the field, and sizes batches to what fits in one request.
/// </summary>
public abstract class UserBatchCmdlet : BatchingCmdlet<UserRecord, UserOutcome>
{
    /// <summary>Builds the operation for a record; <paramref name="target"/> is the reference to try (null for a create).</summary>
    private protected abstract BatchOperation BuildOperation(UsersClient users, UserRecord record, UserReference? target);

    /// <summary>Whether a successful record writes its TotaraUser to the pipeline.</summary>
    protected abstract bool WritesUser { get; }

    /// <summary>
    /// What a change asks back: the default view when the user is written, else only the id
    /// (12 complexity points a user instead of 18: bigger batches, more users per minute's budget).
    /// </summary>
    private protected UserFieldSet? ResultFields => WritesUser ? null : UserFieldSet.IdOnly;

    /// <inheritdoc />
    protected override int BatchSize(TotaraSession session) => session.Client.Users.OperationsPerRequest(ResultFields);

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<UserOutcome>> SendAsync(TotaraSession session, IReadOnlyList<UserRecord> batch, CancellationToken ct)
    {
        var results = await UserBatchSender.SendAsync(session, batch, (record, target) => BuildOperation(session.Client.Users, record, target), ct)
            .ConfigureAwait(false);
        return results.Select(result => new UserOutcome(result)).ToList();
    }

    /// <inheritdoc />
    protected override bool Succeeded(UserOutcome outcome) => outcome.Result.Succeeded;

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, string>> UniqueKeys(UserRecord record)
    {
        if (record.Identity is { } identity && ActiveSession is { } session)
            foreach (var key in identity.KeyFor(session.Url)) yield return key;
        if (record.Change is { } change)
        {
            foreach (var field in new[] { "username", "email", "idnumber" })
            {
                // A record that names its user by this key and sets the same value is not a second user.
                if (change.GetText(field) is { Length: > 0 } value && !NamesBy(record, field, value))
                    yield return new KeyValuePair<string, string>(field, value);
            }
        }
    }

    /// <inheritdoc />
    protected override bool WriteResult(UserRecord record, UserOutcome outcome)
    {
        var result = outcome.Result;
        var session = ActiveSession!;
        if (result.Succeeded)
        {
            if (WritesUser && result.User is { } user) WriteObject(new TotaraUser(user, session.Url));
            else if (result.Kind == UserOperationKind.Delete) WriteVerbose($"Deleted {record} on {session.Url}.");
            return true;
        }

        var error = result.Error!;
        if (result.Outcome.IsNotFound)
        {
            WriteError(TotaraErrors.UserNotFound(record, $"no user matches {UserBatchSender.Tried(session, record)} on {session.Url}.", null, error.Category));
            return false;
        }

        var field = result.ErrorField is null ? null : UserProperties.PropertyOf(result.ErrorField);
        WriteError(TotaraErrors.RecordFailure(record, error, field, result.Outcome.OwnAccount ? ErrorCategory.PermissionDenied : null));
        return false;
    }

    /// <summary>Refuses a record whose input has problems found before sending (one error naming every problem).</summary>
    private protected bool RefuseIfInvalid(UserRecord record, IReadOnlyList<UserInputProblem> problems)
    {
        if (problems.Count == 0) return false;
        var field = problems[0].Field is { } f ? UserProperties.PropertyOf(f) : null;
        var text = string.Join(" ", problems.Select(p => p.Message));
        Refuse(new TotaraRecordException(record, text, field), record.Target, RecordErrorIds.InvalidInput, ErrorCategory.InvalidData);
        return true;
    }

    /// <summary>A record for the current input and identity; the label is the identity as given.</summary>
    private protected UserRecord NewRecord(UserIdentity? identity, UserChange? change, string? label = null) =>
        new(NextRecordNumber(), CurrentInput(identity), label ?? identity?.Text ?? "(no identity)", identity, change);

    /// <summary>The piped object behind an identity, when it came from the pipeline.</summary>
    private protected virtual object? CurrentInput(UserIdentity? identity) =>
        identity?.Source is { } source && !(source is string) && !IsNumber(source) ? source : null;

    private bool NamesBy(UserRecord record, string field, string value) =>
        record.Identity is { } identity && ActiveSession is { } session &&
        identity.CandidatesFor(session.Url).Any(c => c.FieldName == field && string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase));

    private static bool IsNumber(object value) => value is int or long or short or uint or ulong or ushort or byte or sbyte or decimal or double or float;
}

/// <summary>
/// One user record's outcome, as the batching base sees it. A module type on purpose: PowerShell
/// reads the cmdlets' base classes while importing, before the module can resolve Totara.Client.
/// </summary>
public sealed class UserOutcome
{
    internal UserOutcome(UserOperationResult result) => Result = result;

    internal UserOperationResult Result { get; }
}
