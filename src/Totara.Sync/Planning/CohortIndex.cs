using System;
using System.Collections.Generic;
using System.Globalization;
using Totara.Client.Cohorts;

namespace Totara.Sync;

/// <summary>
/// The site's static audiences, looked up by id, idnumber or name in O(1). A name shared by
/// several audiences is refused as ambiguous; an id or idnumber wins over a name.
/// </summary>
public sealed class CohortIndex
{
    private readonly Dictionary<string, CohortData> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CohortData>> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Indexes the audiences by id, idnumber and name.</summary>
    /// <param name="cohorts">The site's static audiences, as listed.</param>
    public CohortIndex(IEnumerable<CohortData> cohorts)
    {
        foreach (var cohort in cohorts)
        {
            Count++;
            _byKey[cohort.Id.ToString(CultureInfo.InvariantCulture)] = cohort;
            if (!string.IsNullOrEmpty(cohort.IdNumber)) _byKey[cohort.IdNumber!] = cohort;
            if (!_byName.TryGetValue(cohort.Name, out var named)) _byName[cohort.Name] = named = new List<CohortData>(1);
            named.Add(cohort);
        }
    }

    /// <summary>How many audiences the index holds.</summary>
    public int Count { get; }

    /// <summary>How messages name an audience by id: its name and idnumber when known.</summary>
    public string Describe(long id) =>
        _byKey.TryGetValue(id.ToString(CultureInfo.InvariantCulture), out var cohort) ? cohort.ToString() : "id " + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The audience an identity names, or null with the reason in <paramref name="error"/>.</summary>
    public CohortData? Resolve(string identity, out string? error)
    {
        var text = identity.Trim();
        error = null;
        if (_byKey.TryGetValue(text, out var byKey)) return byKey;
        if (_byName.TryGetValue(text, out var named))
        {
            if (named.Count == 1) return named[0];
            error = $"audience name '{text}' is shared by {named.Count} audiences; name it by idnumber instead.";
            return null;
        }
        error = $"no static audience has the id, idnumber or name '{text}' (the API can change static audiences only).";
        return null;
    }
}
