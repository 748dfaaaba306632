using System;
using System.Collections.Generic;
using System.Linq;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// Checks the whole source before anything is read or sent: every row needs its match key, values
/// must be well formed (Totara's own input rules), and no key may appear twice (every row that
/// shares it is refused: which one is right cannot be known). Refused rows are reported, and
/// their keys are remembered so a complete source never suspends a user only because their row was bad.
/// </summary>
public static class SourceValidator
{
    /// <summary>Checks every row; never throws for a bad row, which is reported in <see cref="SourceValidation.Problems"/> instead.</summary>
    /// <param name="source">The source rows, in source order.</param>
    /// <param name="options">The match key and the options the rows are checked against.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="options"/> is null.</exception>
    public static SourceValidation Validate(IReadOnlyList<SourceUser> source, SyncOptions options)
    {
        if (source is null) throw new ArgumentNullException(nameof(source));
        if (options is null) throw new ArgumentNullException(nameof(options));
        var result = new SourceValidation(source.Count);
        var rows = SetAsideSiteAccounts(source, result);
        var refused = new bool[rows.Count];
        var match = options.MatchField;

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var problems = CheckRow(row, options);
            if (problems.Count == 0) continue;
            refused[i] = true;
            foreach (var problem in problems) result.Problems.Add(problem);
        }

        // Duplicates of the match key, the username and the email, across the whole source.
        foreach (var field in new[] { match, SyncFields.Username, SyncFields.Email }.Distinct())
            RefuseDuplicates(rows, field, match, refused, result);

        JobValidator.Check(rows, refused, result, match);

        for (var i = 0; i < rows.Count; i++)
        {
            if (!refused[i]) result.Valid.Add(rows[i]);
            else result.Protect(rows[i]);
        }
        result.Problems.Sort((a, b) => a.RowNumber.CompareTo(b.RowNumber));
        return result;
    }

    /// <summary>
    /// Rows for Totara's own guest and admin accounts are set aside before any check: every site has
    /// its own (another Totara site's export carries them, and guest's email root@localhost is not one
    /// a user could be given), and a sync never changes them.
    /// </summary>
    private static List<SourceUser> SetAsideSiteAccounts(IReadOnlyList<SourceUser> source, SourceValidation result)
    {
        var rows = new List<SourceUser>(source.Count);
        foreach (var row in source)
        {
            if (IsSiteAccount(row)) result.SiteAccounts.Add(row);
            else rows.Add(row);
        }
        return rows;
    }

    private static bool IsSiteAccount(SourceUser row) =>
        row.Get(SyncFields.Username) is { Length: > 0 } username && SyncOptions.AlwaysProtected.Contains(username.ToLowerInvariant());

    /// <summary>The key as messages show it: idnumber 'E1007'.</summary>
    internal static string? KeyLabel(SourceUser row, int match) =>
        row.KeyFor(match) is { } key ? $"{SyncFields.Names[match]} '{key}'" : null;

    private static List<SyncProblem> CheckRow(SourceUser row, SyncOptions options)
    {
        var problems = new List<SyncProblem>();
        var match = options.MatchField;
        var key = KeyLabel(row, match);
        if (row.KeyFor(match) is null)
            problems.Add(new SyncProblem(row, null, SyncFields.Names[match],
                $"{SyncFields.Names[match]} is empty or missing; it is the key (-MatchOn {options.MatchOn}) every row must have."));

        // Totara's value rules, on the values the row would send.
        var change = new UserChange();
        for (var f = 0; f < SyncFields.Count; f++)
        {
            var value = row.Get(f);
            if (string.IsNullOrEmpty(value)) continue;
            change.Set(SyncFields.Names[f], value);
        }
        foreach (var problem in UserInputRules.CheckUpdate(change))
            if (problem.Field is not null) problems.Add(new SyncProblem(row, key, problem.Field, problem.Message));

        if (options.EmptyFieldAction == EmptyFieldAction.Erase)
        {
            for (var f = 0; f < SyncFields.Count; f++)
            {
                if (f == match || row.Get(f) is not "" || !SyncFields.CannotBeBlank(f)) continue;
                problems.Add(new SyncProblem(row, key, SyncFields.Names[f],
                    $"{SyncFields.Names[f]} is empty, and Totara cannot erase it (-EmptyFieldAction Erase erases other fields only)."));
            }
        }

        if (row.Audiences is { } audiences && audiences.Any(string.IsNullOrWhiteSpace))
            problems.Add(new SyncProblem(row, key, "audiences", "an audience in the list is empty."));
        return problems;
    }

    private static void RefuseDuplicates(IReadOnlyList<SourceUser> rows, int field, int match, bool[] refused, SourceValidation result)
    {
        var first = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        List<int>? duplicates = null;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Get(field) is not { Length: > 0 } value) continue;
            if (!first.TryGetValue(value, out var earlier)) first[value] = i;
            else (duplicates ??= new List<int>()).Add(i);
        }
        if (duplicates is null) return;

        var reported = new HashSet<int>();
        foreach (var i in duplicates)
        {
            var value = rows[i].Get(field)!;
            var earlier = first[value];
            var name = SyncFields.Names[field];
            if (reported.Add(earlier))
                Refuse(rows, earlier, match, name, $"{name} '{value}' appears in more than one row (also row {rows[i].RowNumber}); none of them is applied.", refused, result);
            Refuse(rows, i, match, name, $"{name} '{value}' appears in more than one row (first in row {rows[earlier].RowNumber}); none of them is applied.", refused, result);
        }
    }

    private static void Refuse(IReadOnlyList<SourceUser> rows, int i, int match, string field, string message, bool[] refused, SourceValidation result)
    {
        refused[i] = true;
        result.Problems.Add(new SyncProblem(rows[i], KeyLabel(rows[i], match), field, message));
    }
}

/// <summary>The rows that passed, the problems of those that did not, and the keys of refused rows.</summary>
public sealed class SourceValidation
{
    private readonly HashSet<string> _protectedKeys = new(StringComparer.OrdinalIgnoreCase);

    internal SourceValidation(int capacity) => Valid = new List<SourceUser>(capacity);

    /// <summary>The rows that passed, in source order: the ones planned.</summary>
    public List<SourceUser> Valid { get; }

    /// <summary>What was wrong with each refused row (a row may have several); refused rows are never planned.</summary>
    public List<SyncProblem> Problems { get; } = new();

    /// <summary>Rows for Totara's own guest and admin accounts: set aside unchecked, never synced (each site has its own).</summary>
    public List<SourceUser> SiteAccounts { get; } = new();

    /// <summary>Marks a row's keys as belonging to a refused row (validation or planning).</summary>
    public void Protect(SourceUser row)
    {
        foreach (var field in new[] { SyncFields.Username, SyncFields.IdNumber, SyncFields.Email })
            if (row.Get(field) is { Length: > 0 } value) _protectedKeys.Add(field + "\u0000" + value);
    }

    /// <summary>
    /// True when a refused row carried this value in this field (username, idnumber or email):
    /// the site user with it is left as it is, never suspended or deleted as "missing".
    /// </summary>
    public bool IsProtected(int field, string? value) =>
        !string.IsNullOrEmpty(value) && _protectedKeys.Contains(field + "\u0000" + value);
}
