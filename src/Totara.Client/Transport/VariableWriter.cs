using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Totara.Client.Transport;

/// <summary>
/// Writes plain CLR variable values as JSON: dictionaries, lists, strings, booleans, numbers,
/// dates, enums and JSON elements. Anything else is refused with the variable's path and type,
/// so a caller learns which value was wrong rather than receiving a server-side coercion error.
/// </summary>
internal static class VariableWriter
{
    private const int MaxDepth = 64;

    public static void Write(Utf8JsonWriter writer, object? value, string path) => Write(writer, value, path, 0);

    private static void Write(Utf8JsonWriter writer, object? value, string path, int depth)
    {
        if (depth > MaxDepth)
            throw new ArgumentException($"Variable '{path}' nests deeper than {MaxDepth} levels (a cycle?).");

        switch (value)
        {
            case null: writer.WriteNullValue(); return;
            case string s: writer.WriteStringValue(s); return;
            case bool b: writer.WriteBooleanValue(b); return;
            case char c: writer.WriteStringValue(c.ToString()); return;
            case Enum e: writer.WriteStringValue(e.ToString()); return;
            case int i: writer.WriteNumberValue(i); return;
            case long l: writer.WriteNumberValue(l); return;
            case short sh: writer.WriteNumberValue(sh); return;
            case byte by: writer.WriteNumberValue(by); return;
            case uint ui: writer.WriteNumberValue(ui); return;
            case ulong ul: writer.WriteNumberValue(ul); return;
            case decimal m: writer.WriteNumberValue(m); return;
            case double d: WriteFinite(writer, d, path); return;
            case float f: WriteFinite(writer, f, path); return;
            case DateTime dt: writer.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture)); return;
            case DateTimeOffset dto: writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture)); return;
            case Guid g: writer.WriteStringValue(g.ToString()); return;
            case Uri u: writer.WriteStringValue(u.ToString()); return;
            case JsonElement je: je.WriteTo(writer); return;
            case JsonDocument jd: jd.WriteTo(writer); return;
            case IDictionary<string, object?> map: WriteObject(writer, map, path, depth); return;
            case IDictionary dictionary: WriteObject(writer, dictionary, path, depth); return;
            case IEnumerable list: WriteArray(writer, list, path, depth); return;
        }

        throw new ArgumentException(
            $"Variable '{path}' has a value of type {value.GetType().FullName}, which cannot be sent as GraphQL; " +
            "use a string, number, boolean, date, list or dictionary.");
    }

    private static void WriteFinite(Utf8JsonWriter writer, double value, string path)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new ArgumentException($"Variable '{path}' is {value}, which JSON cannot carry.");
        writer.WriteNumberValue(value);
    }

    private static void WriteObject(Utf8JsonWriter writer, IDictionary<string, object?> map, string path, int depth)
    {
        writer.WriteStartObject();
        foreach (var pair in map)
        {
            writer.WritePropertyName(pair.Key);
            Write(writer, pair.Value, path + "." + pair.Key, depth + 1);
        }
        writer.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter writer, IDictionary dictionary, string path, int depth)
    {
        writer.WriteStartObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
            writer.WritePropertyName(key);
            Write(writer, entry.Value, path + "." + key, depth + 1);
        }
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable list, string path, int depth)
    {
        writer.WriteStartArray();
        var index = 0;
        foreach (var item in list)
            Write(writer, item, $"{path}[{index++}]", depth + 1);
        writer.WriteEndArray();
    }
}
