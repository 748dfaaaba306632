using System.Text.RegularExpressions;

namespace Totara.Emulator.Tests.Reference;

/// <summary>
/// Parses the reference's text layout. Each entry is a name line followed by "Description";
/// the last "Queries" / "Mutations" / "Types" heading above it says what it is. Tables come as
/// rows of "name -", type, "|", description ending in "|", optionally "Arguments | |".
/// Some types appear as a bare name with nothing else; they are kept with kind Unknown.
/// </summary>
public static partial class SeedReferenceParser
{
    private static readonly HashSet<string> SectionHeadings = ["Queries", "Mutations", "Types"];

    public static SeedReference Parse(IReadOnlyList<string> rawLines)
    {
        var lines = rawLines.Select(l => l.TrimEnd()).ToArray();
        var starts = EntryStarts(lines);
        var operations = new List<ReferenceOperation>();
        var types = new List<ReferenceType>();
        var bareNames = new List<(string Name, int Line)>();
        for (var k = 0; k < starts.Count; k++)
        {
            var (start, section) = starts[k];
            var end = k + 1 < starts.Count ? starts[k + 1].Line : lines.Length;
            var block = new Block(lines, start, end);
            if (section == "Types") types.Add(ParseType(block));
            else operations.Add(ParseOperation(block, section == "Queries" ? OperationKind.Query : OperationKind.Mutation));
            bareNames.AddRange(BareTypeNames(block, section));
        }
        var named = types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, line) in bareNames.Where(b => named.Add(b.Name)))
            types.Add(new ReferenceType(name, ReferenceTypeKind.Unknown, "", [], [], [], null, line + 1));
        return new SeedReference(operations, types);
    }

    private static List<(int Line, string Section)> EntryStarts(string[] lines)
    {
        var starts = new List<(int, string)>();
        string? section = null;
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (SectionHeadings.Contains(lines[i])) section = lines[i];
            else if (section is not null && lines[i + 1] == "Description" && Identifier().IsMatch(lines[i])) starts.Add((i, section));
        }
        return starts;
    }

    private static ReferenceOperation ParseOperation(Block b, OperationKind kind)
    {
        var pos = b.Start + 2;
        pos = b.SkipUntil(pos, "Response") + 1;
        string? returnType = null;
        if (pos < b.End && b[pos].StartsWith("Returns ", StringComparison.Ordinal))
        {
            returnType = b[pos + 1];
            pos += 2;
        }
        var arguments = new List<ReferenceField>();
        if (pos < b.End && b[pos] == "Arguments")
            ReadRows(b, pos + 3, arguments, "Example");
        return new ReferenceOperation(b[b.Start], kind, returnType, arguments, b.Start + 1);
    }

    private static ReferenceType ParseType(Block b)
    {
        var pos = b.Start + 2;
        var descriptionEnd = b.SkipUntil(pos, "Fields", "Values", "Example");
        var description = string.Join("\n", Enumerable.Range(pos, descriptionEnd - pos).Select(i => b[i]));
        pos = descriptionEnd;
        var kind = ReferenceTypeKind.Scalar;
        var fields = new List<ReferenceField>();
        var values = new List<string>();
        if (pos < b.End && b[pos] == "Fields")
        {
            kind = b[pos + 1].Contains("Input Field", StringComparison.Ordinal) ? ReferenceTypeKind.Input : ReferenceTypeKind.Object;
            pos = ReadRows(b, pos + 3, fields, "Example", "Possible Types");
            if (pos < b.End && b[pos] == "Possible Types") kind = ReferenceTypeKind.Interface;
        }
        else if (pos < b.End && b[pos] == "Values")
        {
            kind = ReferenceTypeKind.Enum;
            for (pos += 3; pos < b.End && b[pos] != "Example"; pos++)
            {
                if (b[pos] != "|") values.Add(b[pos].TrimEnd('|').TrimEnd());
            }
        }
        var example = ExampleReader.Read(b, b.SkipUntil(pos, "Example") + 1);
        if (kind == ReferenceTypeKind.Scalar && example.IsObject) kind = ReferenceTypeKind.Composite;
        return new ReferenceType(b[b.Start], kind, description, fields, values, example.Keys, example.Value, b.Start + 1);
    }

    /// <summary>Reads table rows from <paramref name="pos"/> until a stop line; returns the stop line's index.</summary>
    private static int ReadRows(Block b, int pos, List<ReferenceField> into, params string[] stops)
    {
        while (pos < b.End && !stops.Contains(b[pos]))
        {
            if (!IsRowStart(b, pos)) { pos++; continue; }
            var name = FieldStart().Match(b[pos]).Groups[1].Value;
            var type = b[pos + 1];
            pos += 2;
            if (pos < b.End && b[pos] == "|") pos++;
            var description = new List<string>();
            while (pos < b.End && !stops.Contains(b[pos]) && !IsRowStart(b, pos) && b[pos] != "Arguments")
            {
                var line = b[pos++];
                if (line == "|") break;
                if (line.EndsWith('|')) { description.Add(line[..^1].TrimEnd()); break; }
                description.Add(line);
            }
            var hasArguments = pos < b.End && b[pos] == "Arguments";
            if (hasArguments)
            {
                for (pos++; pos < b.End && b[pos] == "|"; pos++) { }
            }
            into.Add(new ReferenceField(name, type, string.Join("\n", description), hasArguments));
        }
        return pos;
    }

    private static bool IsRowStart(Block b, int pos) =>
        pos + 1 < b.End && FieldStart().IsMatch(b[pos]) && TypeString().IsMatch(b[pos + 1]);

    /// <summary>Type names listed alone (no description) under a "Types" heading, outside any example value.</summary>
    private static IEnumerable<(string Name, int Line)> BareTypeNames(Block b, string section)
    {
        var pos = b.SkipUntil(b.Start + 2, "Example");
        var depth = 0;
        for (pos++; pos < b.End; pos++)
        {
            var line = b[pos];
            if (SectionHeadings.Contains(line)) { section = line; depth = 0; continue; }
            if (section == "Types" && depth == 0 && BareTypeName().IsMatch(line)) yield return (line, pos);
            depth = Math.Max(0, depth + ExampleReader.DepthChange(line));
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    internal static partial Regex Identifier();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")]
    private static partial Regex BareTypeName();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*) -$")]
    private static partial Regex FieldStart();

    [GeneratedRegex(@"^\[?[A-Za-z_][A-Za-z0-9_]*!?\]?!?$")]
    private static partial Regex TypeString();
}

/// <summary>A view of one entry's lines: [Start, End) of the whole text.</summary>
internal readonly record struct Block(string[] Lines, int Start, int End)
{
    public string this[int index] => Lines[index];

    /// <summary>Index of the first line at or after <paramref name="pos"/> equal to one of <paramref name="markers"/>, or End.</summary>
    public int SkipUntil(int pos, params string[] markers)
    {
        while (pos < End && !markers.Contains(Lines[pos])) pos++;
        return pos;
    }
}
