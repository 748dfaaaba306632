using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>
/// <para type="synopsis">Makes Totara's users and audience memberships match a source of truth: validate, read, plan, guard, apply, report.</para>
/// </summary>
/// <remarks>The phases are the engine's (<see cref="SyncEngine"/>); the command reads the pipeline, asks ShouldProcess, and writes what the engine did.</remarks>
[Cmdlet(VerbsLifecycle.Invoke, "TotaraSync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraSyncChange), typeof(TotaraSyncSummary))]
public sealed class InvokeTotaraSyncCommand : TotaraSessionCmdlet
{
    private SourceRows? _source;
    private SyncReport? _report;
    private TotaraSession? _session;

    /// <summary>A source row: any object with user columns (CSV rows, Get-ADUser objects, TotaraUser objects).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true), AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>The key that joins a row to a site user: IdNumber (default), Username or Email.</summary>
    [Parameter, ValidateSet("IdNumber", "Username", "Email", IgnoreCase = true)]
    public string MatchOn { get; set; } = "IdNumber";

    /// <summary>The source holds every user in scope: site users it lacks get -MissingUserAction.</summary>
    [Parameter]
    public SwitchParameter SourceIsComplete { get; set; }

    /// <summary>What happens to users missing from a complete source: Keep, Suspend (default) or Delete.</summary>
    [Parameter, ValidateSet("Keep", "Suspend", "Delete", IgnoreCase = true)]
    public string MissingUserAction { get; set; } = "Suspend";

    /// <summary>What an empty source value means: Keep (default) the site's value, or Erase it.</summary>
    [Parameter, ValidateSet("Keep", "Erase", IgnoreCase = true)]
    public string EmptyFieldAction { get; set; } = "Keep";

    /// <summary>Audiences: Add (default) only adds; Exact also removes memberships the sync added that the source dropped.</summary>
    [Parameter, ValidateSet("Add", "Exact", IgnoreCase = true)]
    public string CohortMode { get; set; } = "Add";

    /// <summary>The state file of memberships the sync added (required with -CohortMode Exact).</summary>
    [Parameter, ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    /// <summary>The most users a run may suspend or delete: a count (25) or a percentage of the site's users (5%, the default).</summary>
    [Parameter, ValidateNotNullOrEmpty]
    public string MaxRemovals { get; set; } = "5%";

    /// <summary>Applies a plan that removes more users than -MaxRemovals allows.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Reads and reconciles everything, as if there were no state file: a full run.</summary>
    [Parameter]
    public SwitchParameter Full { get; set; }

    /// <summary>With -StatePath, a run is a full one when the last full run is older than this (default 7 days; a number means days).</summary>
    [Parameter, DaysTransformation]
    public TimeSpan FullAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Writes one TotaraSyncSummary instead of the change objects.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _source = new SourceRows(this);
        _report = new SyncReport(this, Summary.IsPresent);   // the run's clock starts here
        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override void ProcessRecord(TotaraSession session)
    {
        _session ??= session;
        if (InputObject is not null) _source!.Add(InputObject);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var session = _session ?? ResolveSession();
        var options = SyncParameters.ToOptions(this, session, out var invalid);
        if (invalid is not null) ThrowTerminatingError(invalid);
        new SyncRun(this, session, options, _report!).Execute(_source!);
    }

    /// <summary>Runs the engine's work while the pipeline thread writes what it posts (see <see cref="TotaraCmdlet"/>).</summary>
    internal T RunOnPipeline<T>(TotaraSession session, Func<CancellationToken, Task<T>> work) => Run(session.Client, work);

    /// <summary>Cancelled by Ctrl+C.</summary>
    internal CancellationToken StopRequested => CancellationToken;

    /// <summary>Whether this invocation only shows what it would do.</summary>
    internal bool WhatIfOnly => IsWhatIf;

    /// <summary>The command's error for a failure of the engine's step, or null for one that is no failure of the sync's.</summary>
    internal ErrorRecord? ErrorFor(Exception ex, TotaraSession session, bool planning) => SyncFailures.ToError(ex, IsRequestFailure(ex), session, StatePath, planning);
}
