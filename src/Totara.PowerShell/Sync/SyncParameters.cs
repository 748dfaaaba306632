using System;
using System.Linq;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>Invoke-TotaraSync's parameters as the engine's options, and the plan as one line for -WhatIf/-Confirm.</summary>
internal static class SyncParameters
{
    /// <summary>The options the command's parameters ask for; a parameter that makes no sense is an error record that names it.</summary>
    public static SyncOptions ToOptions(InvokeTotaraSyncCommand command, TotaraSession session, out ErrorRecord? error)
    {
        // The path first, as the command always resolved it: a drive that does not exist is PowerShell's own error.
        var statePath = command.StatePath is null ? null : command.SessionState.Path.GetUnresolvedProviderPathFromPSPath(command.StatePath);
        var options = new SyncOptions();
        error = null;
        try
        {
            options.MatchOn = Parse<SyncMatchOn>(command.MatchOn);
            options.SourceIsComplete = command.SourceIsComplete.IsPresent;
            options.MissingUserAction = Parse<MissingUserAction>(command.MissingUserAction);
            options.EmptyFieldAction = Parse<EmptyFieldAction>(command.EmptyFieldAction);
            options.CohortMode = Parse<CohortMode>(command.CohortMode);
            options.MaxRemovals = RemovalLimit.Parse(command.MaxRemovals);
            options.Force = command.Force.IsPresent;
            options.ServiceAccount = session.ServiceAccount;
            options.StatePath = statePath;
            options.Validate();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            error = TotaraErrors.Create(ex, ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, null);
            return options;
        }
        if (command.FullAfter < TimeSpan.Zero)
            error = TotaraErrors.Create(new ArgumentException($"-FullAfter cannot be negative ({command.FullAfter})."), ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, command.FullAfter);
        options.Full = command.Full.IsPresent;
        options.FullAfter = command.FullAfter;
        return options;
    }

    /// <summary>e.g. "Apply 12 change(s): 3 Create, 8 Update, 1 Suspend".</summary>
    public static string Describe(SyncPlan plan)
    {
        var parts = Enum.GetValues(typeof(SyncAction)).Cast<SyncAction>()
            .Select(a => (Action: a, Count: plan.Count(a))).Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {p.Action}");
        return plan.Changes.Count == 0 ? "No change to apply" : $"Apply {plan.Changes.Count} change(s): {string.Join(", ", parts)}";
    }

    private static T Parse<T>(string value) where T : struct => (T)Enum.Parse(typeof(T), value, true);
}
