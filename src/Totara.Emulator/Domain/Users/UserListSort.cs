using System.Text.Json;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain;

/// <summary>
/// The sort of core_user_users: one column of those the API reference allows ('id', 'firstname',
/// 'lastname', 'username', 'timemodified'), ascending or descending, ties broken by id in the same
/// direction so the order is total and a keyset cursor ({column value, id}) always finds its place.
/// </summary>
public sealed class UserListSort
{
    /// <summary>The columns core_user_users may be sorted by, as the API reference lists them.</summary>
    public static readonly IReadOnlyList<string> Columns = new[] { "id", "firstname", "lastname", "username", "timemodified" };

    private const string CodingError = "Coding error detected, it must be fixed by a programmer: ";

    private UserListSort(string column, bool descending)
    {
        Column = column;
        Descending = descending;
    }

    public static UserListSort ById { get; } = new("id", false);

    public string Column { get; }

    public bool Descending { get; }

    public bool IsById => Column == "id";

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

        var column = GraphInput.String(sorts[0], "column")?.Trim().ToLowerInvariant();
        if (column is null || !Columns.Contains(column))
        {
            throw new TotaraApiException(CodingError + "sort field must be one of these: " + string.Join(", ", Columns));
        }

        return new UserListSort(column, string.Equals(GraphInput.String(sorts[0], "direction"), "DESC", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Orders users by the column, then by id; descending reverses both.</summary>
    public int Compare(UserRecord a, UserRecord b)
    {
        var order = CompareColumn(a, b);
        if (order == 0)
        {
            order = a.Id.CompareTo(b.Id);
        }

        return Descending ? -order : order;
    }

    /// <summary>The cursor columns of the last item of a page: its sort value and its id.</summary>
    public Dictionary<string, object?> CursorColumns(UserRecord last) => Column switch
    {
        "timemodified" => new() { [Column] = last.TimeModified, ["id"] = last.Id },
        _ => new() { [Column] = TextOf(last), ["id"] = last.Id },
    };

    /// <summary>True when <paramref name="user"/> comes after the item a cursor names.</summary>
    public bool IsAfter(UserRecord user, PageCursor cursor)
    {
        if (!cursor.Columns.TryGetValue(Column, out var value) || !cursor.Columns.TryGetValue("id", out var id) || id.ValueKind != JsonValueKind.Number)
        {
            throw new TotaraApiException(PageCursor.InvalidCursor);
        }

        int order;
        if (Column == "timemodified")
        {
            order = value.ValueKind == JsonValueKind.Number
                ? user.TimeModified.CompareTo(value.GetInt64())
                : throw new TotaraApiException(PageCursor.InvalidCursor);
        }
        else
        {
            order = value.ValueKind == JsonValueKind.String
                ? CompareText(TextOf(user), value.GetString()!)
                : throw new TotaraApiException(PageCursor.InvalidCursor);
        }

        if (order == 0)
        {
            order = user.Id.CompareTo(id.GetInt64());
        }

        return Descending ? order < 0 : order > 0;
    }

    private int CompareColumn(UserRecord a, UserRecord b) => Column switch
    {
        "id" => 0,
        "timemodified" => a.TimeModified.CompareTo(b.TimeModified),
        _ => CompareText(TextOf(a), TextOf(b)),
    };

    private string TextOf(UserRecord user) => Column switch
    {
        "firstname" => user.FirstName,
        "lastname" => user.LastName,
        "username" => user.Username,
        _ => "",
    };

    // As a case-insensitive database collation orders text; exact ties fall back to the ordinal order.
    private static int CompareText(string a, string b)
    {
        var order = StringComparer.OrdinalIgnoreCase.Compare(a, b);
        return order != 0 ? order : string.CompareOrdinal(a, b);
    }
}
