using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;

namespace Totara.PowerShell.GraphQL;

/// <summary>
/// Turns the <c>-Variables</c> hashtable into the plain values Totara.Client serialises:
/// dictionaries, lists, strings, booleans, numbers, dates and null. PSObject wrappers are
/// removed, PSCustomObjects and other objects become dictionaries of their properties, enums
/// become their names (GraphQL enum values).
/// </summary>
internal static class VariableConverter
{
    // Deeper than any GraphQL input type; stops a self-referencing object graph.
    private const int MaxDepth = 32;

    /// <summary>Converts the variables; throws <see cref="ArgumentException"/> naming the offending variable path.</summary>
    public static Dictionary<string, object?> Convert(IDictionary variables)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in variables)
        {
            var name = entry.Key?.ToString();
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A variable has an empty name.");
            result[name!] = ConvertValue(entry.Value, name!, 1);
        }

        return result;
    }

    private static object? ConvertValue(object? value, string path, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException($"Variable '{path}' is nested more than {MaxDepth} levels deep (does it refer to itself?).");
        if (value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject) value = wrapped.BaseObject;

        switch (value)
        {
            case null:
                return null;
            case string or bool or DateTime or DateTimeOffset:
                return value;
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return value;
            case char c:
                return c.ToString();
            case Enum e:
                return e.ToString();
            case SwitchParameter s:
                return s.IsPresent;
            case Guid or Uri or TimeSpan:
                return value.ToString();
            case SecureString:
                throw new ArgumentException($"Variable '{path}' is a SecureString. Secrets are not sent as GraphQL variables; convert it yourself if you really mean to.");
            case ScriptBlock:
                throw new ArgumentException($"Variable '{path}' is a script block, which cannot be sent to Totara. Run it first and pass its result.");
            case IDictionary dictionary:
                return ConvertDictionary(dictionary, path, depth);
            case PSObject custom:
                return ConvertProperties(custom, path, depth);
            case IEnumerable list:
                var items = new List<object?>();
                var index = 0;
                foreach (var item in list)
                    items.Add(ConvertValue(item, $"{path}[{index++}]", depth + 1));
                return items;
            default:
                return ConvertProperties(PSObject.AsPSObject(value), path, depth);
        }
    }

    private static Dictionary<string, object?> ConvertDictionary(IDictionary dictionary, string path, int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = entry.Key?.ToString() ?? string.Empty;
            result[key] = ConvertValue(entry.Value, $"{path}.{key}", depth + 1);
        }

        return result;
    }

    private static Dictionary<string, object?> ConvertProperties(PSObject value, string path, int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in value.Properties)
        {
            if (!property.IsGettable) continue;
            result[property.Name] = ConvertValue(property.Value, $"{path}.{property.Name}", depth + 1);
        }

        return result;
    }
}
