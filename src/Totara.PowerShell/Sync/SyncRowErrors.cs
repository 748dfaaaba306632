using System;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>The error records Invoke-TotaraSync writes for rows and changes: the source row is always the TargetObject.</summary>
internal static class SyncRowErrors
{
    public static ErrorRecord Invalid(SyncProblem problem) =>
        TotaraErrors.Create(new InvalidOperationException(problem.ToString()), ErrorIds.InvalidRow, ErrorCategory.InvalidData,
            problem.Row.Row ?? problem.Row);

    public static ErrorRecord Failed(SyncChange change) =>
        TotaraErrors.Create(
            new InvalidOperationException((change.Source is { } row ? $"Row {row.RowNumber} ({change.Key})" : $"User {change.Key}") +
                                          $": {change.Action}{(change.Audience is null ? "" : " in audience " + change.Audience)} failed: {change.Error}"),
            ErrorIds.ChangeFailed, ErrorCategory.InvalidOperation, change.Source?.Row ?? (object)change.Key);
}
