using System;
using System.Linq;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>Invoke-TotaraSync's parameters as the engine's options, and the plan as one line for -WhatIf/-Confirm.</summary>
internal static class SyncParameters
{
    /// <summary>The options; throws ArgumentException or FormatException naming what is wrong.</summary>
    public static SyncOptions ToOptions(string matchOn, bool sourceIsComplete, string missingUserAction, string emptyFieldAction,
        string cohortMode, string maxRemovals, bool force, string? serviceAccount, string? statePath)
    {
        var options = new SyncOptions
        {
            MatchOn = Parse<SyncMatchOn>(matchOn),
            SourceIsComplete = sourceIsComplete,
            MissingUserAction = Parse<MissingUserAction>(missingUserAction),
            EmptyFieldAction = Parse<EmptyFieldAction>(emptyFieldAction),
            CohortMode = Parse<CohortMode>(cohortMode),
            MaxRemovals = RemovalLimit.Parse(maxRemovals),
            Force = force,
            ServiceAccount = serviceAccount,
            StatePath = statePath,
        };
        options.Validate();
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
