using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// Base of every Totara cmdlet: owns the cancellation that Ctrl+C (StopProcessing) triggers and
/// runs the client's async calls on the pipeline thread, relaying the client's retry notices
/// (raised on other threads) as verbose or warning messages.
/// </summary>
public abstract class TotaraCmdlet : PSCmdlet, IDisposable
{
    /// <summary>Retries waiting at least this long are worth a warning, not just a verbose line.</summary>
    private static readonly TimeSpan WarnAfterDelay = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource stopping = new();

    /// <summary>Cancelled when the pipeline is stopped (Ctrl+C, Stop-Job, a timeout of the host).</summary>
    protected CancellationToken CancellationToken => stopping.Token;

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        try
        {
            stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command already ended.
        }
    }

    /// <summary>Runs <paramref name="work"/> to completion; Write* calls inside it must go through <see cref="Post"/>.</summary>
    private protected T Run<T>(TotaraClient client, Func<CancellationToken, Task<T>> work)
    {
        var pump = new PipelinePump(CancellationToken);
        EventHandler<TotaraRetryEventArgs> onRetry = (_, e) => RelayRetry(pump, e);
        client.Retrying += onRetry;
        try
        {
            return pump.Run(work);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            client.Retrying -= onRetry;
        }
    }

    /// <summary>Runs <paramref name="work"/> to completion.</summary>
    private protected void Run(TotaraClient client, Func<CancellationToken, Task> work) =>
        Run(client, async ct => { await work(ct).ConfigureAwait(false); return true; });

    /// <summary>Writes every item of <paramref name="items"/> to the pipeline as it arrives.</summary>
    private protected void WriteStream<T>(TotaraClient client, Func<CancellationToken, IAsyncEnumerable<T>> items, Func<T, object?> convert)
    {
        Run(client, async ct =>
        {
            var pump = PipelinePump.Current!;
            var enumerator = items(ct).GetAsyncEnumerator(ct);
            try
            {
                while (await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    var item = enumerator.Current;
                    pump.Post(() => WriteObject(convert(item)));
                }
            }
            finally
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        });
    }

    /// <summary>
    /// As <see cref="WriteStream{T}"/>, for a read that stands alone: a failed request becomes a
    /// non-terminating error about <paramref name="target"/> and the command goes on. The number
    /// of items written; null when the request failed.
    /// </summary>
    private protected int? WriteStreamOrError<T>(TotaraClient client, Func<CancellationToken, IAsyncEnumerable<T>> items, Func<T, object?> convert, object? target)
    {
        var written = 0;
        try
        {
            WriteStream(client, items, item =>
            {
                written++;
                return convert(item);
            });
            return written;
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            WriteRequestError(ex, target);
            return null;
        }
    }

    /// <summary>
    /// Whether this invocation only shows what it would do: -WhatIf given, or $WhatIfPreference on.
    /// For work before ShouldProcess is asked (a look-up that -WhatIf must not need).
    /// </summary>
    private protected bool IsWhatIf =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
            ? LanguagePrimitives.IsTrue(given)
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference", false));

    /// <summary>The -Session given or the runspace default; stops the command when there is none or it is closed.</summary>
    private protected TotaraSession ResolveSession(TotaraSession? given)
    {
        var session = given ?? SessionStore.GetDefault();
        if (session is null) ThrowTerminatingError(TotaraErrors.NotConnected());
        if (!session!.IsConnected) ThrowTerminatingError(TotaraErrors.SessionClosed(session));
        return session;
    }

    /// <summary>Hands an action to the pipeline thread from inside work started by Run.</summary>
    private protected static void Post(Action action) => PipelinePump.Current?.Post(action);

    /// <summary>Writes a non-terminating error for a failed request.</summary>
    private protected void WriteRequestError(Exception exception, object? target) =>
        WriteError(TotaraErrors.FromException(exception, target));

    /// <summary>Stops the command with an error for a failed request.</summary>
    private protected void ThrowRequestError(Exception exception, object? target) =>
        ThrowTerminatingError(TotaraErrors.FromException(exception, target));

    /// <summary>True for exceptions a request can fail with (not programming errors).</summary>
    private protected static bool IsRequestFailure(Exception exception) =>
        exception is TotaraException or System.Net.Http.HttpRequestException or TimeoutException
        || (exception is OperationCanceledException && exception is not PipelineStoppedException);

    /// <inheritdoc />
    public void Dispose()
    {
        stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Relays a retry notice of work started on <paramref name="pump"/> as a verbose line or warning.</summary>
    private protected void RelayRetry(PipelinePump pump, TotaraRetryEventArgs e)
    {
        // The client is shared (e.g. ForEach-Object -Parallel with $using:session): relay only
        // the retries of requests this command made.
        if (!ReferenceEquals(PipelinePump.Current, pump)) return;
        var what = string.IsNullOrEmpty(e.OperationName) ? "Request" : $"Request '{e.OperationName}'";
        var message = $"{what} failed ({e.Reason}); retry {e.Attempt} in {e.Delay.TotalSeconds:0.#} s.";
        pump.Post(e.Delay >= WarnAfterDelay ? () => WriteWarning(message) : () => WriteVerbose(message));
    }
}
