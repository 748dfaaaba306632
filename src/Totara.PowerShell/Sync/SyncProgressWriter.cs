using System;
using System.Diagnostics;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>
/// Shows the sync's phases as one progress bar: called on the pipeline thread or from the
/// engine's thread (then handed to the pipeline thread); at most every 250 ms within a phase.
/// </summary>
internal sealed class SyncProgressWriter
{
    private const int ActivityId = 8108;
    private const string Activity = "Invoke-TotaraSync";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Cmdlet _cmdlet;
    private readonly Stopwatch _since = new();
    private SyncPhase? _phase;
    private bool _shown;

    public SyncProgressWriter(Cmdlet cmdlet) => _cmdlet = cmdlet;

    public void Show(SyncProgress progress)
    {
        if (progress.Phase == _phase && _since.Elapsed < Interval && progress.Done < progress.Total) return;
        _phase = progress.Phase;
        _since.Restart();
        var record = new ProgressRecord(ActivityId, Activity, progress.Status)
        {
            CurrentOperation = progress.Phase.ToString(),
            PercentComplete = progress.Percent,
        };
        if (PipelinePump.Current is { } pump)
        {
            try
            {
                pump.Post(() => Write(record));
            }
            catch (OperationCanceledException)
            {
                // Stopping: progress no longer matters.
            }
        }
        else
        {
            Write(record);
        }
    }

    public void Phase(SyncPhase phase, string status) => Show(new SyncProgress(phase, status, 0, 0));

    public void Done()
    {
        if (_shown) Write(new ProgressRecord(ActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
    }

    private void Write(ProgressRecord record)
    {
        _shown = true;
        _cmdlet.WriteProgress(record);
    }
}
