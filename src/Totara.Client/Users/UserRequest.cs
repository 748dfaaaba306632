using System;
using System.Collections.Generic;
using System.Linq;

namespace Totara.Client.Users;

/// <summary>
/// One user a record names, for an operation on that user (enrol, add to an audience, test...):
/// the references that may name them, tried in order (a string may be a username or an
/// idnumber), and the caller's tag (its input record).
/// </summary>
public sealed class UserRequest
{
    public UserRequest(IReadOnlyList<UserReference> candidates, object? tag = null)
    {
        if (candidates is null || candidates.Count == 0) throw new ArgumentException("A request needs at least one user reference.", nameof(candidates));
        Candidates = candidates;
        Tag = tag;
    }

    public UserRequest(UserReference user, object? tag = null) : this(new[] { user }, tag) { }

    public IReadOnlyList<UserReference> Candidates { get; }

    public object? Tag { get; }

    /// <summary>Every reference, for messages: "username 'x' or idnumber 'x'".</summary>
    public string Describe() => string.Join(" or ", Candidates.Select(c => c.ToString()));
}
