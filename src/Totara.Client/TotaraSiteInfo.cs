using System;
using System.Collections.Generic;
using System.Linq;

namespace Totara.Client;

/// <summary>What the handshake learned: the site's status and which known operations it offers.</summary>
public sealed class TotaraSiteInfo
{
    private readonly HashSet<string> _all;

    /// <summary>Holds what the handshake learned.</summary>
    /// <param name="status">The site's <c>totara_webapi_status.status</c>.</param>
    /// <param name="timestamp">The site's <c>totara_webapi_status.timestamp</c>, if it sent one.</param>
    /// <param name="queries">The query root fields known (from the bundled schema).</param>
    /// <param name="mutations">The mutation root fields known (from the bundled schema).</param>
    public TotaraSiteInfo(string status, string? timestamp, IEnumerable<string> queries, IEnumerable<string> mutations)
    {
        Status = status;
        Timestamp = timestamp;
        Queries = queries.OrderBy(q => q, StringComparer.Ordinal).ToArray();
        Mutations = mutations.OrderBy(m => m, StringComparer.Ordinal).ToArray();
        _all = new HashSet<string>(Queries.Concat(Mutations), StringComparer.Ordinal);
    }

    /// <summary>What the site's <c>totara_webapi_status</c> query answered as its status (e.g. "ok").</summary>
    public string Status { get; }

    /// <summary>The site's time as <c>totara_webapi_status</c> gave it, unparsed; null when the site sent none.</summary>
    public string? Timestamp { get; }

    /// <summary>The query root fields of the bundled schema, sorted ordinally. The site is not asked: introspection is usually off, so a field it lacks shows only when used.</summary>
    public IReadOnlyCollection<string> Queries { get; }

    /// <summary>The mutation root fields of the bundled schema, sorted ordinally (see <see cref="Queries"/> for why not the site's own).</summary>
    public IReadOnlyCollection<string> Mutations { get; }

    /// <summary>True when <paramref name="operation"/> is a query or mutation root field of the bundled schema (case-sensitive).</summary>
    /// <param name="operation">A root field name, e.g. <c>core_user_users</c>.</param>
    public bool Offers(string operation) => _all.Contains(operation);

    /// <inheritdoc/>
    public override string ToString() => $"Totara API {Status}: {Queries.Count} queries, {Mutations.Count} mutations";
}
