using System.Text.Json;

namespace Totara.Emulator.Tests.Schema;

/// <summary>
/// A served schema as its introspection result describes it, with type references spelled as
/// in SDL (<c>[core_course!]!</c>) so they compare directly with the API reference.
/// </summary>
public sealed class IntrospectedSchema
{
    public const string Query = """
        query IntrospectionQuery {
          __schema {
            queryType { name }
            mutationType { name }
            types {
              kind name
              fields(includeDeprecated: true) { name args { name defaultValue type { ...TypeRef } } type { ...TypeRef } }
              inputFields { name type { ...TypeRef } }
              interfaces { name }
              enumValues(includeDeprecated: true) { name }
              possibleTypes { name }
            }
          }
        }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        }
        """;

    private IntrospectedSchema(string queryType, string? mutationType, IReadOnlyDictionary<string, IntrospectedType> types)
    {
        QueryType = queryType;
        MutationType = mutationType;
        Types = types;
    }

    public string QueryType { get; }

    public string? MutationType { get; }

    public IReadOnlyDictionary<string, IntrospectedType> Types { get; }

    /// <summary>Reads the JSON response of <see cref="Query"/> (the object holding "data").</summary>
    public static IntrospectedSchema FromResponse(JsonElement response)
    {
        if (response.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            throw new InvalidOperationException($"Introspection failed with {errors.GetArrayLength()} error(s), first: "
                + string.Join("; ", errors.EnumerateArray().Take(3).Select(e => e.GetRawText())));
        var schema = response.GetProperty("data").GetProperty("__schema");
        var types = schema.GetProperty("types").EnumerateArray()
            .Select(ReadType)
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        var mutation = schema.GetProperty("mutationType");
        return new IntrospectedSchema(
            schema.GetProperty("queryType").GetProperty("name").GetString()!,
            mutation.ValueKind == JsonValueKind.Null ? null : mutation.GetProperty("name").GetString(),
            types);
    }

    private static IntrospectedType ReadType(JsonElement t) => new(
        t.GetProperty("name").GetString()!,
        t.GetProperty("kind").GetString()!,
        Fields(t, "fields"),
        Fields(t, "inputFields"),
        Names(t, "enumValues"),
        Names(t, "interfaces"),
        Names(t, "possibleTypes"));

    private static IReadOnlyList<IntrospectedField> Fields(JsonElement t, string property) =>
        t.GetProperty(property) is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(f => new IntrospectedField(
                f.GetProperty("name").GetString()!,
                TypeString(f.GetProperty("type")),
                f.TryGetProperty("args", out var args)
                    ? args.EnumerateArray().Select(a => new IntrospectedField(
                        a.GetProperty("name").GetString()!,
                        TypeString(a.GetProperty("type")),
                        [],
                        a.TryGetProperty("defaultValue", out var d) ? d.GetString() : null)).ToList()
                    : [])).ToList()
            : [];

    private static IReadOnlyList<string> Names(JsonElement t, string property) =>
        t.GetProperty(property) is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList()
            : [];

    /// <summary>Turns an introspection type reference into SDL notation.</summary>
    public static string TypeString(JsonElement typeRef) => typeRef.GetProperty("kind").GetString() switch
    {
        "NON_NULL" => TypeString(typeRef.GetProperty("ofType")) + "!",
        "LIST" => "[" + TypeString(typeRef.GetProperty("ofType")) + "]",
        _ => typeRef.GetProperty("name").GetString()!,
    };
}

public sealed record IntrospectedType(
    string Name,
    string Kind,
    IReadOnlyList<IntrospectedField> Fields,
    IReadOnlyList<IntrospectedField> InputFields,
    IReadOnlyList<string> EnumValues,
    IReadOnlyList<string> Interfaces,
    IReadOnlyList<string> PossibleTypes)
{
    /// <summary>Fields of an object or interface, input fields of an input object.</summary>
    public IReadOnlyList<IntrospectedField> AllFields => Kind == "INPUT_OBJECT" ? InputFields : Fields;
}

/// <summary>A field, input field or argument; <see cref="DefaultValue"/> (arguments only) is in GraphQL syntax, e.g. <c>PLAIN</c>.</summary>
public sealed record IntrospectedField(string Name, string Type, IReadOnlyList<IntrospectedField> Arguments, string? DefaultValue = null);
