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
/// How the user cmdlets that change users in bulk send and report: through the client's
/// <see cref="UsersClient.RunByCandidatesAsync"/> (a name tried as username, then idnumber), each result written as a TotaraUser or as an error that names
/// the record and the field, batches sized to what fits in one request.
/// </summary>
internal sealed class UserSender : RecordSender<UserRecord>
{
    private readonly Func<UsersClient, UserRecord, UserReference?, BatchOperation> _build;
    private readonly bool _writesUser;
    private readonly UserFieldSet? _sizedFor;

    /// <param name="build">The operation for a record and the reference to try (null for a create).</param>
    /// <param name="writesUser">Whether a successful record writes its TotaraUser.</param>
    /// <param name="sizedFor">What one operation asks back, when not <see cref="AnswerFields"/> (a create asks less).</param>
    public UserSender(Func<UsersClient, UserRecord, UserReference?, BatchOperation> build, bool writesUser, UserFieldSet? sizedFor = null)
    {
        _build = build;
        _writesUser = writesUser;
        _sizedFor = sizedFor ?? AnswerFields(writesUser);
    }

    /// <summary>
    /// What a change asks back: the default view when the user is written, else only the id
    /// (12 complexity points a user instead of 18: bigger batches, more users per minute's budget).
    /// </summary>
    public static UserFieldSet? AnswerFields(bool writesUser) => writesUser ? null : UserFieldSet.IdOnly;

    /// <inheritdoc />
    public override int BatchSize(TotaraSession session) => session.Client.Users.OperationsPerRequest(_sizedFor);

    /// <inheritdoc />
    public override async Task SendAsync(TotaraSession session, IReadOnlyList<UserRecord> batch, CancellationToken ct)
    {
        var users = session.Client.Users;
        var candidates = batch.Select(r => r.Identity?.CandidatesFor(session.Url)).ToList();
        var results = await users.RunByCandidatesAsync(candidates, (i, target) => _build(users, batch[i], target), ct).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++) batch[i].Result = results[i];
    }

    /// <inheritdoc />
    public override IEnumerable<UniqueKey> UniqueKeys(TotaraSession session, UserRecord record)
    {
        if (record.Identity is { } identity)
            foreach (var key in identity.KeyFor(session.Url)) yield return key;
        if (record.Change is { } change)
        {
            foreach (var field in new[] { "username", "email", "idnumber" })
            {
                // A record that names its user by this key and sets the same value is not a second user.
                if (change.GetText(field) is { Length: > 0 } value && !NamesBy(session, record, field, value))
                    yield return new UniqueKey(field, value, UserProperties.PropertyOf(field));
            }
        }
    }

    /// <inheritdoc />
    public override void Write(Cmdlet cmdlet, TotaraSession session, UserRecord record)
    {
        var result = record.Result!;
        if (result.Succeeded)
        {
            if (_writesUser && result.User is { } user) cmdlet.WriteObject(new TotaraUser(user, session.Url));
            else if (result.Kind == UserOperationKind.Delete) cmdlet.WriteVerbose($"Deleted {record} on {session.Url}.");
            return;
        }

        var error = result.Error!;
        if (result.Outcome.IsNotFound)
        {
            cmdlet.WriteError(TotaraErrors.UserNotFound(record, $"no user matches {Tried(session, record)} on {session.Url}.", null, error.Category));
            return;
        }

        var field = result.ErrorField is null ? null : UserProperties.PropertyOf(result.ErrorField);
        cmdlet.WriteError(TotaraErrors.RecordFailure(record, error, field, result.Outcome.OwnAccount ? ErrorCategory.PermissionDenied : null));
    }

    /// <summary>The input problems as one refusal's texts and its field (the first problem's).</summary>
    public static (IReadOnlyCollection<string> Problems, string? Field) Refusal(IReadOnlyList<UserInputProblem> problems) =>
        (problems.Select(p => p.Message).ToList(), problems.Count > 0 && problems[0].Field is { } f ? UserProperties.PropertyOf(f) : null);

    /// <summary>Every reference tried for a record, for a not-found message: "username 'x' or idnumber 'x'".</summary>
    private static string Tried(TotaraSession session, UserRecord record) =>
        record.Identity is null ? record.Label : string.Join(" or ", record.Identity.CandidatesFor(session.Url).Select(c => c.ToString()));

    private static bool NamesBy(TotaraSession session, UserRecord record, string field, string value) =>
        record.Identity is { } identity &&
        identity.CandidatesFor(session.Url).Any(c => c.FieldName == field && string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase));
}
