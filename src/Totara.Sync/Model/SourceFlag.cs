using System;

namespace Totara.Sync;

/// <summary>
/// Reads a yes/no cell (HR Import's suspended and deleted columns, Get-ADUser's Enabled): 1/0,
/// true/false, yes/no, y/n. An empty cell is no value at all, as for every other field: it
/// neither suspends nor unsuspends, whatever -EmptyFieldAction says; only an explicit false does.
/// </summary>
public static class SourceFlag
{
    /// <summary>True or false, or null for an empty cell; throws FormatException naming the column for anything else.</summary>
    public static bool? Parse(string column, string? text)
    {
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "": return null;
            case "1": case "true": case "yes": case "y": return true;
            case "0": case "false": case "no": case "n": return false;
            default: throw new FormatException($"the {column} column's value '{text}' is not 1/0, true/false or yes/no.");
        }
    }
}
