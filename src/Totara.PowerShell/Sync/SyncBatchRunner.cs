using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Batching;
using Totara.Sync;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Sync;

/// <summary>
/// Applies a plan batch by batch from the pipeline thread (independent user batches several at
/// a time), writing each batch's changes as it completes. Ctrl+C lets the batch in flight finish (up to a grace period), then the rest are
/// skipped and the command says what was done.
/// </summary>
internal sealed class SyncBatchRunner
{
    private readonly InvokeTotaraSyncCommand _cmdlet;
    private readonly SyncEngine _engine;
    private readonly SyncPlan _plan;
    private readonly SyncProgressWriter _progress;

    public SyncBatchRunner(InvokeTotaraSyncCommand cmdlet, SyncEngine engine, SyncPlan plan, SyncProgressWriter progress)
    {
        _cmdlet = cmdlet;
        _engine = engine;
        _plan = plan;
        _progress = progress;
    }

    /// <summary>
    /// After a stop: the batch that finished but whose changes never reached the pipeline (the stop came
    /// before or while they were written); null when every finished batch was written.
    /// </summary>
    public IReadOnlyList<SyncChange>? Unwritten { get; private set; }

    /// <summary>Applies the plan; true when a stop request cut it short.</summary>
    /// <remarks>
    /// Consecutive batches that may overlap (<see cref="SyncApplier.CanOverlap"/>) go together, as
    /// many as <see cref="InFlightLimit"/> allows: a real site spends tens of milliseconds on each
    /// record, so one batch after another would leave the site's time serial and the budget unspent.
    /// The client's pacer holds them all to the budget. Their changes are written in plan order.
    /// </remarks>
    public bool Run(TotaraSession session)
    {
        var applier = _engine.CreateApplier(_plan);
        var batches = _engine.Batches(_plan);
        var done = 0;
        var i = 0;
        while (i < batches.Count)
        {
            if (_cmdlet.StopToken.IsCancellationRequested)
            {
                applier.Skip(batches.GetRange(i, batches.Count - i));
                return true;
            }

            var group = Group(batches, i);
            var started = Stopwatch.StartNew();
            using (var grace = new CancellationTokenSource())
            using (_cmdlet.StopToken.Register(() => grace.CancelAfter(InvokeTotaraSyncCommand.Grace)))
            {
                try
                {
                    _cmdlet.RunBatch(session, _ => Task.WhenAll(group.Select(batch => applier.ApplyBatchAsync(batch, grace.Token))));
                }
                catch (PipelineStoppedException) when (grace.IsCancellationRequested)
                {
                    applier.Skip(batches.GetRange(i + group.Count, batches.Count - i - group.Count));
                    var changes = group.Sum(b => b.Count);
                    _cmdlet.WarnEvenIfStopping($"Invoke-TotaraSync stopped: the batch(es) in flight ({changes} change(s), {group[0][0].Action}) did not finish within " +
                                          $"{InvokeTotaraSyncCommand.Grace.TotalSeconds:0} s of the stop; whether those were applied is unknown. Run the sync again to settle them.");
                    throw;
                }
            }
            _inFlight.Observe(started.Elapsed);

            for (var k = 0; k < group.Count; k++)
            {
                var batch = group[k];
                done += batch.Count;
                try
                {
                    if (_cmdlet.StopToken.IsCancellationRequested) throw new PipelineStoppedException();
                    _cmdlet.WriteBatch(batch, session);
                    _progress.Show(new SyncProgress(SyncPhase.Apply, $"Applied {done} of {_plan.Changes.Count} change(s) ({batch[0].Action})", done, _plan.Changes.Count));
                }
                catch (PipelineStoppedException) when (_cmdlet.StopToken.IsCancellationRequested)
                {
                    // The stop may land between the check and the writes, which PowerShell then refuses: either
                    // way these batches were applied unseen, and the stop report must say so.
                    Unwritten = group.Skip(k).SelectMany(b => b).ToList();
                    applier.Skip(batches.GetRange(i + group.Count, batches.Count - i - group.Count));
                    return true;
                }
            }
            i += group.Count;
        }
        return false;
    }

    // Grows with the site's time per batch, as the batching cmdlets do.
    private readonly InFlightLimit _inFlight = new();

    // The batch at start and the ones after it that may be in flight with it: same action, at most the limit.
    private List<List<SyncChange>> Group(List<List<SyncChange>> batches, int start)
    {
        var group = new List<List<SyncChange>> { batches[start] };
        if (!SyncApplier.CanOverlap(batches[start])) return group;
        for (var j = start + 1; j < batches.Count && group.Count < _inFlight.Current; j++)
        {
            if (!SyncApplier.CanOverlap(batches[j]) || batches[j][0].Action != batches[start][0].Action) break;
            group.Add(batches[j]);
        }
        return group;
    }
}
