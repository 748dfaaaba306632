using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Infrastructure;

/// <summary>One batch sent and not yet written: its records, in input order, and its answer to come.</summary>
internal sealed class BatchInFlight<TRecord>
{
    private readonly System.Diagnostics.Stopwatch _sinceSent = System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan _roundTrip;

    public BatchInFlight(TotaraSession session, TRecord[] records, Task answer)
    {
        Session = session;
        Records = records;
        Answer = answer;
        answer.ContinueWith(_ => _roundTrip = _sinceSent.Elapsed, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>From sending to the answer (pacing waits included); read once the answer is in.</summary>
    public TimeSpan RoundTrip => _roundTrip;

    public TotaraSession Session { get; }

    public TRecord[] Records { get; }

    public Task Answer { get; }
}

/// <summary>
/// The batches a <see cref="BatchingCmdlet{TRecord}"/> has sent and not yet written,
/// oldest first, and the bookkeeping of a stop: the work's own pump (so retry notices of any
/// batch reach the pipeline thread), the grace a stop gives the batches in flight, whether the
/// pipeline thread is inside the command, and who says what was done.
/// </summary>
/// <remarks>Only the pipeline thread adds and takes batches; StopProcessing (another thread) reads a snapshot.</remarks>
internal sealed class BatchesInFlight<TRecord> : IDisposable where TRecord : BatchRecord
{
    private readonly object _gate = new();
    private readonly Queue<BatchInFlight<TRecord>> _queue = new();
    private readonly CancellationTokenSource _grace = new();
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenRegistration _onStop;
    private PipelinePump? _pump;
    private TotaraClient? _client;
    private EventHandler<TotaraRetryEventArgs>? _relay;
    private bool _inside;
    private bool _stopReported;

    /// <param name="grace">How long the batches in flight may still take after <paramref name="stopping"/> is cancelled, before they are abandoned (the batching base gives 30 seconds).</param>
    /// <param name="stopping">Cancelled by Ctrl+C; the batches in flight then get <paramref name="grace"/> to finish.</param>
    public BatchesInFlight(TimeSpan grace, CancellationToken stopping)
    {
        _stopping = stopping;
        _onStop = stopping.Register(() =>
        {
            try
            {
                _grace.CancelAfter(grace);
            }
            catch (ObjectDisposedException)
            {
                // The command already ended.
            }
        });
    }

    public int Count
    {
        get
        {
            lock (_gate) return _queue.Count;
        }
    }

    /// <summary>True once a stop's grace period ran out: batches still in flight were abandoned.</summary>
    public bool GraceExpired => _grace.IsCancellationRequested;

    /// <summary>Starts sending a batch; its retry notices go through <paramref name="relay"/> on the pipeline thread.</summary>
    public void Start(TotaraSession session, TRecord[] records, Action<PipelinePump, TotaraRetryEventArgs> relay,
        Func<CancellationToken, Task> send)
    {
        if (_pump is null)
        {
            var pump = new PipelinePump(_stopping);
            _client = session.Client;
            _relay = (_, e) => relay(pump, e);
            _client.Retrying += _relay;
            _pump = pump;
        }

        Task answer = _pump.Start(async _ =>
        {
            await send(_grace.Token).ConfigureAwait(false);
            return true;
        });
        lock (_gate) _queue.Enqueue(new BatchInFlight<TRecord>(session, records, answer));
    }

    public BatchInFlight<TRecord>? TryTakeOldest()
    {
        lock (_gate) return _queue.Count > 0 ? _queue.Dequeue() : null;
    }

    /// <summary>The oldest batch if its answer is already here (never a younger one: results stay in input order).</summary>
    public BatchInFlight<TRecord>? TryTakeOldestAnswered()
    {
        lock (_gate) return _queue.Count > 0 && _queue.Peek().Answer.IsCompleted ? _queue.Dequeue() : null;
    }

    /// <summary>Delivers the notices the batches posted so far (pipeline thread).</summary>
    public void RunPending() => _pump?.RunPending();

    /// <summary>Waits on the pipeline thread until a batch's records are settled, delivering notices meanwhile; rethrows its failure.</summary>
    public void Wait(BatchInFlight<TRecord> flight)
    {
        _pump?.RunUntil(flight.Answer);
        flight.Answer.GetAwaiter().GetResult();
    }

    /// <summary>From StopProcessing: waits (up to <paramref name="limit"/>) until every batch in flight has its answer.</summary>
    public void WaitForAll(TimeSpan limit)
    {
        Task[] answers;
        lock (_gate) answers = _queue.Select(f => (Task)f.Answer).ToArray();
        try
        {
            Task.WaitAll(answers, limit);
        }
        catch (AggregateException)
        {
            // Failed batches are counted as failed; the stop goes on.
        }
    }

    /// <summary>Counts the answered batches not yet written: records sent, succeeded, failed.</summary>
    public (int Sent, int Succeeded, int Failed) CountAnswered()
    {
        BatchInFlight<TRecord>[] flights;
        lock (_gate) flights = _queue.ToArray();
        int sent = 0, ok = 0, failed = 0;
        foreach (var flight in flights.Where(f => f.Answer.IsCompleted))
        {
            if (flight.Answer.Status != TaskStatus.RanToCompletion)
            {
                failed += flight.Records.Length;
                continue;
            }
            sent += flight.Records.Length;
            foreach (var record in flight.Records)
                if (record.Succeeded) ok++; else failed++;
        }
        return (sent, ok, failed);
    }

    /// <summary>The pipeline thread enters the command.</summary>
    public void Enter()
    {
        lock (_gate) _inside = true;
    }

    /// <summary>The pipeline thread leaves the command: true when it must report a stop (it saw it first).</summary>
    public bool LeaveAndClaimStopReport(bool stopping)
    {
        lock (_gate)
        {
            _inside = false;
            return stopping && Claim();
        }
    }

    /// <summary>True for the one caller that says what was done after a stop.</summary>
    public bool ClaimStopReport()
    {
        lock (_gate) return Claim();
    }

    /// <summary>
    /// From StopProcessing: true when the pipeline thread is outside the command (upstream) and
    /// will never come back to it, so the stopping thread must say what was done.
    /// </summary>
    public bool ClaimStopReportIfOutside()
    {
        lock (_gate) return !_inside && Claim();
    }

    private bool Claim()
    {
        if (_stopReported) return false;
        _stopReported = true;
        return true;
    }

    public void Dispose()
    {
        _onStop.Dispose();
        if (_client is not null && _relay is not null) _client.Retrying -= _relay;
    }
}
