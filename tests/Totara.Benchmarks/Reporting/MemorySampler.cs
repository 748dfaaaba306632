using System.Diagnostics;

namespace Totara.Benchmarks.Reporting;

/// <summary>
/// Samples the managed heap and the process working set every 20 ms while a measurement runs,
/// keeping the peaks (a before/after difference alone would miss what a run holds at once).
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler() => _loop = Task.Run(SampleAsync);

    public long PeakManagedBytes { get; private set; }
    public long PeakWorkingSetBytes { get; private set; }

    private async Task SampleAsync()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(false));
            process.Refresh();
            PeakWorkingSetBytes = Math.Max(PeakWorkingSetBytes, process.WorkingSet64);
            try { await Task.Delay(20, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait();
        _stop.Dispose();
    }
}
