using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>
/// The source rows as they come down the pipeline: the readable ones for the engine, the problems of
/// the others, and a warning, once per column, for a column the sync does not read.
/// </summary>
internal sealed class SourceRows
{
    private readonly Cmdlet _cmdlet;
    private readonly List<SyncProblem> _unreadable = new();
    private readonly HashSet<string> _unknownColumns = new(StringComparer.OrdinalIgnoreCase);

    public SourceRows(Cmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>The rows that could be read, in pipeline order.</summary>
    public List<SourceUser> Readable { get; } = new();

    /// <summary>Reads one pipeline object.</summary>
    public void Add(PSObject input)
    {
        var problems = new List<(string Column, string Message)>();
        var unknown = new List<string>();
        var row = SourceRowReader.Read(input, Readable.Count + _unreadable.Count + 1, problems, unknown);
        foreach (var column in unknown) WarnUnknownColumn(column);
        if (problems.Count == 0) Readable.Add(row);
        else _unreadable.AddRange(problems.Select(p => new SyncProblem(row, null, p.Column, p.Message)));
    }

    /// <summary>
    /// The problems of the unreadable rows and of <paramref name="validation"/>, by row number. An
    /// unreadable row still names a user, so that user is not taken for missing from the source.
    /// </summary>
    public List<SyncProblem> Problems(SourceValidation validation)
    {
        foreach (var unreadable in _unreadable) validation.Protect(unreadable.Row);
        return _unreadable.Concat(validation.Problems).OrderBy(p => p.RowNumber).ToList();
    }

    // Once per column: a mistyped header (emial) would otherwise be dropped without a word.
    private void WarnUnknownColumn(string column)
    {
        if (!_unknownColumns.Add(column)) return;
        var nearest = NearestName.Find(column, SourceRowReader.KnownColumns);
        _cmdlet.WriteWarning($"Column '{column}' is not one Invoke-TotaraSync reads; its values are ignored." +
                             (nearest is null ? "" : $" Did you mean '{nearest}'?"));
    }
}
