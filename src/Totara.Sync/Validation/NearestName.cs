using System;
using System.Collections.Generic;

namespace Totara.Sync;

/// <summary>
/// The known name a mistyped one most likely meant ("emial" → "email", "departmnet" →
/// "department"): the fewest single-letter edits (insert, delete, replace, swap two neighbours),
/// ignoring case, within a third of the name's length, so unrelated names suggest nothing.
/// </summary>
public static class NearestName
{
    /// <summary>The nearest of <paramref name="known"/>, or null when none is close enough.</summary>
    public static string? Find(string name, IEnumerable<string> known)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        if (known is null) throw new ArgumentNullException(nameof(known));
        var typed = name.ToLowerInvariant();
        var allowed = Math.Max(1, typed.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(typed, candidate.ToLowerInvariant());
            if (distance == 0 || distance > allowed || distance >= bestDistance) continue;
            best = candidate;
            bestDistance = distance;
        }
        return best;
    }

    /// <summary>Edit distance with adjacent swaps counted once (optimal string alignment).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
