using Totara.Emulator.Tests.Reference;

namespace Totara.Emulator.Tests.Schema;

/// <summary>
/// Compares a served schema (introspected) with the API reference and lists every difference
/// as one readable line, so a failing test shows all of them at once.
/// </summary>
public sealed class SchemaComparison
{
    private readonly SeedReference _reference;
    private readonly IntrospectedSchema _served;

    public SchemaComparison(SeedReference reference, IntrospectedSchema served)
    {
        _reference = reference;
        _served = served;
    }

    public List<string> Operations(OperationKind kind)
    {
        var problems = new List<string>();
        var rootName = kind == OperationKind.Query ? _served.QueryType : _served.MutationType;
        if (rootName is null || !_served.Types.TryGetValue(rootName, out var root))
            return [$"The served schema has no {kind} root type."];
        var expected = _reference.Operations.Where(o => o.Kind == kind).ToList();
        var served = root.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var extra in served.Keys.Except(expected.Select(o => o.Name)))
            problems.Add($"{kind} '{extra}' is served but not in the reference.");
        foreach (var op in expected)
        {
            if (!served.TryGetValue(op.Name, out var field)) { problems.Add($"{kind} '{op.Name}' (reference line {op.Line}) is not served."); continue; }
            if (op.ReturnType is not null && op.ReturnType != field.Type)
                problems.Add($"{kind} '{op.Name}' returns {field.Type}; the reference says {op.ReturnType}.");
            problems.AddRange(CompareMembers($"{kind} '{op.Name}' argument", op.Arguments, field.Arguments));
        }
        return problems;
    }

    public List<string> Types()
    {
        var problems = new List<string>();
        var usage = TypeUsage.Of(_reference);
        foreach (var type in _reference.Types)
        {
            if (!_served.Types.TryGetValue(type.Name, out var served)) { problems.Add($"Type '{type.Name}' (reference line {type.Line}) is not served."); continue; }
            var allowed = AllowedKinds(type, usage);
            if (!allowed.Contains(served.Kind))
                problems.Add($"Type '{type.Name}' is served as {served.Kind}; the reference makes it {string.Join(" or ", allowed)}.");
            problems.AddRange(CompareType(type, served));
        }
        var known = _reference.Types.Select(t => t.Name).Append(_served.QueryType).Append(_served.MutationType ?? "").ToHashSet();
        foreach (var extra in _served.Types.Keys.Where(n => !n.StartsWith("__", StringComparison.Ordinal) && !known.Contains(n)))
            problems.Add($"Type '{extra}' is served but not in the reference.");
        return problems;
    }

    private static IEnumerable<string> CompareType(ReferenceType type, IntrospectedType served)
    {
        switch (type.Kind)
        {
            case ReferenceTypeKind.Object or ReferenceTypeKind.Input or ReferenceTypeKind.Interface:
                foreach (var p in CompareMembers($"Type '{type.Name}' field", type.Fields, served.AllFields)) yield return p;
                foreach (var field in type.Fields)
                {
                    var args = served.AllFields.FirstOrDefault(f => f.Name == field.Name)?.Arguments;
                    if (args is null) continue;
                    if (field.HasArguments && args.Count == 0)
                        yield return $"Field '{type.Name}.{field.Name}' takes arguments in the reference; the served field takes none.";
                    if (!field.HasArguments && args.Count > 0)
                        yield return $"Field '{type.Name}.{field.Name}' takes no arguments in the reference; the served field takes ({string.Join(", ", args.Select(a => a.Name))}).";
                }
                break;
            case ReferenceTypeKind.Composite:
                foreach (var key in type.ExampleKeys.Where(k => served.AllFields.All(f => f.Name != k)))
                    yield return $"Type '{type.Name}' lacks field '{key}' that the reference's example shows.";
                break;
            case ReferenceTypeKind.Enum:
                if (served.EnumValues.Count == 0) yield return $"Enum '{type.Name}' has no values.";
                var example = type.ExampleValue?.Trim('"');
                if (example is not null && !served.EnumValues.Contains(example))
                    yield return $"Enum '{type.Name}' lacks the reference's example value {example}.";
                var described = type.EnumValueDescriptions.Count(d => d.Length > 0);
                if (described > 0 && described != served.EnumValues.Count)
                    yield return $"Enum '{type.Name}' has {served.EnumValues.Count} values ({string.Join(", ", served.EnumValues)}); the reference describes {described}.";
                break;
        }
    }

    private static IEnumerable<string> CompareMembers(string what, IReadOnlyList<ReferenceField> expected, IReadOnlyList<IntrospectedField> served)
    {
        var byName = served.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var extra in byName.Keys.Except(expected.Select(e => e.Name)))
            yield return $"{what} '{extra}' is served but not in the reference.";
        foreach (var member in expected)
        {
            if (!byName.TryGetValue(member.Name, out var actual)) yield return $"{what} '{member.Name}' ({member.Type}) is not served.";
            else if (actual.Type != member.Type) yield return $"{what} '{member.Name}' is served as {actual.Type}; the reference says {member.Type}.";
        }
    }

    private static string[] AllowedKinds(ReferenceType type, TypeUsage usage) => type.Kind switch
    {
        ReferenceTypeKind.Scalar => ["SCALAR"],
        ReferenceTypeKind.Object => ["OBJECT"],
        ReferenceTypeKind.Interface => ["INTERFACE"],
        ReferenceTypeKind.Input => ["INPUT_OBJECT"],
        ReferenceTypeKind.Enum => ["ENUM"],
        ReferenceTypeKind.Composite when usage.AsInput.Contains(type.Name) => ["INPUT_OBJECT"],
        ReferenceTypeKind.Composite when usage.AsOutput.Contains(type.Name) => ["OBJECT"],
        ReferenceTypeKind.Composite => ["OBJECT", "INPUT_OBJECT"],
        _ when usage.AsInput.Contains(type.Name) => ["INPUT_OBJECT", "ENUM", "SCALAR"],
        _ when usage.AsOutput.Contains(type.Name) => ["OBJECT", "ENUM", "SCALAR"],
        _ => ["OBJECT", "INPUT_OBJECT", "ENUM", "SCALAR"],
    };

    /// <summary>Which named types the reference uses in input positions and which in output positions.</summary>
    private sealed record TypeUsage(HashSet<string> AsInput, HashSet<string> AsOutput)
    {
        public static TypeUsage Of(SeedReference reference)
        {
            var input = new HashSet<string>(StringComparer.Ordinal);
            var output = new HashSet<string>(StringComparer.Ordinal);
            foreach (var op in reference.Operations)
            {
                input.UnionWith(op.Arguments.Select(a => SeedReference.NamedType(a.Type)));
                if (op.ReturnType is not null) output.Add(SeedReference.NamedType(op.ReturnType));
            }
            foreach (var type in reference.Types)
            {
                var target = type.Kind == ReferenceTypeKind.Input ? input : output;
                target.UnionWith(type.Fields.Select(f => SeedReference.NamedType(f.Type)));
            }
            return new TypeUsage(input, output);
        }
    }
}
