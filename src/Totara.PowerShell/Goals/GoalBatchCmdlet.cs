using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.Goals;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Goals;

/// <summary>One goal record: which goal (for all but a create), the values to send, and progress values.</summary>
public sealed class GoalBatchRecord : BatchRecord
{
    internal GoalBatchRecord(int number, object? input, string label, GoalReference? target, GoalChange? change)
        : base(number, input, label)
    {
        Reference = target;
        Change = change;
    }

    /// <summary>The goal the record is about (null for a create).</summary>
    internal GoalReference? Reference { get; }

    internal GoalChange? Change { get; }

    /// <summary>Progress updates: the status and value (null: keep the goal's own, read before sending).</summary>
    internal string? Status { get; set; }

    internal double? CurrentValue { get; set; }
}

/// <summary>One goal record's outcome, as the batching base sees it (a module type, as the base requires).</summary>
public sealed class GoalOutcome
{
    internal GoalOutcome(GoalOperationResult result) => Result = result;

    internal GoalOperationResult Result { get; }
}

/// <summary>
/// Base of New-, Set-, Set-TotaraGoalProgress and Remove-TotaraGoal: batched goal mutations,
/// per-record errors naming the record and the field, and checks before sending.
/// </summary>
public abstract class GoalBatchCmdlet : BatchingCmdlet<GoalBatchRecord, GoalOutcome>
{
    /// <summary>Builds the operation for a record.</summary>
    private protected abstract BatchOperation BuildOperation(GoalsClient goals, GoalBatchRecord record);

    /// <inheritdoc />
    protected override int BatchSize(TotaraSession session) => session.Client.Goals.OperationsPerRequest();

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<GoalOutcome>> SendAsync(TotaraSession session, IReadOnlyList<GoalBatchRecord> batch, CancellationToken ct)
    {
        var goals = session.Client.Goals;
        var results = new List<GoalOutcome>(batch.Count);
        await foreach (var result in goals.RunAsync(batch.Select(r => BuildOperation(goals, r)).ToList(), ct).ConfigureAwait(false))
            results.Add(new GoalOutcome(result));
        return results;
    }

    /// <inheritdoc />
    protected override bool Succeeded(GoalOutcome outcome) => outcome.Result.Succeeded;

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, string>> UniqueKeys(GoalBatchRecord record)
    {
        if (record.Reference is { } target) yield return new KeyValuePair<string, string>("goal", target.ToString());
        else if (record.Change?.IdNumber is { Length: > 0 } idNumber) yield return new KeyValuePair<string, string>("IdNumber", idNumber);
    }

    /// <inheritdoc />
    protected override bool WriteResult(GoalBatchRecord record, GoalOutcome outcome)
    {
        var result = outcome.Result;
        var session = ActiveSession!;
        if (result.Succeeded)
        {
            WriteSuccess(record, result, session);
            return true;
        }

        var error = result.Error!;
        if (result.GoalNotFound)
        {
            WriteError(TotaraErrors.Create(new TotaraRecordException(record, $"no goal matches {record.Reference} on {session.Url}.", null, error.Category),
                GoalErrorIds.GoalNotFound, ErrorCategory.ObjectNotFound, record.Target));
            return false;
        }
        if (result.UserNotFound)
        {
            WriteError(TotaraErrors.UserNotFound(record, error.Explanation, result.ErrorField ?? "User", error.Category));
            return false;
        }
        WriteError(TotaraErrors.RecordFailure(record, error, result.ErrorField));
        return false;
    }

    /// <summary>Writes a record's success: the goal by default.</summary>
    private protected virtual void WriteSuccess(GoalBatchRecord record, GoalOperationResult result, TotaraSession session)
    {
        if (result.Goal is { } goal) WriteObject(new TotaraGoal(goal, session.Url));
        else WriteWarning($"{record} was applied, but its answer was lost with another record's error; read it back with Get-TotaraGoal.");
    }

    /// <summary>Refuses a record whose values Totara would refuse (one error naming every problem); true when refused.</summary>
    private protected bool RefuseIfInvalid(GoalBatchRecord record, bool creating)
    {
        var problems = record.Change!.Problems(creating).ToList();
        if (problems.Count == 0) return false;
        Refuse(new TotaraRecordException(record, string.Join(" ", problems.Select(p => p.Problem)), problems[0].Field),
            record.Target, RecordErrorIds.InvalidInput, ErrorCategory.InvalidData);
        return true;
    }

    /// <summary>The goal's reference on the session's site; refuses the record (and returns null) when there is none.</summary>
    private protected GoalReference? ReferenceOf(GoalIdentity identity, TotaraSession session, int number, object? input)
    {
        try
        {
            return identity.ReferenceFor(session.Url);
        }
        catch (ArgumentException ex)
        {
            Refuse(new TotaraRecordException(new GoalBatchRecord(number, input, identity.Text, null, null), ex.Message, "Identity"),
                input ?? identity.Text, RecordErrorIds.InvalidInput, ErrorCategory.InvalidArgument);
            return null;
        }
    }

    /// <summary>The piped object behind an identity (not a plain string or number).</summary>
    private protected static object? InputOf(GoalIdentity identity) => identity.Source;

    /// <summary>A date parameter as the API's UTC instant.</summary>
    private protected static DateTimeOffset? Instant(DateTime? value) =>
        value is { } date ? new DateTimeOffset(date.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(date, DateTimeKind.Local).ToUniversalTime() : date.ToUniversalTime()) : null;

    /// <summary>The API's status code for a status given either way (InProgress or in_progress).</summary>
    private protected static string? StatusCode(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "notstarted" or "not_started" => "not_started",
        "inprogress" or "in_progress" => "in_progress",
        "completed" or "complete" => "completed",
        "cancelled" or "canceled" => "cancelled",
        var other => other,
    };

    private protected static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
