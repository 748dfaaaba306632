namespace Totara.PowerShell.Users;

/// <summary>Which users Get-TotaraUser lists (the values match Totara.Client's UserStatusFilter).</summary>
public enum TotaraUserStatus
{
    /// <summary>Users who can log in (Totara's default).</summary>
    Active,

    /// <summary>Suspended users only.</summary>
    Suspended,

    /// <summary>Active and suspended users (deleted users are never listed).</summary>
    All,
}

/// <summary>The columns Get-TotaraUser can sort by (the values match Totara.Client's UserSortField).</summary>
public enum TotaraUserSort
{
    Id,
    FirstName,
    LastName,
    Username,
    TimeModified,
}
