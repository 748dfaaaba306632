using System;
using System.Collections.Generic;
using Totara.Client.Pacing;

namespace Totara.Client.Schema;

/// <summary>
/// Checks a document against the bundled schema before it is sent. Totara's external endpoint
/// runs no GraphQL validation (totara_webapi\server): a field its schema lacks is dropped from
/// the answer without an error, and an object selected without sub-fields comes back empty. So
/// a misspelt field would be silently missing; this names each such field beforehand.
/// </summary>
public static class SchemaCheck
{
    /// <summary>
    /// One sentence per field the site would drop or answer empty, in document order; empty when
    /// the document fits the schema. A document that cannot be parsed gives no findings (the site
    /// reports the syntax error itself).
    /// </summary>
    public static IReadOnlyList<string> Check(string document)
    {
        GraphQLDocument parsed;
        try
        {
            parsed = GraphQLDocument.Parse(document);
        }
        catch (FormatException)
        {
            return Array.Empty<string>();
        }

        var walker = new Walker(BundledSchema.Instance, parsed.Fragments);
        foreach (var operation in parsed.Operations)
            walker.Walk(operation.Selections, operation.IsMutation ? "Mutation" : "Query", "", new HashSet<string>(StringComparer.Ordinal));
        return walker.Findings;
    }

    private sealed class Walker
    {
        private readonly BundledSchema _schema;
        private readonly Dictionary<string, List<SelectionNode>> _fragments;

        public Walker(BundledSchema schema, Dictionary<string, List<SelectionNode>> fragments)
        {
            _schema = schema;
            _fragments = fragments;
        }

        public List<string> Findings { get; } = new();

        public void Walk(List<SelectionNode> selections, string typeName, string path, HashSet<string> fragmentsInUse)
        {
            foreach (var selection in selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        WalkField(field, typeName, path, fragmentsInUse);
                        break;
                    // The parser keeps no type condition; the fragment is read as the enclosing type.
                    case InlineFragmentNode inline:
                        Walk(inline.Selections, typeName, path, fragmentsInUse);
                        break;
                    case FragmentSpreadNode spread when _fragments.TryGetValue(spread.Name, out var body) && fragmentsInUse.Add(spread.Name):
                        Walk(body, typeName, path, fragmentsInUse);
                        fragmentsInUse.Remove(spread.Name);
                        break;
                }
            }
        }

        private void WalkField(FieldNode field, string typeName, string path, HashSet<string> fragmentsInUse)
        {
            if (field.Name.StartsWith("__", StringComparison.Ordinal)) return;
            var at = path.Length == 0 ? (field.Alias ?? field.Name) : path + "." + (field.Alias ?? field.Name);
            var type = _schema.FieldType(typeName, field.Name);
            if (type is null)
            {
                Findings.Add($"The site would silently drop '{at}': type {typeName} has no field '{field.Name}'.");
                return;
            }

            if (!_schema.HasFields(type)) return;
            if (field.Selections is null || field.Selections.Count == 0)
            {
                Findings.Add($"The site would answer '{at}' with an empty object: it selects no fields of {type}.");
                return;
            }

            Walk(field.Selections, type, at, fragmentsInUse);
        }
    }
}
