using System.Text;
using System.Text.Json;
using Totara.Emulator.Api;

namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// Totara's opaque list cursor: base64 of <c>{"limit":N,"columns":{...}}</c>, where columns hold
/// the sort values of the last item returned (keyset paging). A cursor carries its own limit, so
/// a client that passes one gets pages of the size it first asked for.
/// </summary>
public sealed record PageCursor(int Limit, IReadOnlyDictionary<string, JsonElement> Columns)
{
    public const string InvalidCursor = "Invalid cursor given, expected encoded cursor";

    public static string Encode(int limit, IReadOnlyDictionary<string, object?> columns)
    {
        var json = JsonSerializer.Serialize(new { limit, columns });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    public static PageCursor Decode(string cursor)
    {
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)));
            var root = doc.RootElement;
            var limit = root.TryGetProperty("limit", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 0;
            var columns = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (root.TryGetProperty("columns", out var cols) && cols.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in cols.EnumerateObject())
                {
                    columns[property.Name] = property.Value.Clone();
                }
            }

            return new PageCursor(limit, columns);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw new TotaraApiException(InvalidCursor);
        }
    }
}

/// <summary>One page of a cursor-paged list: the shape of every <c>*_result {items,total,next_cursor}</c>.</summary>
public sealed record PageResult<T>(IReadOnlyList<T> Items, int Total, string NextCursor);
