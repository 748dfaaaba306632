namespace Totara.Client.Batching;

/// <summary>An operation waiting in a batch: its input position, alias and estimated cost.</summary>
internal sealed class PendingOperation
{
    public PendingOperation(int index, BatchOperation operation, int cost)
    {
        Index = index;
        Operation = operation;
        Cost = cost;
        Alias = "a" + index;
    }

    public int Index { get; }

    public BatchOperation Operation { get; }

    public int Cost { get; }

    /// <summary>The alias in the request; its variables are named <c>{alias}_{argument}</c>.</summary>
    public string Alias { get; }

    /// <summary>How many times this operation's answer was lost and it was resent.</summary>
    public int LostAnswers { get; set; }

    /// <summary>How many times it was resent for any other reason (split, not reached).</summary>
    public int Resends { get; set; }

    public string VariableName(BatchArgument argument) => Alias + "_" + argument.Name;

    public override string ToString() => $"{Alias}: {Operation}";
}
