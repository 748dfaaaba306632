using System;
using System.Collections.Generic;
using System.Linq;

namespace Totara.Client;

/// <summary>What the handshake learned: the site's status and which known operations it offers.</summary>
public sealed class TotaraSiteInfo
{
    private readonly HashSet<string> _all;

    public TotaraSiteInfo(string status, string? timestamp, IEnumerable<string> queries, IEnumerable<string> mutations)
    {
        Status = status;
        Timestamp = timestamp;
        Queries = queries.OrderBy(q => q, StringComparer.Ordinal).ToArray();
        Mutations = mutations.OrderBy(m => m, StringComparer.Ordinal).ToArray();
        _all = new HashSet<string>(Queries.Concat(Mutations), StringComparer.Ordinal);
    }

    public string Status { get; }

    public string? Timestamp { get; }

    public IReadOnlyCollection<string> Queries { get; }

    public IReadOnlyCollection<string> Mutations { get; }

    public bool Offers(string operation) => _all.Contains(operation);

    public override string ToString() => $"Totara API {Status}: {Queries.Count} queries, {Mutations.Count} mutations";
}
