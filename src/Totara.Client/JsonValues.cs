using System;
using System.Globalization;
using System.Text.Json;

namespace Totara.Client;

/// <summary>
/// Reads the loosely typed values of Totara's answers (ids and dates come as strings or numbers),
/// for every area of the client. A missing parent, property or null reads as null.
/// </summary>
internal static class JsonValues
{
    /// <summary>A value as text: strings as they are, numbers and booleans as written in the JSON.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static string? Text(JsonElement? item, string name) =>
        item is { ValueKind: JsonValueKind.Object } parent && parent.TryGetProperty(name, out var value) ? Text(value) : null;

    public static long? Long(JsonElement? item, string name) =>
        long.TryParse(Text(item, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static double? Double(JsonElement? item, string name) =>
        double.TryParse(Text(item, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A core_date in TIMESTAMP format; Totara turns 0 into null, and so do we.</summary>
    public static DateTimeOffset? Timestamp(JsonElement? item, string name) =>
        Long(item, name) is long seconds && seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static bool? Bool(JsonElement? item, string name) =>
        item is { ValueKind: JsonValueKind.Object } parent && parent.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;

    /// <summary>A detached JSON object built from text, for answers settled without the site's data.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
