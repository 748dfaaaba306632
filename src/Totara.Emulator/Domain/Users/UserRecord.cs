namespace Totara.Emulator.Domain;

/// <summary>One user row of the emulated site (Totara's mdl_user), as the API can see it.</summary>
public sealed class UserRecord
{
    public long Id { get; init; }
    public string Username { get; set; } = "";
    public string? IdNumber { get; set; }
    public string Email { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? MiddleName { get; set; }
    public string? AlternateName { get; set; }
    public string? FirstNamePhonetic { get; set; }
    public string? LastNamePhonetic { get; set; }
    public string? Address { get; set; }
    public string? Phone1 { get; set; }
    public string? Phone2 { get; set; }
    public string? Department { get; set; }
    public string? Institution { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? Description { get; set; }
    public string? DescriptionFormat { get; set; }
    public string? Lang { get; set; } = "en";
    public string? Theme { get; set; }
    public string? Timezone { get; set; } = "99";
    public string? Url { get; set; }
    public string? Skype { get; set; }
    public string? Auth { get; set; } = "manual";
    public bool Suspended { get; set; }
    public bool Deleted { get; set; }
    public bool HasPassword { get; set; }
    public long FirstAccess { get; set; }
    public long LastAccess { get; set; }
    public long TimeCreated { get; set; }
    public long TimeModified { get; set; }

    /// <summary>Custom profile field values by field shortname.</summary>
    public Dictionary<string, string?> CustomFields { get; } = new(StringComparer.Ordinal);

    public string FullName => $"{FirstName} {LastName}".Trim();
}
