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
    /// <summary>By id, the order the site pages in (the cheapest: nothing is held back to sort).</summary>
    Id,
    /// <summary>By first name; the client reads every matching user and sorts them (ties by id) before the first is written.</summary>
    FirstName,
    /// <summary>By last name; the client reads every matching user and sorts them (ties by id) before the first is written.</summary>
    LastName,
    /// <summary>By username; the client reads every matching user and sorts them (ties by id) before the first is written.</summary>
    Username,
    /// <summary>By when the user was last changed, oldest first unless -Descending (the site pages by timemodified, then id).</summary>
    TimeModified,
}
