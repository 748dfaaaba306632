using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Totara.PowerShell.Infrastructure;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>
/// Writes the engine's applied batches to the pipeline, in plan order: each change (unless -Summary)
/// and an error for each failed one. The engine hands batches over on its own thread; they are
/// written on the pipeline thread through the pump. What could not be written (the stop came first,
/// or the pipeline refused it) stays <see cref="Unwritten"/>, so the stop report can say so.
/// </summary>
internal sealed class SyncChangeWriter : IDisposable
{
    private readonly Cmdlet _cmdlet;
    private readonly Uri _site;
    private readonly bool _summaryOnly;
    private readonly CancellationToken _stopping;
    private readonly ConcurrentQueue<IReadOnlyList<SyncChange>> _pending = new();
    private readonly CancellationTokenSource _refused = new();
    private ExceptionDispatchInfo? _refusal;

    public SyncChangeWriter(Cmdlet cmdlet, Uri site, bool summaryOnly, CancellationToken stopping)
    {
        _cmdlet = cmdlet;
        _site = site;
        _summaryOnly = summaryOnly;
        _stopping = stopping;
    }

    /// <summary>Cancelled when the pipeline refused a write (a downstream Select-Object -First, -ErrorAction Stop): apply nothing more.</summary>
    public CancellationToken Refused => _refused.Token;

    /// <summary>The applied changes that never reached the pipeline, in plan order; null when every batch was written.</summary>
    public IReadOnlyList<SyncChange>? Unwritten => _pending.IsEmpty ? null : _pending.SelectMany(b => b).ToList();

    /// <summary>
    /// Takes an applied batch (on the engine's thread), has the pipeline thread write it, and waits
    /// until it has: a write the pipeline refuses (Select-Object -First) then stops the engine before
    /// its next batch, not some batches later. Ctrl+C ends the wait at once.
    /// </summary>
    public void Hand(IReadOnlyList<SyncChange> batch)
    {
        // Queued before it is posted: should the post be dropped (the pipeline is stopping), the batch is still counted as unwritten.
        _pending.Enqueue(batch);
        if (PipelinePump.Current is not { } pump) return;
        var written = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        pump.Post(() =>
        {
            try
            {
                WritePending();
            }
            finally
            {
                written.TrySetResult(true);
            }
        });
        try
        {
            written.Task.Wait(_stopping);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the pipeline thread may no longer pump; what was not written stays Unwritten.
        }
    }

    /// <summary>After the apply: a write the pipeline refused ends the command the way PowerShell asked.</summary>
    public void RethrowRefusal() => _refusal?.Throw();

    /// <inheritdoc />
    public void Dispose() => _refused.Dispose();

    // On the pipeline thread. A batch leaves the queue only once written whole.
    private void WritePending()
    {
        while (_refusal is null && !_stopping.IsCancellationRequested && _pending.TryPeek(out var batch))
        {
            try
            {
                foreach (var change in batch)
                {
                    if (change.Outcome == SyncOutcome.Failed) _cmdlet.WriteError(SyncRowErrors.Failed(change));
                    if (!_summaryOnly) _cmdlet.WriteObject(new TotaraSyncChange(change, _site));
                }
            }
            catch (RuntimeException ex)
            {
                // The pipeline stopped, or -ErrorAction Stop turned a failed change into the end of the command.
                // Not thrown on here: the pump would return while the engine runs on. The engine stops between batches instead.
                _refusal = ExceptionDispatchInfo.Capture(ex);
                _refused.Cancel();
                return;
            }
            _pending.TryDequeue(out _);
        }
    }
}
