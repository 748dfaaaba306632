using System.Collections.Generic;
using System.Linq;

namespace Totara.Sync;

/// <summary>
/// Writes what a finished run established into the state's delta section: a row's fingerprint
/// only when every change of it applied (else null, so the next run plans it again), the users of
/// changes that did not apply for a re-read, and when this run began reading the site.
/// </summary>
internal static class DeltaRecorder
{
    public static DeltaState Record(SyncPlan plan, IReadOnlyList<SourceUser> rows, SourceValidation validation, DeltaRead read,
        SyncRunDecision decision, DeltaState? previous, string? client, string rules)
    {
        var options = plan.Options;
        var next = new DeltaState
        {
            Client = client, Rules = rules, SiteReadAt = read.StartedAt,
            LastFullRun = decision.Kind == SyncRunKind.Full || previous is null ? read.StartedAt : previous.LastFullRun,
        };
        foreach (var pair in read.Known) next.Users[pair.Key] = pair.Value;

        var unsettled = new HashSet<SourceUser>();
        foreach (var change in plan.Changes)
        {
            if (change.Outcome == SyncOutcome.Applied)
            {
                if (change.Action == SyncAction.Delete && change.UserId is long gone) next.Users.Remove(gone);
                if (change.Action == SyncAction.Create && change.UserId is long id && change.Source is { } created)
                    next.Users[id] = new KnownUser(created.Get(options.MatchField) ?? "", created.Get(SyncFields.Username)?.ToLowerInvariant(), created.Get(SyncFields.IdNumber));
                continue;
            }
            if (change.Source is { } row) unsettled.Add(row);
            if (change.UserId is long user) next.Recheck.Add(user);
        }

        next.Recheck.UnionWith(plan.HandsOff);
        if (decision.Kind == SyncRunKind.Delta && previous is not null)
        {
            var inSource = new HashSet<string>(rows.Select(r => r.KeyFor(options.MatchField)).Where(k => k is not null)!, System.StringComparer.OrdinalIgnoreCase);
            foreach (var pair in previous.Rows)
                if (inSource.Contains(pair.Key)) next.Rows[pair.Key] = pair.Value;
        }
        foreach (var row in validation.Valid)
        {
            if (read.Scope is { } scope && !scope.Rows.Contains(row)) continue;
            next.Rows[row.KeyFor(options.MatchField)!] = unsettled.Contains(row) ? null : read.Fingerprints[row];
        }
        // Refused rows are planned again every run (and their keys kept, so a row that leaves the source is seen to go).
        foreach (var problem in validation.Problems.Concat(plan.Problems))
            if (problem.Row.KeyFor(options.MatchField) is { } key) next.Rows[key] = null;
        return next;
    }
}
