using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Users;

/// <summary>One user to create, change, suspend or delete: who (for all but create) and what to send.</summary>
public sealed class UserRecord : BatchRecord
{
    internal UserRecord(int number, object? input, string label, UserIdentity? identity, UserChange? change)
        : base(number, input, label)
    {
        Identity = identity;
        Change = change;
    }

    /// <summary>The user the record is about (null for a create).</summary>
    public UserIdentity? Identity { get; }

    /// <summary>The fields to send (null for a delete).</summary>
    public UserChange? Change { get; }
}
