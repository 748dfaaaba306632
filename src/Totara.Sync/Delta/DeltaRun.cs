using System;
using System.Collections.Generic;
using System.Linq;

namespace Totara.Sync;

/// <summary>One run's delta bookkeeping: the decision (full or delta) and what is needed to record the run when it ends.</summary>
internal sealed class DeltaRun
{
    /// <summary>Above this share of changed rows, reading by id costs more than reading everything.</summary>
    private const double FullReadShare = 0.3;

    private readonly IReadOnlyList<SourceUser> _rows;
    private readonly SourceValidation _validation;
    private readonly DeltaState? _previous;
    private readonly string? _client;
    private readonly string _rules;

    private DeltaRun(IReadOnlyList<SourceUser> rows, SourceValidation validation, DeltaState? previous, string? client, string rules, SyncRunDecision decision, DeltaRead read)
    {
        _rows = rows;
        _validation = validation;
        _previous = previous;
        _client = client;
        _rules = rules;
        Decision = decision;
        Read = read;
    }

    public SyncRunDecision Decision { get; }

    public DeltaRead Read { get; }

    public static DeltaRun Begin(SyncOptions options, SyncState? state, string? client, IReadOnlyList<SourceUser> rows, SourceValidation validation, DateTimeOffset now)
    {
        var rules = options.StatePath is null ? "" : RowFingerprint.RulesOf(options, validation);
        var fingerprints = new Dictionary<SourceUser, string>(options.StatePath is null ? 0 : validation.Valid.Count);
        if (options.StatePath is not null)
            foreach (var row in validation.Valid) fingerprints[row] = RowFingerprint.Of(row);
        var decision = RunKindDecider.Decide(options, state, client, rules, now);
        var known = new Dictionary<long, KnownUser>();
        if (decision.Kind == SyncRunKind.Delta)
        {
            var delta = state!.Delta!;
            var changed = validation.Valid.Count(r => !delta.Rows.TryGetValue(r.KeyFor(options.MatchField)!, out var fp) || fp != fingerprints[r]);
            if (changed >= 100 && changed > validation.Valid.Count * FullReadShare)
                decision = new SyncRunDecision(SyncRunKind.Full, $"{changed} of {validation.Valid.Count} rows changed since the last run: reading everything costs less than reading them one by one.");
            else
                foreach (var pair in delta.Users) known[pair.Key] = pair.Value;
        }
        return new DeltaRun(rows, validation, state?.Delta, client, rules, decision, new DeltaRead(now, known, fingerprints));
    }

    public DeltaState Record(SyncPlan plan) => DeltaRecorder.Record(plan, _rows, _validation, Read, Decision, _previous, _client, _rules);
}
