using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain;

/// <summary>
/// The sort of core_user_users (core\webapi\resolver\query\user_users): one sort entry whose
/// column is one or more comma-separated names of those the API reference allows ('id',
/// 'firstname', 'lastname', 'username', 'timemodified'), in one direction. As in Totara, no id
/// tiebreak is added (see <see cref="CursorOrder{T}"/>): paging by a column with duplicates
/// skips the rows that tie across a page boundary.
/// </summary>
public sealed class UserListSort
{
    /// <summary>The columns core_user_users may be sorted by, as the API reference lists them.</summary>
    public static readonly IReadOnlyList<string> Columns = new[] { "id", "firstname", "lastname", "username", "timemodified" };

    private UserListSort(IReadOnlyList<string> columns, bool descending)
    {
        Order = new CursorOrder<UserRecord>(columns, descending, ValueOf);
    }

    public static UserListSort ById { get; } = new(new[] { "id" }, false);

    public CursorOrder<UserRecord> Order { get; }

    public bool Descending => Order.Descending;

    /// <summary>Sorted by id alone: the store can seek by id instead of sorting.</summary>
    public bool IsById => Order.Columns.Count == 1 && Order.Columns[0] == "id";

    /// <summary>Reads <c>query.sort</c> (a list of <c>{column, direction}</c>); id ascending when absent.</summary>
    public static UserListSort Read(IReadOnlyDictionary<string, object?>? query)
    {
        if (GraphInput.Get(query, "sort") is not IEnumerable<object?> sortList)
        {
            return ById;
        }

        var sorts = sortList.Select(GraphInput.AsObject).ToList();
        if (sorts.Count == 0)
        {
            return ById;
        }

        if (sorts.Count > 1)
        {
            throw new TotaraApiException("Sorting by more than one column is not currently supported.");
        }

        var column = GraphInput.String(sorts[0], "column");
        if (string.IsNullOrWhiteSpace(column))
        {
            throw new TotaraApiException("Required parameter 'column' not being passed.");
        }

        var descending = string.Equals(GraphInput.String(sorts[0], "direction"), "DESC", StringComparison.OrdinalIgnoreCase);
        return new UserListSort(CursorOrder<UserRecord>.ReadColumns(column, Columns), descending);
    }

    private static object ValueOf(UserRecord user, string column) => column switch
    {
        "id" => user.Id,
        "timemodified" => user.TimeModified,
        "firstname" => user.FirstName,
        "lastname" => user.LastName,
        _ => user.Username,
    };
}
