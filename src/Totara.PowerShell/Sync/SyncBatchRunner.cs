using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Totara.PowerShell.Cmdlets;
using Totara.Sync;

namespace Totara.PowerShell;

/// <summary>
/// Applies a plan batch by batch from the pipeline thread, writing each batch's changes as it
/// completes. Ctrl+C lets the batch in flight finish (up to a grace period), then the rest are
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
    public bool Run(TotaraSession session)
    {
        var applier = _engine.CreateApplier(_plan);
        var batches = _engine.Batches(_plan);
        var done = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            if (_cmdlet.StopToken.IsCancellationRequested)
            {
                applier.Skip(batches.GetRange(i, batches.Count - i));
                return true;
            }

            var batch = batches[i];
            using (var grace = new CancellationTokenSource())
            using (_cmdlet.StopToken.Register(() => grace.CancelAfter(InvokeTotaraSyncCommand.Grace)))
            {
                try
                {
                    _cmdlet.RunBatch(session, _ => applier.ApplyBatchAsync(batch, grace.Token));
                }
                catch (PipelineStoppedException) when (grace.IsCancellationRequested)
                {
                    applier.Skip(batches.GetRange(i + 1, batches.Count - i - 1));
                    _cmdlet.WarnEvenIfStopping($"Invoke-TotaraSync stopped: the batch in flight ({batch.Count} change(s), {batch[0].Action}) did not finish within " +
                                          $"{InvokeTotaraSyncCommand.Grace.TotalSeconds:0} s of the stop; whether those were applied is unknown. Run the sync again to settle them.");
                    throw;
                }
            }

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
                // way this batch was applied unseen, and the stop report must say so.
                Unwritten = batch;
                applier.Skip(batches.GetRange(i + 1, batches.Count - i - 1));
                return true;
            }
        }
        return false;
    }
}
