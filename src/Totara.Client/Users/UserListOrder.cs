using System;
using System.Collections.Generic;
using System.Linq;

namespace Totara.Client.Users;

/// <summary>
/// Sorts a listing by a name column in the client, after the site paged it by id (see
/// <see cref="UserListOptions.PagingColumn"/>): text compared ignoring case, as a database
/// collation does, ties by id, descending reversing both. The whole listing is held to sort it.
/// </summary>
internal static class UserListOrder
{
    public static IEnumerable<UserRecordData> Sort(IEnumerable<UserRecordData> users, string field, bool descending)
    {
        var text = StringComparer.OrdinalIgnoreCase;
        return descending
            ? users.OrderByDescending(u => u.Get(field) ?? "", text).ThenByDescending(u => u.Id)
            : users.OrderBy(u => u.Get(field) ?? "", text).ThenBy(u => u.Id);
    }
}
