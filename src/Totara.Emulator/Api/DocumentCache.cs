using System.Collections.Concurrent;
using GraphQL.Types;

namespace Totara.Emulator.Api;

/// <summary>
/// Analysed documents by their text. Bounded: when full it is emptied and refilled, which is
/// cheap and keeps a long benchmark from holding every document it ever sent.
/// </summary>
internal sealed class DocumentCache
{
    private const int Capacity = 2_000;
    private readonly ConcurrentDictionary<string, DocumentAnalysis> _entries = new(StringComparer.Ordinal);
    private readonly ISchema _schema;

    public DocumentCache(ISchema schema)
    {
        _schema = schema;
    }

    public DocumentAnalysis Get(string query)
    {
        if (_entries.TryGetValue(query, out var cached))
        {
            return cached;
        }

        // Depth and introspection are judged on the document as sent, as Totara's rules see it;
        // what runs is the document without the fields the schema does not define.
        var analysis = DocumentAnalysis.Analyse(query);
        if (analysis.Document is { } document)
        {
            UndefinedFieldPruner.Prune(document, _schema);
        }
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries.TryAdd(query, analysis);
        return analysis;
    }
}
