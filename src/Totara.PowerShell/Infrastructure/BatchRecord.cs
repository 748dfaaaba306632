using System;

namespace Totara.PowerShell.Infrastructure;

/// <summary>One input record of a batching cmdlet: its number in the input, the object it came from, and a label.</summary>
public abstract class BatchRecord
{
    /// <summary>A record as a batching cmdlet reads it from its input, before anything is sent.</summary>
    /// <param name="number">The record's 1-based position in the command's input (<see cref="Number"/>).</param>
    /// <param name="input">The piped object it came from; null when it came from parameters only.</param>
    /// <param name="label">How messages name the record, e.g. a username (<see cref="Label"/>).</param>
    protected BatchRecord(int number, object? input, string label)
    {
        Number = number;
        Input = input;
        Label = label;
    }

    /// <summary>1-based position in the command's input (the CSV row number, for Import-Csv input).</summary>
    public int Number { get; }

    /// <summary>The piped object the record came from; null when it came from parameters only.</summary>
    public object? Input { get; }

    /// <summary>How messages name the record's user, e.g. its username.</summary>
    public string Label { get; }

    /// <summary>The ErrorRecord TargetObject: the input record itself, or its label without pipeline input.</summary>
    public object Target => Input ?? Label;

    /// <summary>
    /// Whether the site applied (or answered) the record, once its batch was sent. The one place a
    /// record's success is decided: the batching base counts it, the area's writer reports it.
    /// </summary>
    internal abstract bool Succeeded { get; }

    /// <summary>The record as "record N (label)", the way record errors name it.</summary>
    public override string ToString() => $"record {Number} ({Label})";
}

/// <summary>A record-level failure: names the record and, when known, the field at fault.</summary>
public sealed class TotaraRecordException : Exception
{
    internal TotaraRecordException(BatchRecord record, string problem, string? field = null, string? category = null, Exception? inner = null)
        : base(Compose(record, problem, field), inner)
    {
        RecordNumber = record.Number;
        RecordLabel = record.Label;
        Field = field;
        Category = category;
        Problem = problem;
    }

    /// <summary>The record's 1-based position in the input.</summary>
    public int RecordNumber { get; }

    /// <summary>How the record is named in the message (its <see cref="BatchRecord.Label"/>, e.g. a username), kept apart so a script can read it without parsing <see cref="Exception.Message"/>.</summary>
    public string RecordLabel { get; }

    /// <summary>The parameter/property at fault (e.g. Email), when known.</summary>
    public string? Field { get; }

    /// <summary>Totara's error category, when the site reported one.</summary>
    public string? Category { get; }

    /// <summary>What was wrong, without the record's name.</summary>
    public string Problem { get; }

    private static string Compose(BatchRecord record, string problem, string? field) =>
        field is null
            ? $"Record {record.Number} ({record.Label}): {problem}"
            : $"Record {record.Number} ({record.Label}), field {field}: {problem}";
}
