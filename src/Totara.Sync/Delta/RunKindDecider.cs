using System;
using System.Globalization;

namespace Totara.Sync;

/// <summary>Decides between a full and a delta run from the options and the state file, with the reason the summary shows.</summary>
internal static class RunKindDecider
{
    public static SyncRunDecision Decide(SyncOptions options, SyncState? state, string? client, string rules, DateTimeOffset now)
    {
        SyncRunDecision Full(string why) => new(SyncRunKind.Full, why);
        if (options.Full) return Full("-Full was given.");
        if (options.StatePath is null) return Full("no -StatePath: without a state file every run reads everything.");
        if (state?.FormatRead is null) return Full("the state file does not exist yet.");
        if (state.Delta is not { } delta)
            return Full($"the state file (format {state.FormatRead}) holds no record of an earlier run to compare with.");
        if (!string.Equals(delta.Client, client, StringComparison.Ordinal))
            return Full($"the state file was written by API client '{delta.Client ?? "(a pre-issued token)"}', not '{client ?? "(a pre-issued token)"}': another client may see other users.");
        if (!string.Equals(delta.Rules, rules, StringComparison.Ordinal))
            return Full("the sync's options or the source's columns changed since the last run, so every row is judged afresh.");
        if (now < delta.SiteReadAt)
            return Full($"this machine's clock ({now:u}) is behind the last read recorded ({delta.SiteReadAt:u}).");
        if (now - delta.LastFullRun > options.FullAfter)
            return Full($"the last full run was at {delta.LastFullRun:u}, more than -FullAfter ({Describe(options.FullAfter)}) ago.");
        return new SyncRunDecision(SyncRunKind.Delta,
            $"last full run {delta.LastFullRun:u}; reading users modified since {delta.SiteReadAt - DeltaReader.Margin:u} and the rows that changed.");
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 24 && span.TotalDays == Math.Floor(span.TotalDays)
            ? span.TotalDays.ToString("0", CultureInfo.InvariantCulture) + " days"
            : span.ToString();
}
