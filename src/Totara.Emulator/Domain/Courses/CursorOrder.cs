using System.Text.Json;
using Totara.Emulator.Api;

namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// An ORDER BY of one or more columns in one direction and the keyset cursor that continues it,
/// as Totara's core\orm\pagination\cursor_paginator does: the rows are ordered by the requested
/// columns only (no id tiebreak is added), the cursor holds the last row's value of each column,
/// and the next page is <c>c1 &gt; v1 OR (c1 = v1 AND (c2 &gt; v2 OR ...))</c>. So when the columns
/// are not unique, rows that tie with the last row of a page are skipped, as on a real site.
/// </summary>
public sealed class CursorOrder<T>
{
    private const string CodingError = "Coding error detected, it must be fixed by a programmer: ";
    private readonly Func<T, string, object> _value;

    public CursorOrder(IReadOnlyList<string> columns, bool descending, Func<T, string, object> value)
    {
        Columns = columns;
        Descending = descending;
        _value = value;
    }

    public IReadOnlyList<string> Columns { get; }

    public bool Descending { get; }

    /// <summary>
    /// Reads a sort column the way the data providers take it: comma-separated names such as
    /// 'id, timemodified', each one of <paramref name="allowed"/>.
    /// </summary>
    public static IReadOnlyList<string> ReadColumns(string column, IReadOnlyList<string> allowed)
    {
        var columns = column.Split(',').Select(c => c.Trim().ToLowerInvariant()).ToList();
        if (columns.Any(c => !allowed.Contains(c)))
        {
            throw new TotaraApiException(CodingError + "sort field must be one of these: " + string.Join(", ", allowed));
        }

        return columns;
    }

    /// <summary>Sorts by the columns only; rows that tie keep the order they came in (the database's choice).</summary>
    public List<T> Sort(IEnumerable<T> rows)
    {
        var ordered = Descending ? rows.OrderByDescending(r => r, Comparer<T>.Create(CompareRows)) : rows.OrderBy(r => r, Comparer<T>.Create(CompareRows));
        return ordered.ToList();
    }

    /// <summary>The cursor columns of a page's last row: its value of every order column.</summary>
    public Dictionary<string, object?> CursorColumns(T last) => Columns.ToDictionary(c => c, c => (object?)_value(last, c));

    /// <summary>True when the row is on the far side of the cursor: Totara's recursive cursor condition.</summary>
    public bool IsAfter(T row, PageCursor cursor)
    {
        if (cursor.Columns.Count != Columns.Count || Columns.Any(c => !cursor.Columns.ContainsKey(c)))
        {
            // core\pagination\cursor_paginator::validate_cursor.
            throw new TotaraApiException(CodingError + "Order of query does not match given cursor");
        }

        foreach (var column in Columns)
        {
            var order = CompareToCursor(_value(row, column), cursor.Columns[column]);
            if (order != 0)
            {
                return Descending ? order < 0 : order > 0;
            }
        }

        // Equal in every column: the row is the cursor's own row or ties with it, and is not after it.
        return false;
    }

    private int CompareRows(T a, T b)
    {
        foreach (var column in Columns)
        {
            var order = CompareValues(_value(a, column), _value(b, column));
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static int CompareValues(object a, object b) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        (string x, string y) => StringComparer.OrdinalIgnoreCase.Compare(x, y),
        _ => string.CompareOrdinal(a.ToString(), b.ToString()),
    };

    private static int CompareToCursor(object value, JsonElement cursor)
    {
        switch (value)
        {
            case long number when cursor.ValueKind == JsonValueKind.Number:
                return number.CompareTo(cursor.GetInt64());
            case long number when cursor.ValueKind == JsonValueKind.String && long.TryParse(cursor.GetString(), out var parsed):
                return number.CompareTo(parsed);
            case string text when cursor.ValueKind == JsonValueKind.String:
                // A case-insensitive database collation compares text.
                return StringComparer.OrdinalIgnoreCase.Compare(text, cursor.GetString());
            default:
                throw new TotaraApiException(PageCursor.InvalidCursor);
        }
    }
}
