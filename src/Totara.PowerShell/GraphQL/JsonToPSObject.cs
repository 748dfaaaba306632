using System.Management.Automation;
using System.Text.Json;

namespace Totara.PowerShell.GraphQL;

/// <summary>
/// Turns GraphQL response JSON into what PowerShell users expect: objects become
/// PSCustomObjects (property order kept), arrays object[], integers long, other numbers double,
/// true/false bool, null null, strings string (dates stay as Totara formatted them).
/// </summary>
internal static class JsonToPSObject
{
    /// <summary>Converts one JSON value; returns null for JSON null or an absent value.</summary>
    public static object? Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new PSObject();
                foreach (var property in element.EnumerateObject())
                    result.Properties.Add(new PSNoteProperty(property.Name, Convert(property.Value)));
                return result;
            case JsonValueKind.Array:
                var items = new object?[element.GetArrayLength()];
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    items[index++] = Convert(item);
                return items;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var whole) ? (object)whole : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>Converts a value that may be missing (e.g. a response without data).</summary>
    public static object? Convert(JsonElement? element) => element is { } value ? Convert(value) : null;
}
