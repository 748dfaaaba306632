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
    /// <summary>A user named by several possible references, tried in order.</summary>
    /// <param name="candidates">The references that may name the user; at least one.</param>
    /// <param name="tag">The caller's input record, handed back on the result.</param>
    /// <exception cref="ArgumentException"><paramref name="candidates"/> is null or empty.</exception>
    public UserRequest(IReadOnlyList<UserReference> candidates, object? tag = null)
    {
        if (candidates is null || candidates.Count == 0) throw new ArgumentException("A request needs at least one user reference.", nameof(candidates));
        Candidates = candidates;
        Tag = tag;
    }

    /// <summary>A user named by one reference.</summary>
    /// <param name="user">The reference.</param>
    /// <param name="tag">The caller's input record, handed back on the result.</param>
    public UserRequest(UserReference user, object? tag = null) : this(new[] { user }, tag) { }

    /// <summary>The references that may name the user, in the order they are tried; never empty.</summary>
    public IReadOnlyList<UserReference> Candidates { get; }

    /// <summary>The caller's input record, handed back on the result.</summary>
    public object? Tag { get; }

    /// <summary>Every reference, for messages: "username 'x' or idnumber 'x'".</summary>
    public string Describe() => string.Join(" or ", Candidates.Select(c => c.ToString()));
}
