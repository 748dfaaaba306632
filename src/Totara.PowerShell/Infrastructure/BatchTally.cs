using System.Collections.Generic;

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// What a batching command has done so far: records read, sent, succeeded, failed and refused
/// before sending; and how that reads in progress, the closing verbose line and a stop report.
/// </summary>
internal sealed class BatchTally
{
    public int Received { get; private set; }

    public int Sent { get; private set; }

    public int Succeeded { get; private set; }

    public int Failed { get; private set; }

    public int Refused { get; private set; }

    /// <summary>Counts a record read; its 1-based number.</summary>
    public int NextRecord() => ++Received;

    public void CountRefused() => Refused++;

    public void CountSent(int records) => Sent += records;

    /// <summary>Counts a record sent as a whole batch that failed (no record of it was settled).</summary>
    public void CountFailed(int records) => Failed += records;

    /// <summary>Counts a settled record by its own verdict.</summary>
    public void CountSettled(BatchRecord record)
    {
        if (record.Succeeded) Succeeded++; else Failed++;
    }

    /// <summary>Counts settled records by their own verdict.</summary>
    public void CountSettled(IEnumerable<BatchRecord> records)
    {
        foreach (var record in records) CountSettled(record);
    }

    public string Progress => $"{Sent} record(s) sent: {Succeeded} succeeded, {Failed} failed, {Refused} refused before sending";

    public string Summary(string activity) =>
        $"{activity}: {Received} record(s) read, {Sent} sent, {Succeeded} succeeded, {Failed} failed, {Refused} refused before sending.";

    /// <summary>The stop report; <paramref name="answered"/> adds batches answered but not yet counted (a stop from another thread).</summary>
    public string StopMessage(string activity, string? problem, (int Sent, int Succeeded, int Failed) answered = default)
    {
        var sent = Sent + answered.Sent;
        return $"{activity} stopped: {Received} record(s) read, {sent} sent ({Succeeded + answered.Succeeded} succeeded, {Failed + answered.Failed} failed), " +
               $"{Received - sent - Refused} not sent. " + (problem ?? "Every record sent has its final state.");
    }
}
