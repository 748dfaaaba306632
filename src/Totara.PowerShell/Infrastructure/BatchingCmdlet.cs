using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.Batching;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// Base of cmdlets that take many records through the pipeline and send them in batched
/// requests: buffers records, refuses a record that repeats a key of an earlier one, honours
/// -WhatIf/-Confirm per record (nothing refused or declined is sent), sends a batch when the
/// buffer holds one request's worth, and writes each batch's results in input order.
/// </summary>
/// <remarks>
/// Batches are pipelined: two or more are in flight while the next is read from the pipeline, so
/// PowerShell's own work (building and binding records, writing results) overlaps the site's,
/// and a slow site's server time overlaps itself (<see cref="InFlightLimit"/>).
/// Ctrl+C lets the batches in flight finish (so no record is left half-known), sends nothing
/// more, then stops and says what was done. Progress is written at most every 250 ms, per batch.
/// </remarks>
public abstract class BatchingCmdlet<TRecord, TResult> : TotaraSessionCmdlet where TRecord : BatchRecord
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>After Ctrl+C, how long the batch in flight may take to finish before it is abandoned.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Batches sent and not yet written, at most: the next batches are read and sent while those
    /// before travel, and results are still written batch by batch in input order.
    /// </summary>
    private readonly InFlightLimit _maxInFlight = new();

    private readonly List<TRecord> _buffer = new();
    private readonly Dictionary<string, TRecord> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Stopwatch _sinceProgress = new();
    private readonly BatchesInFlight<TRecord, TResult> _inFlight;
    private TotaraSession? _session;
    private int _received;
    private int _sent;
    private int _succeeded;
    private int _failed;
    private int _refused;
    private bool _progressShown;

    /// <summary>The progress activity, e.g. "Creating Totara users".</summary>
    protected abstract string Activity { get; }

    /// <summary>The ShouldProcess action, e.g. "Create user".</summary>
    protected abstract string Action { get; }

    /// <summary>Reads the current input into records (usually one); writes its own errors for input it refuses.</summary>
    protected abstract IEnumerable<TRecord> ReadRecords(TotaraSession session);

    /// <summary>How many records make one batch.</summary>
    protected abstract int BatchSize(TotaraSession session);

    /// <summary>Sends one batch; returns one result per record, in the batch's order.</summary>
    protected abstract Task<IReadOnlyList<TResult>> SendAsync(TotaraSession session, IReadOnlyList<TRecord> batch, CancellationToken ct);

    /// <summary>Writes one record's result (output or error); returns true when the record succeeded.</summary>
    protected abstract bool WriteResult(TRecord record, TResult result);

    /// <summary>Whether a result is a success (counted for the stop message without writing it).</summary>
    protected abstract bool Succeeded(TResult result);

    /// <summary>The keys that must be unique within the input (name, value), e.g. ("username", "jsmith").</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> UniqueKeys(TRecord record) => Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Sets up the batches-in-flight bookkeeping.</summary>
    protected BatchingCmdlet()
    {
        _inFlight = new BatchesInFlight<TRecord, TResult>(StopGrace, CancellationToken);
    }

    /// <summary>The session the records go to (set with the first record).</summary>
    protected TotaraSession? ActiveSession => _session;

    /// <summary>The next record's 1-based number.</summary>
    protected int NextRecordNumber() => ++_received;

    /// <summary>Writes an error for a record refused before sending.</summary>
    protected void Refuse(TotaraRecordException problem, object target, string errorId, ErrorCategory category)
    {
        _refused++;
        WriteError(TotaraErrors.Create(problem, errorId, category, target));
    }

    /// <inheritdoc />
    protected sealed override void ProcessRecord(TotaraSession session)
    {
        _session ??= session;
        Guarded(() =>
        {
            WriteAnswered();
            foreach (var record in ReadRecords(session))
            {
                if (RefuseDuplicate(record)) continue;
                if (!ShouldProcess(record.Label, Action)) continue;
                _buffer.Add(record);
                if (_buffer.Count >= Math.Max(1, BatchSize(session))) Dispatch(session);
            }
        });
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        try
        {
            Guarded(() =>
            {
                if (_session is not null) Dispatch(_session);
                while (_inFlight.TryTakeOldest() is { } oldest) Complete(oldest);
            });
        }
        finally
        {
            _inFlight.Dispose();
        }

        if (_progressShown)
            WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        WriteVerbose($"{Activity}: {_received} record(s) read, {_sent} sent, {_succeeded} succeeded, {_failed} failed, {_refused} refused before sending.");
    }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        base.StopProcessing();
        // The pipeline thread may be upstream and never come back to this command: the batches
        // in flight still finish before the stop completes, and the person is told what was done.
        _inFlight.WaitForAll(StopGrace);
        if (_inFlight.ClaimStopReportIfOutside())
        {
            var (sent, succeeded, failed) = _inFlight.CountAnswered(Succeeded);
            Host?.UI?.WriteWarningLine(StopMessage(_sent + sent, _succeeded + succeeded, _failed + failed, null));
            _inFlight.Dispose();   // the pipeline thread will not come back to end the command
        }
    }

    private int ProgressId => Math.Abs(Activity.GetHashCode() % 10000) + 1;

    /// <summary>Runs a pipeline-thread step; a stop noticed on the way out is reported here, on this thread.</summary>
    private void Guarded(Action step)
    {
        _inFlight.Enter();
        try
        {
            step();
        }
        catch (PipelineStoppedException) when (!CancellationToken.IsCancellationRequested)
        {
            // Downstream wants no more (e.g. Select-Object -First): the batches already sent are
            // applied whole; let them finish before the command ends, so nothing runs on unseen.
            _inFlight.WaitForAll(StopGrace);
            throw;
        }
        finally
        {
            if (_inFlight.LeaveAndClaimStopReport(CancellationToken.IsCancellationRequested))
                StopAfterBatches(null, claimed: true);
        }
    }

    private bool RefuseDuplicate(TRecord record)
    {
        foreach (var key in UniqueKeys(record))
        {
            if (string.IsNullOrWhiteSpace(key.Value)) continue;
            var composite = key.Key + "\u0000" + key.Value.Trim();
            if (_keys.TryGetValue(composite, out var first))
            {
                Refuse(new TotaraRecordException(record,
                        $"{key.Key} '{key.Value}' was already given by record {first.Number} ({first.Label}); only the first is sent.",
                        UserProperties.PropertyOf(key.Key)),
                    record.Target, RecordErrorIds.DuplicateInput, ErrorCategory.InvalidData);
                return true;
            }
        }
        foreach (var key in UniqueKeys(record))
            if (!string.IsNullOrWhiteSpace(key.Value)) _keys[key.Key + "\u0000" + key.Value.Trim()] = record;
        return false;
    }

    /// <summary>
    /// Sends the buffered records as one batch without waiting for its answer, so the next batch
    /// is read while this one travels; first makes room by writing the oldest batch in flight.
    /// </summary>
    private void Dispatch(TotaraSession session)
    {
        if (_buffer.Count == 0) return;
        while (_inFlight.Count >= _maxInFlight.Current && _inFlight.TryTakeOldest() is { } oldest) Complete(oldest);
        if (CancellationToken.IsCancellationRequested) return;   // nothing more is sent after a stop

        var batch = _buffer.ToArray();
        _buffer.Clear();
        _inFlight.Start(session, batch, RelayRetry, token => SendAsync(session, batch, token));
    }

    /// <summary>Writes the results of batches already answered, oldest first, without waiting.</summary>
    private void WriteAnswered()
    {
        _inFlight.RunPending();
        while (_inFlight.TryTakeOldestAnswered() is { } answered) Complete(answered);
    }

    /// <summary>Waits for a batch in flight and writes its results in input order.</summary>
    private void Complete(BatchInFlight<TRecord, TResult> flight)
    {
        var results = Await(flight);
        if (results is null) return;
        _sent += flight.Records.Length;
        _maxInFlight.Observe(flight.RoundTrip);

        if (CancellationToken.IsCancellationRequested)
        {
            Count(results);
            StopAfterBatches(null);
        }

        for (var i = 0; i < flight.Records.Length; i++)
        {
            if (WriteResult(flight.Records[i], results[i])) _succeeded++;
            else _failed++;
        }
        ShowProgress();
    }

    /// <summary>A batch's results (letting it finish after Ctrl+C, up to a grace period); null when it failed as a whole.</summary>
    private IReadOnlyList<TResult>? Await(BatchInFlight<TRecord, TResult> flight)
    {
        var batch = flight.Records;
        try
        {
            var results = _inFlight.Wait(flight);
            if (results.Count != batch.Length)
                throw new InvalidOperationException($"{results.Count} results came back for a batch of {batch.Length}; this is a bug.");
            return results;
        }
        catch (OperationCanceledException) when (_inFlight.GraceExpired)
        {
            StopAfterBatches($"The batch in flight ({batch.Length} record(s), from record {batch[0].Number}) did not finish within " +
                             $"{StopGrace.TotalSeconds:0} s of the stop; whether those records were applied is unknown.");
            throw;
        }
        catch (Exception ex) when (IsRequestFailure(ex) && ex is not TotaraAuthenticationException)
        {
            // The batch failed as a whole (after the client's retries): each of its records gets the error; later batches go on.
            foreach (var record in batch)
            {
                _failed++;
                var error = TotaraErrors.FromException(ex, record.Target);
                WriteError(new ErrorRecord(new TotaraRecordException(record, ex.Message, null, (ex as TotaraException)?.Category, ex),
                    error.FullyQualifiedErrorId.Split(',')[0], error.CategoryInfo.Category, record.Target));
            }
            return null;
        }
        catch (TotaraAuthenticationException ex)
        {
            ThrowRequestError(ex, flight.Session);
            return null;
        }
    }

    private void Count(IReadOnlyList<TResult> results)
    {
        foreach (var result in results)
            if (Succeeded(result)) _succeeded++; else _failed++;
    }

    /// <summary>
    /// After a stop: lets every batch in flight finish (each is applied whole or not at all, and
    /// counted), says what was done (the pipeline may already refuse output), then stops the command.
    /// </summary>
    private void StopAfterBatches(string? problem, bool claimed = false)
    {
        while (problem is null && _inFlight.TryTakeOldest() is { } flight)
        {
            try
            {
                var results = _inFlight.Wait(flight);
                _sent += flight.Records.Length;
                Count(results);
            }
            catch (OperationCanceledException) when (_inFlight.GraceExpired)
            {
                problem = $"A batch in flight ({flight.Records.Length} record(s), from record {flight.Records[0].Number}) did not finish within " +
                          $"{StopGrace.TotalSeconds:0} s of the stop; whether those records were applied is unknown.";
            }
            catch (Exception ex) when (IsRequestFailure(ex))
            {
                _failed += flight.Records.Length;
            }
        }

        if (claimed || _inFlight.ClaimStopReport())
        {
            var message = StopMessage(_sent, _succeeded, _failed, problem);
            try
            {
                WriteWarning(message);
            }
            catch (PipelineStoppedException)
            {
                // The pipeline is stopping and takes no more records: tell the person at the console directly.
                Host?.UI?.WriteWarningLine(message);
            }
        }
        _inFlight.Dispose();
        throw new PipelineStoppedException();
    }

    private string StopMessage(int sent, int succeeded, int failed, string? problem) =>
        $"{Activity} stopped: {_received} record(s) read, {sent} sent ({succeeded} succeeded, {failed} failed), " +
        $"{_received - sent - _refused} not sent. " + (problem ?? "Every record sent has its final state.");

    private void ShowProgress()
    {
        if (_progressShown && _sinceProgress.Elapsed < ProgressInterval) return;
        _progressShown = true;
        _sinceProgress.Restart();
        WriteProgress(new ProgressRecord(ProgressId, Activity,
            $"{_sent} record(s) sent: {_succeeded} succeeded, {_failed} failed, {_refused} refused before sending"));
    }
}
