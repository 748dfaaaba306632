using System.Linq;
using System.Management.Automation;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>The warnings and verbose lines Invoke-TotaraSync writes about its source and its plan (never errors: nothing is refused).</summary>
internal static class SyncNotices
{
    /// <summary>
    /// Totara's API cannot tell a client which user it acts as, so only -ServiceAccount keeps that
    /// user out of a complete source's removals. Without it the account is planned for suspension or
    /// deletion whenever the source lacks it; Totara refuses, and the change ends Skipped. Matched on
    /// idnumber, a service account (which has none, as a rule) is out of the sync's scope anyway.
    /// </summary>
    public static void WhenTheServiceAccountIsUnnamed(Cmdlet cmdlet, SyncOptions options)
    {
        if (!options.SourceIsComplete || options.ServiceAccount is not null
            || options.MissingUserAction == MissingUserAction.Keep || options.MatchOn == SyncMatchOn.IdNumber) return;
        cmdlet.WriteWarning("The session does not name the user this API client acts as. If that user is not in the source, the sync plans to " +
                            $"{options.MissingUserAction.ToString().ToLowerInvariant()} it, Totara refuses, and the change is reported as Skipped (it still counts toward -MaxRemovals). " +
                            "Connect with -ServiceAccount <username> to leave it out of the plan.");
    }

    /// <summary>Rows naming Totara's own admin or guest account, which a sync never changes.</summary>
    public static void SiteAccounts(Cmdlet cmdlet, SourceValidation validation)
    {
        foreach (var row in validation.SiteAccounts)
            cmdlet.WriteVerbose($"Row {row.RowNumber} ({row.Get(SyncFields.Username)}) is Totara's own {row.Get(SyncFields.Username)} account: every site has its own, and a sync never changes it.");
    }

    /// <summary>Once per field: the site keeps a value without its markup, so the sync compares that form.</summary>
    public static void RewrittenValues(Cmdlet cmdlet, SyncPlan plan)
    {
        foreach (var rewritten in plan.RewrittenValues.GroupBy(r => r.Field).Select(g => g.First()))
            cmdlet.WriteWarning($"Row {rewritten.RowNumber}: the site keeps {rewritten.Field} '{rewritten.Sent}' as '{rewritten.Stored}' (markup removed), " +
                                $"so the sync compares that form and does not resend it. Other rows' {rewritten.Field} values may be changed the same way.");
    }
}
