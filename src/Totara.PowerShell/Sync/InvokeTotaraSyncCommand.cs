using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Totara.Sync;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Sync;

/// <summary>
/// <para type="synopsis">Makes Totara's users and audience memberships match a source of truth: validate, read, plan, guard, apply, report.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "TotaraSync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraSyncChange), typeof(TotaraSyncSummary))]
public sealed class InvokeTotaraSyncCommand : TotaraSessionCmdlet
{
    /// <summary>After Ctrl+C, how long the batch in flight may take to finish before it is abandoned.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    private readonly List<SourceUser> _rows = new();
    private readonly List<SyncProblem> _unreadable = new();
    private readonly HashSet<string> _unknownColumns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Stopwatch _clock = new();
    private TotaraSession? _session;
    private DateTimeOffset _startedAt;
    private (long Requests, long Points) _spentBefore;

    /// <summary>A source row: any object with user columns (CSV rows, Get-ADUser objects, TotaraUser objects).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>The key that joins a row to a site user: IdNumber (default), Username or Email.</summary>
    [Parameter]
    [ValidateSet("IdNumber", "Username", "Email", IgnoreCase = true)]
    public string MatchOn { get; set; } = "IdNumber";

    /// <summary>The source holds every user in scope: site users it lacks get -MissingUserAction.</summary>
    [Parameter]
    public SwitchParameter SourceIsComplete { get; set; }

    /// <summary>What happens to users missing from a complete source: Keep, Suspend (default) or Delete.</summary>
    [Parameter]
    [ValidateSet("Keep", "Suspend", "Delete", IgnoreCase = true)]
    public string MissingUserAction { get; set; } = "Suspend";

    /// <summary>What an empty source value means: Keep (default) the site's value, or Erase it.</summary>
    [Parameter]
    [ValidateSet("Keep", "Erase", IgnoreCase = true)]
    public string EmptyFieldAction { get; set; } = "Keep";

    /// <summary>Audiences: Add (default) only adds; Exact also removes memberships the sync added that the source dropped.</summary>
    [Parameter]
    [ValidateSet("Add", "Exact", IgnoreCase = true)]
    public string CohortMode { get; set; } = "Add";

    /// <summary>The state file of memberships the sync added (required with -CohortMode Exact).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    /// <summary>The most users a run may suspend or delete: a count (25) or a percentage of the site's users (5%, the default).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string MaxRemovals { get; set; } = "5%";

    /// <summary>Applies a plan that removes more users than -MaxRemovals allows.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Reads and reconciles everything, as if there were no state file: a full run.</summary>
    [Parameter]
    public SwitchParameter Full { get; set; }

    /// <summary>With -StatePath, a run is a full one when the last full run is older than this (default 7 days; a number means days).</summary>
    [Parameter]
    [DaysTransformation]
    public TimeSpan FullAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Writes one TotaraSyncSummary instead of the change objects.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _clock.Start();
        _startedAt = DateTimeOffset.Now;
        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override void ProcessRecord(TotaraSession session)
    {
        _session ??= session;
        if (InputObject is null) return;
        var problems = new List<(string Column, string Message)>();
        var unknown = new List<string>();
        var row = SourceRowReader.Read(InputObject, _rows.Count + _unreadable.Count + 1, problems, unknown);
        foreach (var column in unknown) WarnUnknownColumn(column);
        if (problems.Count == 0) _rows.Add(row);
        else _unreadable.AddRange(problems.Select(p => new SyncProblem(row, null, p.Column, p.Message)));
    }

    /// <summary>Once per column: a mistyped header (emial) would otherwise be dropped without a word.</summary>
    private void WarnUnknownColumn(string column)
    {
        if (!_unknownColumns.Add(column)) return;
        var nearest = NearestName.Find(column, SourceRowReader.KnownColumns);
        WriteWarning($"Column '{column}' is not one Invoke-TotaraSync reads; its values are ignored." +
                     (nearest is null ? "" : $" Did you mean '{nearest}'?"));
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var session = _session ?? ResolveSession();
        var options = WithRunKind(BuildOptions(session));
        WarnWhenTheServiceAccountIsUnnamed(session);
        var progress = new SyncProgressWriter(this);
        _spentBefore = (session.Client.RequestsSent, session.Client.ComplexityPointsSpent);
        using var engine = new SyncEngine(session.Client, options) { Progress = progress.Show };

        var validation = engine.Validate(_rows);
        foreach (var unreadable in _unreadable) validation.Protect(unreadable.Row);
        var problems = _unreadable.Concat(validation.Problems).OrderBy(p => p.RowNumber).ToList();
        foreach (var problem in problems) WriteError(SyncRowErrors.Invalid(problem));
        foreach (var row in validation.SiteAccounts)
            WriteVerbose($"Row {row.RowNumber} ({row.Get(SyncFields.Username)}) is Totara's own {row.Get(SyncFields.Username)} account: every site has its own, and a sync never changes it.");

        SyncPlan plan;
        try
        {
            plan = Run(session.Client, ct => engine.PlanAsync(_rows, validation, ct));
        }
        catch (SyncStateFileException ex)
        {
            ThrowStateFileError(ex);
            return;
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            ThrowRequestError(ex, session);
            return;
        }
        foreach (var problem in plan.Problems) WriteError(SyncRowErrors.Invalid(problem));
        problems.AddRange(plan.Problems);
        foreach (var rewritten in plan.RewrittenValues.GroupBy(r => r.Field).Select(g => g.First()))
            WriteWarning($"Row {rewritten.RowNumber}: the site keeps {rewritten.Field} '{rewritten.Sent}' as '{rewritten.Stored}' (markup removed), " +
                         $"so the sync compares that form and does not resend it. Other rows' {rewritten.Field} values may be changed the same way.");
        progress.Phase(SyncPhase.Guard, $"{plan.Changes.Count} change(s) planned, {plan.Removals} user and {plan.MembershipRemovals} membership removal(s) of {plan.AllowedRemovals} allowed each");

        var description = SyncParameters.Describe(plan);
        if (plan.Changes.Count == 0)
        {
            if (!IsWhatIf) Finish(engine, plan);
            progress.Done();
            Report(plan, problems, session, whatIf: IsWhatIf, stopped: false, changes: null);
            return;
        }
        if (!ShouldProcess(description, description, "Invoke-TotaraSync", out var reason))
        {
            if (reason == ShouldProcessReason.WhatIf)
            {
                if (plan.ExceedsGuard && !options.Force) WriteWarning(new SyncGuardException(plan).Message.Replace("Nothing was changed. ", "Applying would be refused. "));
                Report(plan, problems, session, whatIf: true, stopped: false, plan.Changes);
            }
            progress.Done();
            return;
        }

        if (plan.ExceedsGuard && !options.Force)
        {
            // The runbook's log gets the numbers the guard judged, beside the error.
            progress.Done();
            Report(plan, problems, session, whatIf: false, stopped: false, changes: null);
            ThrowTerminatingError(TotaraErrors.Create(new SyncGuardException(plan), SyncErrorIds.RemovalLimitExceeded, ErrorCategory.LimitsExceeded, session));
        }

        bool stopped;
        var runner = new SyncBatchRunner(this, engine, plan, progress);
        try
        {
            stopped = runner.Run(session);
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException)
        {
            // Saving failed mid-run (the disk filled, say): the lock taken before planning showed the path could be written.
            ThrowTerminatingError(TotaraErrors.Create(ex, SyncErrorIds.StateFileInvalid, ErrorCategory.WriteError, StatePath));
            return;
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            ThrowRequestError(ex, session);
            return;
        }
        Finish(engine, plan);
        if (stopped) StopWithReport(plan, problems, session, runner.Unwritten);
        progress.Done();
        Report(plan, problems, session, whatIf: false, stopped: false, changes: null);
    }

    /// <summary>Records the run in the state file for the next delta run (applied or stopped; never -WhatIf or a guarded plan).</summary>
    private void Finish(SyncEngine engine, SyncPlan plan)
    {
        try
        {
            engine.Finish(plan);
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(TotaraErrors.Create(ex, SyncErrorIds.StateFileInvalid, ErrorCategory.WriteError, StatePath));
        }
    }

    /// <summary>Runs one batch's requests while the pipeline thread waits (see <see cref="TotaraCmdlet"/>).</summary>
    internal void RunBatch(TotaraSession session, Func<CancellationToken, System.Threading.Tasks.Task> work) => Run(session.Client, work);

    internal CancellationToken StopToken => CancellationToken;

    internal static TimeSpan Grace => StopGrace;

    /// <summary>Writes a batch's changes (unless -Summary) and an error for each failed one.</summary>
    internal void WriteBatch(IReadOnlyList<SyncChange> batch, TotaraSession session)
    {
        foreach (var change in batch)
        {
            if (change.Outcome == SyncOutcome.Failed) WriteError(SyncRowErrors.Failed(change));
            if (!Summary.IsPresent) WriteObject(new TotaraSyncChange(change, session.Url));
        }
    }

    private void Report(SyncPlan plan, List<SyncProblem> problems, TotaraSession session, bool whatIf, bool stopped, IReadOnlyList<SyncChange>? changes)
    {
        if (changes is not null && !Summary.IsPresent)
            foreach (var change in changes) WriteObject(new TotaraSyncChange(change, session.Url));
        var summary = new TotaraSyncSummary(new SyncSummary(plan, problems, _clock.Elapsed, whatIf, stopped), session.Url, _startedAt, Spent(session));
        WriteVerbose(summary.ToString());
        WriteInformation(new InformationRecord(summary, "Invoke-TotaraSync") { Tags = { "TotaraSyncSummary" } });
        if (Summary.IsPresent) WriteObject(summary);
    }

    /// <summary>
    /// Says what a stopped run did: a warning (which PowerShell still takes while the pipeline stops,
    /// unlike objects) and the summary (Stopped) on the information stream, so a runbook or a host
    /// without a console has both; then ends the command.
    /// </summary>
    private void StopWithReport(SyncPlan plan, List<SyncProblem> problems, TotaraSession session, IReadOnlyList<SyncChange>? unwritten)
    {
        var message = $"Invoke-TotaraSync stopped: {plan.Changes.Count(c => c.Outcome == SyncOutcome.Applied)} change(s) applied, " +
                      $"{plan.Changes.Count(c => c.Outcome == SyncOutcome.Failed)} failed, {plan.Changes.Count(c => c.Outcome == SyncOutcome.Skipped)} not sent. " +
                      (unwritten is null ? "" : $"The last batch ({unwritten.Count} {unwritten[0].Action}: {unwritten.Count(c => c.Outcome == SyncOutcome.Applied)} applied, " +
                                                $"{unwritten.Count(c => c.Outcome == SyncOutcome.Failed)} failed) finished after the stop, so its changes were not written out. ") +
                      "Every change sent has its final state; run the sync again to finish.";
        WarnEvenIfStopping(message);
        try
        {
            var summary = new TotaraSyncSummary(new SyncSummary(plan, problems, _clock.Elapsed, whatIf: false, stopped: true), session.Url, _startedAt, Spent(session));
            WriteInformation(new InformationRecord(summary, "Invoke-TotaraSync") { Tags = { "TotaraSyncSummary" } });
        }
        catch (PipelineStoppedException)
        {
            // The information stream refused it too: the warning (or the console line) carries the counts.
        }
        throw new PipelineStoppedException();
    }

    /// <summary>A warning that reaches the person at the console even when the pipeline no longer takes output.</summary>
    internal void WarnEvenIfStopping(string message)
    {
        try
        {
            WriteWarning(message);
        }
        catch (PipelineStoppedException)
        {
            Host?.UI?.WriteWarningLine(message);
        }
    }

    /// <summary>
    /// Totara's API cannot tell a client which user it acts as, so only -ServiceAccount keeps that
    /// user out of a complete source's removals. Without it the account is planned for suspension or
    /// deletion whenever the source lacks it; Totara refuses, and the change ends Skipped. Matched on
    /// idnumber, a service account (which has none, as a rule) is out of the sync's scope anyway.
    /// </summary>
    private void WarnWhenTheServiceAccountIsUnnamed(TotaraSession session)
    {
        if (!SourceIsComplete || session.ServiceAccount is not null
            || string.Equals(MissingUserAction, "Keep", StringComparison.OrdinalIgnoreCase)
            || string.Equals(MatchOn, "IdNumber", StringComparison.OrdinalIgnoreCase)) return;
        WriteWarning("The session does not name the user this API client acts as. If that user is not in the source, the sync plans to " +
                     $"{MissingUserAction.ToLowerInvariant()} it, Totara refuses, and the change is reported as Skipped (it still counts toward -MaxRemovals). " +
                     "Connect with -ServiceAccount <username> to leave it out of the plan.");
    }

    private void ThrowStateFileError(SyncStateFileException ex)
    {
        var (id, category) = ex switch
        {
            SyncStateFileInUseException => (SyncErrorIds.StateFileInUse, ErrorCategory.ResourceBusy),
            SyncStateFileInvalidException => (SyncErrorIds.StateFileInvalid, ErrorCategory.InvalidData),
            _ => (SyncErrorIds.StateFileInvalid, ErrorCategory.WriteError),
        };
        ThrowTerminatingError(TotaraErrors.Create(ex, id, category, ex.Path));
    }

    private SyncOptions BuildOptions(TotaraSession session)
    {
        try
        {
            return SyncParameters.ToOptions(MatchOn, SourceIsComplete.IsPresent, MissingUserAction, EmptyFieldAction, CohortMode, MaxRemovals,
                Force.IsPresent, session.ServiceAccount, StatePath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(StatePath));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            ThrowTerminatingError(TotaraErrors.Create(ex, ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, null));
            throw;
        }
    }

    private SyncOptions WithRunKind(SyncOptions options)
    {
        if (FullAfter < TimeSpan.Zero)
            ThrowTerminatingError(TotaraErrors.Create(new ArgumentException($"-FullAfter cannot be negative ({FullAfter})."), ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, FullAfter));
        options.Full = Full.IsPresent;
        options.FullAfter = FullAfter;
        return options;
    }

    /// <summary>This run's requests and complexity points, as the session's client counted them.</summary>
    private (long Requests, long Points) Spent(TotaraSession session) =>
        (session.Client.RequestsSent - _spentBefore.Requests, session.Client.ComplexityPointsSpent - _spentBefore.Points);

}
