using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// Runs async work while the pipeline thread waits, and lets other threads hand it actions
/// (write an object, a warning, a verbose line) that must run on the pipeline thread: PowerShell
/// allows Write* only from the thread that called ProcessRecord.
/// </summary>
/// <remarks>
/// The pump a piece of work belongs to flows with its ExecutionContext (<see cref="Current"/>),
/// so an event raised by a shared client — e.g. Retrying, while another runspace uses the same
/// session — reaches only the pump of the request that caused it.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "Work started by the pump may still post (and read its token) after the pipeline stopped; both are released with the cmdlet's own stop token.")]
internal sealed class PipelinePump
{
    // Bounded so a fast producer (paging) waits for the pipeline instead of buffering everything.
    private const int Capacity = 256;
    private static readonly TimeSpan WakeUpTimeout = TimeSpan.FromMilliseconds(200);
    private static readonly AsyncLocal<PipelinePump?> CurrentPump = new();
    private readonly BlockingCollection<Action> actions = new(Capacity);
    private readonly CancellationTokenSource cancellation;

    public PipelinePump(CancellationToken stopping)
    {
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>The pump of the work running on this ExecutionContext, if any.</summary>
    public static PipelinePump? Current => CurrentPump.Value;

    /// <summary>Queues an action for the pipeline thread; waits while the queue is full.</summary>
    public void Post(Action action)
    {
        try
        {
            actions.Add(action, cancellation.Token);
        }
        catch (InvalidOperationException)
        {
            // The pump already finished (the work ended or the pipeline stopped): nothing to deliver to.
        }
        catch (OperationCanceledException)
        {
            // The pipeline is stopping and no longer pumps: drop the notice rather than fail the work.
        }
    }

    /// <summary>
    /// Starts <paramref name="work"/> with this pump as <see cref="Current"/> and returns at once;
    /// the pipeline thread delivers its posted actions with <see cref="RunPending"/> and <see cref="RunUntil"/>.
    /// </summary>
    public Task<T> Start<T>(Func<CancellationToken, Task<T>> work) =>
        Task.Run(() =>
        {
            CurrentPump.Value = this;
            return work(cancellation.Token);
        });

    /// <summary>Runs the actions already posted, without waiting for more.</summary>
    public void RunPending()
    {
        while (actions.TryTake(out var action))
            Deliver(action);
    }

    /// <summary>Runs posted actions on the calling (pipeline) thread until <paramref name="task"/> ends.</summary>
    public void RunUntil(Task task)
    {
        // Wake the loop below when the task ends (a no-op action); posted actions run as they come.
        // The timeout only matters when a stopping pipeline dropped the wake-up.
        task.ContinueWith(_ => Post(() => { }), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        while (!task.IsCompleted)
        {
            if (actions.TryTake(out var action, WakeUpTimeout))
                Deliver(action);
        }
        RunPending();
    }

    private void Deliver(Action action)
    {
        try
        {
            action();
        }
        catch
        {
            cancellation.Cancel();
            throw;
        }
    }

    /// <summary>
    /// Starts <paramref name="work"/> with this pump as <see cref="Current"/>, runs posted actions
    /// on the calling (pipeline) thread until the work ends, then returns its result or rethrows.
    /// If an action throws (the pipeline was stopped downstream), the work is cancelled.
    /// </summary>
    public T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        // Task.Run gives the work its own ExecutionContext copy, so setting Current there does
        // not leak into the pipeline thread, and the work never blocks that thread.
        var task = Task.Run(() =>
        {
            CurrentPump.Value = this;
            return work(cancellation.Token);
        });
        task.ContinueWith(_ => actions.CompleteAdding(), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            foreach (var action in actions.GetConsumingEnumerable())
                action();
        }
        catch
        {
            cancellation.Cancel();
            throw;
        }

        return task.GetAwaiter().GetResult();
    }
}
