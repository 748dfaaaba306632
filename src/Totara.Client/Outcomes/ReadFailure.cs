namespace Totara.Client.Outcomes;

/// <summary>How a read of one record by its reference decides that the record is not there.</summary>
internal static class ReadFailure
{
    /// <summary>See <see cref="RecordOutcome.IsMissingOnRead"/>: not found, or failed without text.</summary>
    public static bool MeansMissing(TotaraGraphQLError? error) => error?.Outcome.IsMissingOnRead == true;
}
