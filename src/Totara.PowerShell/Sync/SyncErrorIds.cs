namespace Totara.PowerShell.Sync;

/// <summary>Error ids of Invoke-TotaraSync, matched like the others (<c>$_.FullyQualifiedErrorId -like 'TotaraSyncInvalidRow,*'</c>).</summary>
public static class SyncErrorIds
{
    /// <summary>A source row was refused (validation or planning); it changed nothing.</summary>
    public const string InvalidRow = "TotaraSyncInvalidRow";

    /// <summary>The removal guard stopped the sync; nothing was changed.</summary>
    public const string RemovalLimitExceeded = "TotaraSyncRemovalLimitExceeded";

    /// <summary>A planned change failed on the site; the others went on.</summary>
    public const string ChangeFailed = "TotaraSyncChangeFailed";

    /// <summary>The state file cannot be read, belongs to another site, or cannot be written.</summary>
    public const string StateFileInvalid = "TotaraSyncStateFileInvalid";

    /// <summary>Another run holds the state file; this one read and changed nothing.</summary>
    public const string StateFileInUse = "TotaraSyncStateFileInUse";
}
