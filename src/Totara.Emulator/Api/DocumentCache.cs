using System.Collections.Concurrent;

namespace Totara.Emulator.Api;

/// <summary>
/// Analysed documents by their text. Bounded: when full it is emptied and refilled, which is
/// cheap and keeps a long benchmark from holding every document it ever sent.
/// </summary>
internal sealed class DocumentCache
{
    private const int Capacity = 2_000;
    private readonly ConcurrentDictionary<string, DocumentAnalysis> _entries = new(StringComparer.Ordinal);

    public DocumentAnalysis Get(string query)
    {
        if (_entries.TryGetValue(query, out var cached))
        {
            return cached;
        }

        var analysis = DocumentAnalysis.Analyse(query);
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries.TryAdd(query, analysis);
        return analysis;
    }
}
