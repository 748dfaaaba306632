using System;
using System.Threading;
using Totara.PowerShell.Session;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>
/// One Invoke-TotaraSync run through the engine's phases: validate and plan, ask (ShouldProcess,
/// -WhatIf, the removal guard), apply, and report. The engine does the work; this decides what the
/// command writes between the phases.
/// </summary>
internal sealed class SyncRun
{
    private readonly InvokeTotaraSyncCommand _command;
    private readonly TotaraSession _session;
    private readonly SyncOptions _options;
    private readonly SyncReport _report;
    private readonly SyncProgressWriter _progress;

    public SyncRun(InvokeTotaraSyncCommand command, TotaraSession session, SyncOptions options, SyncReport report)
    {
        _command = command;
        _session = session;
        _options = options;
        _report = report;
        _progress = new SyncProgressWriter(command);
    }

    /// <summary>Runs the phases over the rows the pipeline gave.</summary>
    public void Execute(SourceRows source)
    {
        SyncNotices.WhenTheServiceAccountIsUnnamed(_command, _options);
        _report.CountFrom(_session);
        using var engine = new SyncEngine(_session.Client, _options) { Progress = _progress.Show };
        var plan = Plan(engine, source);
        var description = SyncParameters.Describe(plan);
        if (plan.Changes.Count == 0)
        {
            if (!_command.WhatIfOnly) Attempt(() => { engine.Finish(plan); return plan; }, planning: false);
            _progress.Done();
            _report.Finished(plan, _command.WhatIfOnly);
            return;
        }
        if (!_command.ShouldProcess(description, description, "Invoke-TotaraSync", out var reason))
        {
            if (reason == System.Management.Automation.ShouldProcessReason.WhatIf) _report.WhatIf(plan, refused: plan.GuardRefuses);
            _progress.Done();
            return;
        }
        if (plan.GuardRefuses)
        {
            _progress.Done();
            _command.ThrowTerminatingError(_report.Guarded(plan, _session));
        }
        Attempt(() => Apply(engine, plan), planning: false);
        _progress.Done();
        _report.Finished(plan, whatIf: false);
    }

    // Phases 1-3: the rows' problems are written as errors before the site is read.
    private SyncPlan Plan(SyncEngine engine, SourceRows source)
    {
        var validation = engine.Validate(source.Readable);
        _report.Refused(source.Problems(validation));
        SyncNotices.SiteAccounts(_command, validation);
        var plan = Attempt(() => _command.RunOnPipeline(_session, ct => engine.PlanAsync(source.Readable, validation, ct)), planning: true);
        _report.Refused(plan.Problems);
        SyncNotices.RewrittenValues(_command, plan);
        _progress.Phase(SyncPhase.Guard, $"{plan.Changes.Count} change(s) planned, {plan.Removals} user and {plan.MembershipRemovals} membership removal(s) of {plan.AllowedRemovals} allowed each");
        return plan;
    }

    // Phase 5: each batch is written as it is applied; a stop, or a write the pipeline refused, ends the command.
    private bool Apply(SyncEngine engine, SyncPlan plan)
    {
        using var writer = new SyncChangeWriter(_command, _session.Url, _command.Summary.IsPresent, _command.StopRequested);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_command.StopRequested, writer.Refused);
        bool finished;
        try
        {
            finished = _command.RunOnPipeline(_session, _ => engine.ApplyAsync(plan, writer.Hand, stop.Token));
        }
        catch (SyncAbandonedException abandoned)
        {
            throw _report.Abandoned(abandoned);
        }
        // A stop during the last batches leaves nothing unsent, yet their changes may not have been written.
        if (!finished || _command.StopRequested.IsCancellationRequested) throw _report.Stopped(plan, writer.Unwritten);
        writer.RethrowRefusal();
        return finished;
    }

    // The engine's failures end the command with its own error; anything else (a stop, a bug) goes on up.
    private T Attempt<T>(Func<T> step, bool planning)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (_command.ErrorFor(ex, _session, planning) is { } error)
        {
            _command.ThrowTerminatingError(error);
            throw;
        }
    }
}
