using System;
using System.Collections.Generic;

namespace Totara.Client.Users;

/// <summary>None of the references a caller gave for one user names a user on the site.</summary>
public sealed class UserNotFoundException : TotaraException
{
    /// <summary>Makes the failure for the references tried, in the order they were tried.</summary>
    /// <param name="tried">The references tried.</param>
    /// <param name="inner">The site's refusal of the last one.</param>
    public UserNotFoundException(IReadOnlyList<UserReference> tried, Exception? inner = null)
        : base($"No user matches {string.Join(" or ", tried)}.", innerException: inner)
    {
        Tried = tried;
    }

    /// <summary>The references tried, in order.</summary>
    public IReadOnlyList<UserReference> Tried { get; }
}
