using System.Text;

namespace Totara.Emulator.Tests.Reference;

/// <summary>
/// Reads a type's example: a JSON-like object (it may name types instead of values, e.g.
/// <c>"user": core_user</c>) whose top-level keys are the type's fields, or a single scalar
/// value such as <c>"TIMESTAMP"</c>.
/// </summary>
internal static class ExampleReader
{
    public sealed record Example(bool IsObject, IReadOnlyList<string> Keys, string? Value);

    public static Example Read(Block b, int pos)
    {
        if (pos >= b.End) return new Example(false, [], null);
        if (!b[pos].StartsWith('{')) return new Example(false, [], b[pos]);
        var text = new StringBuilder();
        var depth = 0;
        for (; pos < b.End; pos++)
        {
            text.Append(b[pos]).Append('\n');
            depth += DepthChange(b[pos]);
            if (depth <= 0) break;
        }
        return new Example(true, TopLevelKeys(text.ToString()), null);
    }

    /// <summary>Net count of opening minus closing brackets outside string literals.</summary>
    public static int DepthChange(string line)
    {
        var change = 0;
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inString) { if (c == '\\') i++; else if (c == '"') inString = false; continue; }
            if (c == '"') inString = true;
            else if (c is '{' or '[') change++;
            else if (c is '}' or ']') change--;
        }
        return change;
    }

    private static List<string> TopLevelKeys(string text)
    {
        var keys = new List<string>();
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '{' or '[') { depth++; continue; }
            if (c is '}' or ']') { depth--; continue; }
            if (c != '"') continue;
            var close = i + 1;
            while (close < text.Length && text[close] != '"') close += text[close] == '\\' ? 2 : 1;
            var after = close + 1;
            while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
            if (depth == 1 && after < text.Length && text[after] == ':') keys.Add(text[(i + 1)..close]);
            i = close;
        }
        return keys;
    }
}
