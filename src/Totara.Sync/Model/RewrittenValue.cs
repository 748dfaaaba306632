namespace Totara.Sync;

/// <summary>A source value the site stores changed (markup removed): the sync compares the stored form.</summary>
public sealed class RewrittenValue
{
    internal RewrittenValue(string field, int rowNumber, string sent, string stored)
    {
        Field = field;
        RowNumber = rowNumber;
        Sent = sent;
        Stored = stored;
    }

    /// <summary>The API name of the user field whose value the site rewrote.</summary>
    public string Field { get; }
    /// <summary>The 1-based row of the source the value came from.</summary>
    public int RowNumber { get; }
    /// <summary>The value as the source has it.</summary>
    public string Sent { get; }
    /// <summary>The value as the site stores it (markup removed); later runs compare the source with this.</summary>
    public string Stored { get; }
}
