using System;
using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.Goals;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.Goals;

/// <summary>
/// <para type="synopsis">Creates personal goals for Totara users, one or many: pipe CSV rows or users in.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "TotaraGoal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraGoal))]
public sealed class NewTotaraGoalCommand : BatchingCmdlet<GoalBatchRecord>
{
    // Every reference that may name each record's user and owner, tried in turn before the create is sent.

    /// <summary>The user the goal is for: username, idnumber, email, id or a TotaraUser.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Username", "SamAccountName")]
    [UserIdentityTransformation]
    [ValidateNotNull]
    public UserIdentity User { get; set; } = null!;

    /// <summary>The goal's name.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("GoalName")]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>The goal's external identifier (id_number). Give one: it makes re-runs safe.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("GoalIdNumber")]
    public string? IdNumber { get; set; }

    /// <summary>What the goal is about.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>When the goal starts; today when absent.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public DateTime? StartDate { get; set; }

    /// <summary>When the goal is due.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DueDate")]
    public DateTime TargetDate { get; set; }

    /// <summary>The value that means achieved; 100 (per cent) when absent.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public double? TargetValue { get; set; }

    /// <summary>The value achieved so far (0 when absent).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public double? CurrentValue { get; set; }

    /// <summary>The starting status: NotStarted (default), InProgress, Completed or Cancelled.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("NotStarted", "InProgress", "Completed", "Cancelled", "not_started", "in_progress", "completed", "cancelled", IgnoreCase = true)]
    public string? Status { get; set; }

    /// <summary>Who manages the goal; the service account when absent.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [UserIdentityTransformation]
    public UserIdentity? Owner { get; set; }

    /// <summary>The piped record (bound whole, so errors can point at it).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Creating Totara goals";

    /// <inheritdoc />
    protected override string Action => "Create goal";

    /// <inheritdoc />
    protected override IEnumerable<GoalBatchRecord> ReadRecords(TotaraSession session)
    {
        var change = new GoalChange
        {
            User = User.CandidatesFor(session.Url)[0],
                        Name = Name.Trim(),
            IdNumber = string.IsNullOrWhiteSpace(IdNumber) ? null : IdNumber!.Trim(),
            Description = string.IsNullOrEmpty(Description) ? null : Description,
            StartDate = GoalValues.Instant(StartDate ?? DateTime.Today),
            TargetDate = GoalValues.Instant(TargetDate),
            TargetValue = TargetValue ?? 100,
            CurrentValue = CurrentValue,
            Status = GoalValues.StatusCode(Status),
        };
        var record = new GoalBatchRecord(NextRecordNumber(), InputObject?.BaseObject is string ? null : InputObject, $"{Name} for {User}", null, change);
        var (problems, field) = GoalSender.Refusal(record, creating: true);
        if (RefuseInvalid(record, problems, field)) yield break;
        (record.UserCandidates, record.OwnerCandidates) = (User.CandidatesFor(session.Url), Owner?.CandidatesFor(session.Url));
        yield return record;
    }

    private protected override RecordSender<GoalBatchRecord> Sender { get; } = new GoalCreateSender();
}
