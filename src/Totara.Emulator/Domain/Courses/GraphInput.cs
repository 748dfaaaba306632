using System.Globalization;
using System.Numerics;
using Totara.Emulator.Api;

namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// Reads GraphQL argument values as the learning resolvers need them. Schema-first input objects
/// arrive as dictionaries, and custom scalars (core_id, core_date, param_integer) may arrive as a
/// number or a string depending on how they were sent, so every reader accepts both.
/// </summary>
public static class GraphInput
{
    public static IReadOnlyDictionary<string, object?>? AsObject(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> ro => ro,
        IDictionary<string, object?> rw => new Dictionary<string, object?>(rw),
        _ => null,
    };

    public static object? Get(IReadOnlyDictionary<string, object?>? input, string key) =>
        input is not null && input.TryGetValue(key, out var value) ? value : null;

    public static bool Has(IReadOnlyDictionary<string, object?>? input, string key) =>
        input is not null && input.TryGetValue(key, out var value) && value is not null;

    public static string? String(IReadOnlyDictionary<string, object?>? input, string key) =>
        Get(input, key) switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };

    /// <summary>An integer id or count; throws a field-naming error for non-numeric text.</summary>
    public static long? Long(IReadOnlyDictionary<string, object?>? input, string key)
    {
        var value = Get(input, key);
        if (value is null)
        {
            return null;
        }

        return TryLong(value, out var result)
            ? result
            : throw new TotaraApiException($"Invalid value for '{key}': expected a whole number, got '{value}'.");
    }

    public static double? Double(IReadOnlyDictionary<string, object?>? input, string key)
    {
        var value = Get(input, key);
        switch (value)
        {
            case null:
                return null;
            case double d:
                return d;
            case float f:
                return f;
            case decimal m:
                return (double)m;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
        }

        if (TryLong(value, out var whole))
        {
            return whole;
        }

        throw new TotaraApiException($"Invalid value for '{key}': expected a number, got '{value}'.");
    }

    public static bool? Bool(IReadOnlyDictionary<string, object?>? input, string key) => Get(input, key) switch
    {
        null => null,
        bool b => b,
        string s when bool.TryParse(s, out var parsed) => parsed,
        var other => TryLong(other, out var n) ? n != 0 : throw new TotaraApiException($"Invalid value for '{key}': expected true or false."),
    };

    /// <summary>
    /// A core_date input: an integer timestamp, a numeric string or an ISO-8601 string, as the
    /// reference allows. Returns unix seconds; an empty string reads as "not given".
    /// </summary>
    public static long? Date(IReadOnlyDictionary<string, object?>? input, string key)
    {
        var value = Get(input, key);
        switch (value)
        {
            case null:
                return null;
            case DateTimeOffset dto:
                return dto.ToUnixTimeSeconds();
            case DateTime dt:
                return new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind)).ToUnixTimeSeconds();
            case string s when string.IsNullOrWhiteSpace(s):
                return null;
            case string s when DateTimeOffset.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                               && !long.TryParse(s.Trim(), out _):
                return parsed.ToUnixTimeSeconds();
        }

        if (TryLong(value, out var seconds))
        {
            return seconds;
        }

        throw new TotaraApiException($"Invalid value for '{key}': expected a unix timestamp or an ISO-8601 date, got '{value}'.");
    }

    private static bool TryLong(object value, out long result)
    {
        switch (value)
        {
            case long l:
                result = l;
                return true;
            case int i:
                result = i;
                return true;
            case short s:
                result = s;
                return true;
            case byte b:
                result = b;
                return true;
            case uint ui:
                result = ui;
                return true;
            case ulong ul when ul <= long.MaxValue:
                result = (long)ul;
                return true;
            case BigInteger big when big >= long.MinValue && big <= long.MaxValue:
                result = (long)big;
                return true;
            case decimal m when m == decimal.Truncate(m):
                result = (long)m;
                return true;
            case double d when d == Math.Truncate(d) && Math.Abs(d) < 9e15:
                result = (long)d;
                return true;
            case string text when long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                result = parsed;
                return true;
            default:
                result = 0;
                return false;
        }
    }
}
