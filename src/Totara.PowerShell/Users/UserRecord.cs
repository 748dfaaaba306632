using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Users;

/// <summary>One user to create, change, suspend or delete: who (for all but create), what to send, and the site's answer.</summary>
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

    /// <summary>The site's answer, once the record's batch was sent.</summary>
    internal UserOperationResult? Result { get; set; }

    internal override bool Succeeded => Result?.Succeeded == true;

    /// <summary>A record for an identity; the piped object behind it (not a plain string or number) is the error target.</summary>
    internal static UserRecord For(int number, UserIdentity identity, UserChange? change) =>
        new(number, InputOf(identity), identity.Text, identity, change);

    private static object? InputOf(UserIdentity identity) =>
        identity.Source is { } source && source is not string && !IsNumber(source) ? source : null;

    private static bool IsNumber(object value) => value is int or long or short or uint or ulong or ushort or byte or sbyte or decimal or double or float;
}
