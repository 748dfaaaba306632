using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// Sends one batch of user changes (create, update, suspend, unsuspend, delete) through
/// <see cref="UsersClient"/>, whose operations are safe after a lost answer: a create is checked
/// by username before it is sent again, so no user is ever created twice.
/// </summary>
internal static class UserApplier
{
    public static async Task ApplyAsync(TotaraClient client, IReadOnlyList<SyncChange> batch, CancellationToken ct)
    {
        var users = client.Users;
        var operations = new List<BatchOperation>(batch.Count);
        foreach (var change in batch) operations.Add(Operation(users, change));
        await foreach (var result in users.RunAsync(operations, ct).ConfigureAwait(false))
        {
            var change = (SyncChange)result.Tag!;
            if (!result.Succeeded && change.IsRemoval && IsOwnAccountRefusal(result.Error!.Message))
            {
                change.Settle(SyncOutcome.Skipped, OwnAccountSkipped);
                continue;
            }
            if (!result.Succeeded)
            {
                var field = result.ErrorField is null ? "" : $" (field {result.ErrorField})";
                change.Settle(SyncOutcome.Failed, result.Error!.Message + field);
                continue;
            }
            if (change.Action == SyncAction.Create && result.User is { } created) change.UserId = created.Id;
            change.Settle(SyncOutcome.Applied);
        }
    }

    private const string OwnAccountSkipped =
        "this is the API client's own service account, which Totara never lets it suspend or delete; the API cannot name that account " +
        "beforehand, so give Connect-Totara -ServiceAccount <username> and the sync leaves it out of the plan.";

    /// <summary>
    /// Totara's answer when the plan named the client's own user ("A service account user is not allowed to
    /// suspend/delete itself when making a request."): the account is protected, as intended, so the change is
    /// skipped, not failed.
    /// </summary>
    private static bool IsOwnAccountRefusal(string message) =>
        message.IndexOf("service account user is not allowed to suspend itself", StringComparison.OrdinalIgnoreCase) >= 0
        || message.IndexOf("service account user is not allowed to delete itself", StringComparison.OrdinalIgnoreCase) >= 0;

    // Only a create's answer is read (the new id); the sync knows every other value already. Asking
    // back the default view instead would double each change's complexity cost (25 points an update
    // instead of 12), and with it how soon a large sync meets the site's points-per-minute limit.
    private static BatchOperation Operation(UsersClient users, SyncChange change)
    {
        switch (change.Action)
        {
            case SyncAction.Create:
                return users.Create(change.UserChange!, UserFieldSet.CreateAnswer, change);
            case SyncAction.Update:
                return users.Update(UserReference.ById(change.UserId!.Value), change.UserChange!, UserFieldSet.IdOnly, change);
            case SyncAction.Suspend:
            case SyncAction.Unsuspend:
                return users.SetSuspended(UserReference.ById(change.UserId!.Value), change.Action == SyncAction.Suspend, UserFieldSet.IdOnly, change);
            case SyncAction.Delete:
                return users.Delete(UserReference.ById(change.UserId!.Value), change);
            default:
                throw new ArgumentException($"{change.Action} is not a user change.", nameof(change));
        }
    }
}
