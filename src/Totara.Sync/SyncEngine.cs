using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;

namespace Totara.Sync;

/// <summary>
/// Reconciles a Totara site with a source of truth, phase by phase: validate the whole source,
/// read the site once, plan (pure, O(N)), guard, apply in batches, report. Each phase is its own
/// call so a host (the cmdlet) can report between them and ask before applying.
/// </summary>
/// <remarks>
/// With a state file, the engine holds it (see <see cref="StateFileLock"/>) from the start of
/// <see cref="PlanAsync"/> until it is disposed: dispose the engine when the run ends.
/// </remarks>
public sealed class SyncEngine : IDisposable
{
    private readonly TotaraClient _client;
    private readonly Uri _site;
    private StateFileLock? _stateLock;
    private DeltaRun? _run;

    /// <summary>An engine for one run against the client's site.</summary>
    /// <param name="client">The client the run reads and writes through; not disposed by the engine.</param>
    /// <param name="options">How the run behaves; checked here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options contradict each other (see <see cref="SyncOptions.Validate"/>).</exception>
    public SyncEngine(TotaraClient client, SyncOptions options)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _site = client.Options.SiteUrl;
    }

    /// <summary>The options the run was made with.</summary>
    public SyncOptions Options { get; }

    /// <summary>Progress of every phase (called on the engine's thread).</summary>
    public Action<SyncProgress>? Progress { get; set; }

    /// <summary>The memberships earlier syncs added (loaded by <see cref="PlanAsync"/> when a state file is set).</summary>
    public SyncState? State { get; private set; }

    /// <summary>Phase 1: checks every row; nothing is read or sent.</summary>
    public SourceValidation Validate(IReadOnlyList<SourceUser> rows)
    {
        Progress?.Invoke(new SyncProgress(SyncPhase.Validate, $"Validating {rows.Count} source row(s)", 0, rows.Count));
        return SourceValidator.Validate(rows, Options);
    }

    /// <summary>
    /// Phases 2 and 3: reads the site (users once, audiences if the source names any, and the
    /// memberships in question) and plans. Sends no mutation.
    /// </summary>
    /// <exception cref="SyncStateFileInUseException">Another run holds the state file: nothing was read.</exception>
    /// <exception cref="SyncStateFileException">The state file cannot be written or read: nothing was read from the site.</exception>
    public async Task<SyncPlan> PlanAsync(IReadOnlyList<SourceUser> rows, SourceValidation validation, CancellationToken ct = default)
    {
        var startedAt = Options.Clock.GetUtcNow();
        if (Options.StatePath is { } path)
        {
            // Held before the state is read and until the run ends, so no other run's changes to it are lost;
            // taking it also shows the file can be written before any change is sent.
            _stateLock ??= StateFileLock.Acquire(path);
            State = SyncStateFile.Load(path, _site);
        }
        var run = DeltaRun.Begin(Options, State, _client.Options.Credential.ClientId, rows, validation, startedAt);
        List<SiteUser> users;
        SiteJobs? jobs;
        if (run.Decision.Kind == SyncRunKind.Delta)
        {
            await DeltaReader.ReadAsync(_client, rows, validation, Options, State!.Delta!, run.Read, Progress, ct).ConfigureAwait(false);
            users = run.Read.SiteUsers;
            jobs = run.Read.Jobs;
        }
        else
        {
            users = await SiteReader.ReadUsersAsync(_client, rows, Options, Progress, ct).ConfigureAwait(false);
            foreach (var user in users) run.Read.Known[user.Id] = DeltaRead.Know(user, Options);
            jobs = await SiteReader.ReadJobsAsync(_client, validation.Valid, Progress, ct).ConfigureAwait(false);
        }
        // Exact mode may remove recorded memberships while no row names an audience: read the audiences then
        // too, so each removal names its audience (idnumber and name), not only its id.
        var removesRecorded = Options.CohortMode == CohortMode.Exact && State is { Added.Count: > 0 };
        var cohorts = await SiteReader.ReadCohortsAsync(_client, rows, removesRecorded, ct).ConfigureAwait(false);

        Progress?.Invoke(new SyncProgress(SyncPhase.Plan, $"Planning {validation.Valid.Count} row(s) against {users.Count} site user(s) ({run.Decision})", 0, 0));
        var plan = SyncPlanner.Plan(validation, users, Options, cohorts, State, jobs, run.Read.Scope);
        plan.Run = run.Decision;
        await MembershipChecker.CheckAsync(_client, plan, Progress, ct).ConfigureAwait(false);
        _run = run;
        return plan;
    }

    /// <summary>
    /// Records what the run established in the state file (row fingerprints, the site's users, when
    /// the site was read), for the next delta run. Call once the plan has been applied, or when there
    /// was nothing to apply; never for -WhatIf or a plan the guard stopped. Without a state file it does nothing.
    /// </summary>
    public void Finish(SyncPlan plan)
    {
        if (plan is null) throw new ArgumentNullException(nameof(plan));
        if (_run is null || State is null || Options.StatePath is null) return;
        State.Delta = _run.Record(plan);
        SyncStateFile.Save(State, Options.StatePath);
        _run = null;
    }

    /// <summary>Releases the state file for other runs.</summary>
    public void Dispose()
    {
        _stateLock?.Dispose();
        _stateLock = null;
    }

    /// <summary>Phase 4: stops a plan that removes too many users (see <see cref="RemovalGuard"/>).</summary>
    public void Guard(SyncPlan plan)
    {
        Progress?.Invoke(new SyncProgress(SyncPhase.Guard, $"Checking {plan.Removals} user and {plan.MembershipRemovals} membership removal(s) against the limit of {plan.AllowedRemovals} each", 0, 0));
        RemovalGuard.Check(plan);
    }

    /// <summary>
    /// After a stop, how long the batches in flight may take to finish before they are cancelled
    /// (30 s): long enough for a slow site to answer, so that no change is left unknown, short
    /// enough that Ctrl+C still ends the run.
    /// </summary>
    public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Phase 5: applies the plan in batches (checking the guard first), independent user batches
    /// several at a time (see <see cref="BatchScheduler"/>); <paramref name="onBatch"/> sees each batch
    /// with its outcomes, in plan order. Then records the run in the state file (<see cref="Finish"/>),
    /// also when stopped. Returns true when it ran to the end, false when <paramref name="stop"/> cut it short.
    /// </summary>
    /// <param name="plan">The plan <see cref="PlanAsync"/> made.</param>
    /// <param name="onBatch">Called on the engine's thread for every batch applied, also for one that finished after the stop.</param>
    /// <param name="stop">
    /// Checked between batches (Ctrl+C): the batches in flight may finish within <see cref="StopGrace"/>,
    /// then they are cancelled; the rest are skipped.
    /// </param>
    /// <exception cref="SyncGuardException">The plan removes more than the guard allows.</exception>
    /// <exception cref="SyncAbandonedException">After the stop, the batches in flight outlasted <see cref="StopGrace"/>; the state file is not finished.</exception>
    public async Task<bool> ApplyAsync(SyncPlan plan, Action<IReadOnlyList<SyncChange>>? onBatch = null, CancellationToken stop = default)
    {
        if (plan is null) throw new ArgumentNullException(nameof(plan));
        RemovalGuard.Check(plan);
        var applier = new SyncApplier(_client, new StateKeeper(State ?? (Options.StatePath is null ? null : new SyncState(_site)), Options.StatePath));
        applier.Begin(plan);
        var scheduler = new BatchScheduler(applier, SyncApplier.Batches(_client, plan), StopGrace);
        var done = 0;
        var finished = await scheduler.RunAsync(batch =>
        {
            onBatch?.Invoke(batch);
            done += batch.Count;
            Progress?.Invoke(new SyncProgress(SyncPhase.Apply, $"Applied {done} of {plan.Changes.Count} change(s) ({batch[0].Action})", done, plan.Changes.Count));
        }, stop).ConfigureAwait(false);
        Finish(plan);
        return finished;
    }
}
