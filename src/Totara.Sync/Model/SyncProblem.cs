namespace Totara.Sync;

/// <summary>A source row the sync refused: which row, its key, the field at fault and what was wrong.</summary>
public sealed class SyncProblem
{
    /// <summary>Records why a row was refused.</summary>
    /// <param name="row">The row refused.</param>
    /// <param name="key">The row's match key, if it has one.</param>
    /// <param name="field">The API field at fault; null for the whole row.</param>
    /// <param name="message">What was wrong, without the row's name.</param>
    public SyncProblem(SourceUser row, string? key, string? field, string message)
    {
        Row = row;
        Key = key;
        Field = field;
        Message = message;
    }

    /// <summary>The row refused, with its original record.</summary>
    public SourceUser Row { get; }

    /// <summary>The row's 1-based position in the source.</summary>
    public int RowNumber => Row.RowNumber;

    /// <summary>The row's match key, when it has one.</summary>
    public string? Key { get; }

    /// <summary>The API field at fault (e.g. email); null when the whole row is.</summary>
    public string? Field { get; }

    /// <summary>What was wrong, without the row's name.</summary>
    public string Message { get; }

    /// <summary>e.g. "Row 7 (idnumber 'E1007'), field email: 'x' is not a valid email address."</summary>
    public override string ToString()
    {
        var row = Key is null ? $"Row {RowNumber}" : $"Row {RowNumber} ({Key})";
        return Field is null ? $"{row}: {Message}" : $"{row}, field {Field}: {Message}";
    }
}
