using System;
using System.Collections.Generic;
using System.IO;
using Totara.Client.Pacing;

namespace Totara.Client.Schema;

/// <summary>
/// The output types of the API schema this module is built against: for every object type and
/// interface, its fields and the named type each returns. Read once from the SDL the emulator
/// serves (src/Totara.Emulator/Schema/totara.graphqls, embedded in this assembly), so the client
/// and the emulator can never disagree about which fields exist.
/// </summary>
internal sealed class BundledSchema
{
    private const string ResourceName = "Totara.Client.Schema.totara.graphqls";
    private static readonly Lazy<BundledSchema> Loaded = new(() => Parse(ReadResource()));

    private readonly Dictionary<string, Dictionary<string, string>> _types;

    private BundledSchema(Dictionary<string, Dictionary<string, string>> types) => _types = types;

    public static BundledSchema Instance => Loaded.Value;

    /// <summary>The field names of an object type or interface, in schema order; empty for any other type.</summary>
    public IReadOnlyCollection<string> FieldNames(string typeName) =>
        _types.TryGetValue(typeName, out var fields) ? fields.Keys : (IReadOnlyCollection<string>)Array.Empty<string>();

    /// <summary>True for an object type or interface (a type whose fields are selected).</summary>
    public bool HasFields(string typeName) => _types.ContainsKey(typeName);

    /// <summary>The named type <paramref name="field"/> of <paramref name="typeName"/> returns, or null when it has no such field.</summary>
    public string? FieldType(string typeName, string field) =>
        _types.TryGetValue(typeName, out var fields) && fields.TryGetValue(field, out var type) ? type : null;

    /// <summary>Reads the object types and interfaces of an SDL text; inputs, enums and scalars are skipped.</summary>
    internal static BundledSchema Parse(string sdl)
    {
        var tokens = GraphQLLexer.Tokenize(sdl);
        var types = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var i = 0;
        while (tokens[i].Kind != TokenKind.End)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Name && (token.Text == "type" || token.Text == "interface") && tokens[i + 1].Kind == TokenKind.Name)
            {
                var name = tokens[i + 1].Text;
                i += 2;
                while (!tokens[i].Is("{")) i++;
                types[name] = ReadFields(tokens, ref i);
            }
            else if (token.Is("{"))
            {
                SkipBlock(tokens, ref i, "{", "}");
            }
            else
            {
                i++;
            }
        }

        return new BundledSchema(types);
    }

    // From the '{' of a type to just after its '}': "description? name(args)?: [Type!]! @directive?".
    private static Dictionary<string, string> ReadFields(List<Token> tokens, ref int i)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        i++;
        while (!tokens[i].Is("}"))
        {
            if (tokens[i].Kind == TokenKind.String) { i++; continue; }
            var field = tokens[i++].Text;
            if (tokens[i].Is("(")) SkipBlock(tokens, ref i, "(", ")");
            i++; // ':'
            while (tokens[i].Is("[")) i++;
            fields[field] = tokens[i++].Text;
            while (tokens[i].Is("]") || tokens[i].Is("!")) i++;
            while (tokens[i].Is("@"))
            {
                i += 2;
                if (tokens[i].Is("(")) SkipBlock(tokens, ref i, "(", ")");
            }
        }

        i++;
        return fields;
    }

    private static void SkipBlock(List<Token> tokens, ref int i, string open, string close)
    {
        var depth = 0;
        do
        {
            if (tokens[i].Is(open)) depth++;
            else if (tokens[i].Is(close)) depth--;
            i++;
        }
        while (depth > 0 && tokens[i].Kind != TokenKind.End);
    }

    private static string ReadResource()
    {
        using var stream = typeof(BundledSchema).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The bundled schema {ResourceName} is missing from Totara.Client.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
