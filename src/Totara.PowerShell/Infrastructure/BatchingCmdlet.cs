using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Totara.Client;
using Totara.Client.Batching;
using Totara.PowerShell.Session;

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
public abstract class BatchingCmdlet<TRecord> : TotaraCmdlet where TRecord : BatchRecord
{
    /// <summary>
    /// The session to use (from <c>Connect-Totara -PassThru</c> or <c>Get-TotaraSession</c>).
    /// Defaults to the session Connect-Totara last made in this runspace.
    /// </summary>
    /// <remarks>Declared here as on <see cref="TotaraSessionCmdlet"/>: this base derives from TotaraCmdlet to keep area bases within four levels.</remarks>
    [Parameter]
    [ValidateNotNull]
    public TotaraSession? Session { get; set; }

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
    private readonly BatchesInFlight<TRecord> _inFlight;
    private readonly BatchTally _tally = new();
    private HashSet<string> _explicit = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The session the records go to (set with the first record).</summary>
    private TotaraSession? _session;
    private bool _progressShown;

    /// <summary>The progress activity, e.g. "Creating Totara users".</summary>
    protected abstract string Activity { get; }

    /// <summary>The ShouldProcess action, e.g. "Create user".</summary>
    protected abstract string Action { get; }

    /// <summary>Reads the current input into records (usually one); writes its own errors for input it refuses.</summary>
    protected abstract IEnumerable<TRecord> ReadRecords(TotaraSession session);

    /// <summary>How the area sends records and writes their results.</summary>
    private protected abstract RecordSender<TRecord> Sender { get; }

    /// <summary>Sets up the batches-in-flight bookkeeping.</summary>
    protected BatchingCmdlet()
    {
        _inFlight = new BatchesInFlight<TRecord>(StopGrace, CancellationToken);
    }

    /// <summary>The next record's 1-based number.</summary>
    protected int NextRecordNumber() => _tally.NextRecord();

    /// <summary>Writes an error for a record refused before sending.</summary>
    protected void Refuse(TotaraRecordException problem, object target, string errorId, ErrorCategory category)
    {
        _tally.CountRefused();
        WriteError(TotaraErrors.Create(problem, errorId, category, target));
    }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        // Only command-line parameters are bound yet: remember them to tell them from pipeline values.
        _explicit = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        base.BeginProcessing();
    }

    /// <summary>True when the parameter was on the command line (not bound from a piped object).</summary>
    private protected bool IsExplicit(string parameter) => _explicit.Contains(parameter);

    /// <summary>Refuses input that never became a record (it names nothing to send), with one error naming the field.</summary>
    private protected void RefuseInput(int number, object? input, string label, string problem, string? field, ErrorCategory category = ErrorCategory.InvalidData)
    {
        var refused = new RefusedInput(number, input, label);
        Refuse(new TotaraRecordException(refused, problem, field), refused.Target, ErrorIds.InvalidInput, category);
    }

    /// <summary>Refuses a record whose input has problems found before sending (one error naming them all); true when refused.</summary>
    private protected bool RefuseInvalid(TRecord record, IReadOnlyCollection<string> problems, string? field)
    {
        if (problems.Count == 0) return false;
        Refuse(new TotaraRecordException(record, string.Join(" ", problems), field), record.Target, ErrorIds.InvalidInput, ErrorCategory.InvalidData);
        return true;
    }

    /// <inheritdoc />
    protected sealed override void ProcessRecord()
    {
        var session = ResolveSession(Session);
        _session ??= session;
        Guarded(() =>
        {
            WriteAnswered();
            foreach (var record in ReadRecords(session))
            {
                if (RefuseDuplicate(session, record)) continue;
                if (!ShouldProcess(record.Label, Action)) continue;
                _buffer.Add(record);
                if (_buffer.Count >= Math.Max(1, Sender.BatchSize(session))) Dispatch(session);
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
        WriteVerbose(_tally.Summary(Activity));
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
            Host?.UI?.WriteWarningLine(_tally.StopMessage(Activity, null, _inFlight.CountAnswered()));
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

    private bool RefuseDuplicate(TotaraSession session, TRecord record)
    {
        var keys = Sender.UniqueKeys(session, record).Where(key => !string.IsNullOrWhiteSpace(key.Value)).ToList();
        foreach (var key in keys)
        {
            if (_keys.TryGetValue(Composite(key), out var first))
            {
                Refuse(new TotaraRecordException(record,
                        $"{key.Name} '{key.Value}' was already given by record {first.Number} ({first.Label}); only the first is sent.", key.Field),
                    record.Target, ErrorIds.DuplicateInput, ErrorCategory.InvalidData);
                return true;
            }
        }
        foreach (var key in keys) _keys[Composite(key)] = record;
        return false;
    }

    private static string Composite(UniqueKey key) => key.Name + "\u0000" + key.Value.Trim();

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
        _inFlight.Start(session, batch, RelayRetry, token => Sender.SendAsync(session, batch, token));
    }

    /// <summary>Writes the results of batches already answered, oldest first, without waiting.</summary>
    private void WriteAnswered()
    {
        _inFlight.RunPending();
        while (_inFlight.TryTakeOldestAnswered() is { } answered) Complete(answered);
    }

    /// <summary>Waits for a batch in flight and writes its results in input order.</summary>
    private void Complete(BatchInFlight<TRecord> flight)
    {
        if (!Await(flight)) return;
        _tally.CountSent(flight.Records.Length);
        _maxInFlight.Observe(flight.RoundTrip);

        if (CancellationToken.IsCancellationRequested)
        {
            _tally.CountSettled(flight.Records);
            StopAfterBatches(null);
        }

        foreach (var record in flight.Records)
        {
            Sender.Write(this, flight.Session, record);
            _tally.CountSettled(record);   // one by one: a stop while writing still counts what was written
        }
        ShowProgress();
    }

    /// <summary>Waits for a batch's records to be settled (letting it finish after Ctrl+C, up to a grace period); false when it failed as a whole.</summary>
    private bool Await(BatchInFlight<TRecord> flight)
    {
        var batch = flight.Records;
        try
        {
            _inFlight.Wait(flight);
            return true;
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
            _tally.CountFailed(batch.Length);
            foreach (var record in batch)
            {
                var error = TotaraErrors.FromException(ex, record.Target);
                WriteError(new ErrorRecord(new TotaraRecordException(record, ex.Message, null, (ex as TotaraException)?.Category, ex),
                    error.FullyQualifiedErrorId.Split(',')[0], error.CategoryInfo.Category, record.Target));
            }
            return false;
        }
        catch (TotaraAuthenticationException ex)
        {
            ThrowRequestError(ex, flight.Session);
            return false;
        }
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
                _inFlight.Wait(flight);
                _tally.CountSent(flight.Records.Length);
                _tally.CountSettled(flight.Records);
            }
            catch (OperationCanceledException) when (_inFlight.GraceExpired)
            {
                problem = $"A batch in flight ({flight.Records.Length} record(s), from record {flight.Records[0].Number}) did not finish within " +
                          $"{StopGrace.TotalSeconds:0} s of the stop; whether those records were applied is unknown.";
            }
            catch (Exception ex) when (IsRequestFailure(ex))
            {
                _tally.CountFailed(flight.Records.Length);
            }
        }

        if (claimed || _inFlight.ClaimStopReport())
        {
            var message = _tally.StopMessage(Activity, problem);
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

    private void ShowProgress()
    {
        if (_progressShown && _sinceProgress.Elapsed < ProgressInterval) return;
        _progressShown = true;
        _sinceProgress.Restart();
        WriteProgress(new ProgressRecord(ProgressId, Activity,
            _tally.Progress));
    }

    /// <summary>Input refused before it became a record: only its number, object and label are known.</summary>
    private sealed class RefusedInput : BatchRecord
    {
        public RefusedInput(int number, object? input, string label) : base(number, input, label) { }

        internal override bool Succeeded => false;
    }
}
