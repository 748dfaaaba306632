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

    public string Field { get; }
    public int RowNumber { get; }
    public string Sent { get; }
    public string Stored { get; }
}
