using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>
/// What Invoke-TotaraSync says about a run as a whole: the rows it refused (as errors), the summary
/// (verbose line, information record, and with -Summary the output), and the warnings of a stopped run.
/// </summary>
internal sealed class SyncReport
{
    private const string Source = "Invoke-TotaraSync";
    private readonly PSCmdlet _cmdlet;
    private readonly bool _summaryOnly;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _startedAt = DateTimeOffset.Now;
    private readonly List<SyncProblem> _problems = new();
    private TotaraSession? _session;
    private (long Requests, long Points) _spentBefore;

    /// <summary>Starts the run's clock (the command's BeginProcessing).</summary>
    public SyncReport(PSCmdlet cmdlet, bool summaryOnly)
    {
        _cmdlet = cmdlet;
        _summaryOnly = summaryOnly;
    }

    /// <summary>From here on, the session's requests and points count toward this run.</summary>
    public void CountFrom(TotaraSession session)
    {
        _session = session;
        _spentBefore = (session.Client.RequestsSent, session.Client.ComplexityPointsSpent);
    }

    /// <summary>Writes an error for each refused row; the summary counts them.</summary>
    public void Refused(IEnumerable<SyncProblem> problems)
    {
        foreach (var problem in problems)
        {
            _cmdlet.WriteError(SyncRowErrors.Invalid(problem));
            _problems.Add(problem);
        }
    }

    /// <summary>The summary of a run that ended (or, with -WhatIf, was shown); <paramref name="changes"/> are written first unless -Summary.</summary>
    public void Finished(SyncPlan plan, bool whatIf, IReadOnlyList<SyncChange>? changes = null)
    {
        if (changes is not null && !_summaryOnly)
            foreach (var change in changes) _cmdlet.WriteObject(new TotaraSyncChange(change, Session.Url));
        var summary = Summarize(plan, whatIf, stopped: false);
        _cmdlet.WriteVerbose(summary.ToString());
        _cmdlet.WriteInformation(new InformationRecord(summary, Source) { Tags = { "TotaraSyncSummary" } });
        if (_summaryOnly) _cmdlet.WriteObject(summary);
    }

    /// <summary>-WhatIf: the plan's changes and the summary, and a warning when applying would be refused.</summary>
    public void WhatIf(SyncPlan plan, bool refused)
    {
        if (refused) _cmdlet.WriteWarning(new SyncGuardException(plan).Message.Replace("Nothing was changed. ", "Applying would be refused. "));
        Finished(plan, whatIf: true, plan.Changes);
    }

    /// <summary>The removal guard stopped the plan: the summary, so the runbook's log has the numbers it judged, and the error to end with.</summary>
    public ErrorRecord Guarded(SyncPlan plan, TotaraSession session)
    {
        Finished(plan, whatIf: false);
        return TotaraErrors.Create(new SyncGuardException(plan), ErrorIds.RemovalLimitExceeded, ErrorCategory.LimitsExceeded, session);
    }

    /// <summary>
    /// Says what a stopped run did: a warning (which PowerShell still takes while the pipeline stops,
    /// unlike objects) and the summary (Stopped) on the information stream, so a runbook or a host
    /// without a console has both. Returns the exception that ends the command.
    /// </summary>
    /// <param name="plan">The plan, every change with its final outcome.</param>
    /// <param name="unwritten">Changes applied after the stop, which never reached the pipeline.</param>
    public PipelineStoppedException Stopped(SyncPlan plan, IReadOnlyList<SyncChange>? unwritten)
    {
        var message = $"Invoke-TotaraSync stopped: {plan.Changes.Count(c => c.Outcome == SyncOutcome.Applied)} change(s) applied, " +
                      $"{plan.Changes.Count(c => c.Outcome == SyncOutcome.Failed)} failed, {plan.Changes.Count(c => c.Outcome == SyncOutcome.Skipped)} not sent. " +
                      (unwritten is null ? "" : $"The last batch ({unwritten.Count} {unwritten[0].Action}: {unwritten.Count(c => c.Outcome == SyncOutcome.Applied)} applied, " +
                                                $"{unwritten.Count(c => c.Outcome == SyncOutcome.Failed)} failed) finished after the stop, so its changes were not written out. ") +
                      "Every change sent has its final state; run the sync again to finish.";
        WarnEvenIfStopping(message);
        try
        {
            _cmdlet.WriteInformation(new InformationRecord(Summarize(plan, whatIf: false, stopped: true), Source) { Tags = { "TotaraSyncSummary" } });
        }
        catch (PipelineStoppedException)
        {
            // The information stream refused it too: the warning (or the console line) carries the counts.
        }
        return new PipelineStoppedException();
    }

    /// <summary>Says that the batches in flight at a stop outlasted the grace period; returns the exception that ends the command.</summary>
    public PipelineStoppedException Abandoned(SyncAbandonedException abandoned)
    {
        WarnEvenIfStopping($"Invoke-TotaraSync stopped: the batch(es) in flight ({abandoned.InFlight.Count} change(s), {abandoned.InFlight[0].Action}) did not finish within " +
                           $"{abandoned.Grace.TotalSeconds:0} s of the stop; whether those were applied is unknown. Run the sync again to settle them.");
        return new PipelineStoppedException();
    }

    private TotaraSession Session => _session ?? throw new InvalidOperationException("CountFrom was not called.");

    private TotaraSyncSummary Summarize(SyncPlan plan, bool whatIf, bool stopped) =>
        new(new SyncSummary(plan, _problems, _clock.Elapsed, whatIf, stopped), Session.Url, _startedAt,
            (Session.Client.RequestsSent - _spentBefore.Requests, Session.Client.ComplexityPointsSpent - _spentBefore.Points));

    // A warning that reaches the person at the console even when the pipeline no longer takes output.
    private void WarnEvenIfStopping(string message)
    {
        try
        {
            _cmdlet.WriteWarning(message);
        }
        catch (PipelineStoppedException)
        {
            _cmdlet.Host?.UI?.WriteWarningLine(message);
        }
    }
}
