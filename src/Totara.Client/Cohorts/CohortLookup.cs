using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Cohorts;

/// <summary>
/// Turns an audience identity (id, idnumber or name) into the one audience it names, through
/// the static audience list (the API has no single-audience query and no reference by name).
/// </summary>
public static class CohortLookup
{
    /// <summary>
    /// The audience <paramref name="identity"/> names. Throws <see cref="CohortNotFoundException"/>
    /// when none or several match. With <paramref name="allowUnlisted"/>, an identity that matches
    /// no static audience is still returned as a reference (by id if it is a number, else by
    /// idnumber) for the site to judge: dynamic audiences are not in the list.
    /// </summary>
    public static async Task<(CohortReference Reference, CohortData? Cohort)> ResolveAsync(
        this CohortsClient cohorts, string identity, bool allowUnlisted, CancellationToken ct = default)
    {
        var found = await cohorts.FindAsync(identity, ct).ConfigureAwait(false);
        if (found.Count == 1) return (CohortReference.ById(found[0].Id), found[0]);
        if (found.Count > 1)
            throw new CohortNotFoundException(identity,
                $"'{identity}' names {found.Count} audiences (ids {string.Join(", ", found.Select(c => c.Id))}); give the id or idnumber instead.", true);
        if (allowUnlisted)
        {
            var text = identity.Trim();
            return (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? CohortReference.ById(id)
                : CohortReference.ByIdNumber(text), null);
        }
        throw new CohortNotFoundException(identity,
            $"No static audience has the id, idnumber or name '{identity}'. (The API lists and changes static audiences only: " +
            "members of a dynamic audience follow its rules.)", false);
    }
}

/// <summary>An audience identity that names no audience, or more than one.</summary>
public sealed class CohortNotFoundException : TotaraException
{
    /// <summary>Makes the failure for an identity that names no audience, or several.</summary>
    /// <param name="identity">The identity as given.</param>
    /// <param name="message">The text to show (naming the matching ids when ambiguous).</param>
    /// <param name="ambiguous">True when several audiences match; false when none does.</param>
    public CohortNotFoundException(string identity, string message, bool ambiguous) : base(message)
    {
        Identity = identity;
        Ambiguous = ambiguous;
    }

    /// <summary>The identity as given.</summary>
    public string Identity { get; }

    /// <summary>True when several audiences match (a shared name); false when none does.</summary>
    public bool Ambiguous { get; }
}
