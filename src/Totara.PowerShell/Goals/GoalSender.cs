using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Goals;

/// <summary>
/// How the goal cmdlets send: batched goal mutations, and per-record errors naming the record and
/// the field (a goal or user not found, or the site's refusal).
/// </summary>
internal abstract class GoalSender : RecordSender<GoalBatchRecord>
{
    private readonly Action<Cmdlet, TotaraSession, GoalBatchRecord>? _writeSuccess;

    /// <param name="writeSuccess">Writes a record's success; by default the goal itself.</param>
    protected GoalSender(Action<Cmdlet, TotaraSession, GoalBatchRecord>? writeSuccess = null) => _writeSuccess = writeSuccess;

    /// <inheritdoc />
    public override int BatchSize(TotaraSession session) => session.Client.Goals.OperationsPerRequest();

    /// <inheritdoc />
    public override IEnumerable<UniqueKey> UniqueKeys(TotaraSession session, GoalBatchRecord record)
    {
        if (record.Reference is { } target) yield return new UniqueKey("goal", target.ToString(), "goal");
        else if (record.Change?.IdNumber is { Length: > 0 } idNumber) yield return new UniqueKey("IdNumber", idNumber, "IdNumber");
    }

    /// <inheritdoc />
    public override void Write(Cmdlet cmdlet, TotaraSession session, GoalBatchRecord record)
    {
        var result = record.Result!;
        if (result.Succeeded)
        {
            if (_writeSuccess is not null) _writeSuccess(cmdlet, session, record);
            else if (result.Goal is { } goal) cmdlet.WriteObject(new TotaraGoal(goal, session.Url));
            else cmdlet.WriteWarning($"{record} was applied, but its answer was lost with another record's error; read it back with Get-TotaraGoal.");
            return;
        }

        var error = result.Error!;
        if (result.GoalNotFound)
            cmdlet.WriteError(TotaraErrors.Create(new TotaraRecordException(record, $"no goal matches {record.Reference} on {session.Url}.", null, error.Category),
                ErrorIds.GoalNotFound, ErrorCategory.ObjectNotFound, record.Target));
        else if (result.UserNotFound)
            cmdlet.WriteError(TotaraErrors.UserNotFound(record, error.Explanation, result.ErrorField ?? "User", error.Category));
        else
            cmdlet.WriteError(TotaraErrors.RecordFailure(record, error, result.ErrorField));
    }

    /// <summary>What Totara would refuse in a record's values, as one refusal's texts and its field (the first problem's).</summary>
    public static (IReadOnlyCollection<string> Problems, string? Field) Refusal(GoalBatchRecord record, bool creating)
    {
        var problems = record.Change!.Problems(creating).ToList();
        return (problems.Select(p => p.Problem).ToList(), problems.Count > 0 ? problems[0].Field : null);
    }
}
