using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain;

/// <summary>
/// Totara's core_user_user_reference rule (core\reference\user_record_reference): every column
/// given (id, username, email, idnumber) must match, deleted users never match, and the result
/// must be exactly one user. The error texts are Totara's own, built from an entity name that
/// callers may change ("Manager", "Appraiser") as Totara's resolvers do.
/// </summary>
public static class UserReference
{
    public static readonly string[] Columns = { "id", "username", "email", "idnumber" };

    public static UserRecord Resolve(UserStore users, IReadOnlyDictionary<string, object?>? reference, string entityName = "User")
    {
        var given = Columns.Where(c => GraphInput.Has(reference, c)).ToList();
        if (given.Count == 0)
        {
            throw new TotaraApiException(entityName + " reference columns are not being passed.");
        }

        var matches = Candidates(users, reference, given[0]).Where(u => MatchesAll(u, reference, given)).Take(2).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new TotaraApiException(entityName + " reference not found"),
            _ => throw new TotaraApiException(entityName + " reference must resolve one record only"),
        };
    }

    /// <summary>Live users that can match the first given column, found through the store's indexes.</summary>
    private static IEnumerable<UserRecord> Candidates(UserStore users, IReadOnlyDictionary<string, object?>? reference, string column)
    {
        var value = GraphInput.String(reference, column) ?? "";
        switch (column)
        {
            case "id":
                return long.TryParse(value, out var id) && users.GetById(id) is { } byId ? new[] { byId } : Array.Empty<UserRecord>();
            case "username":
                return users.GetByUsername(value) is { } byName ? new[] { byName } : Array.Empty<UserRecord>();
            case "email":
                // An empty key is a real SQL condition (email = ''), so it is searched, not ignored.
                return value.Length == 0 ? users.Snapshot(u => string.IsNullOrEmpty(u.Email)) : users.FindByEmail(value);
            default:
                return value.Length == 0 ? users.Snapshot(u => string.IsNullOrEmpty(u.IdNumber)) : users.FindByIdNumber(value);
        }
    }

    private static bool MatchesAll(UserRecord user, IReadOnlyDictionary<string, object?>? reference, List<string> given)
    {
        foreach (var column in given)
        {
            var value = GraphInput.String(reference, column) ?? "";
            var actual = column switch
            {
                "id" => user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "username" => user.Username,
                "email" => user.Email,
                _ => user.IdNumber ?? "",
            };
            if (!string.Equals(actual ?? "", value, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
