using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using Totara.Client.Users;

namespace Totara.PowerShell.Users;

/// <summary>
/// A Totara user, as Get-TotaraUser and the other user cmdlets return it. Properties the
/// command did not ask the site for are null (see -Property). Pipe it into Set-, Disable-,
/// Enable- or Remove-TotaraUser: it names its user by id on the same site, by username on another.
/// </summary>
public sealed class TotaraUser
{
    internal TotaraUser(UserRecordData data, Uri site)
    {
        Site = site;
        Id = data.Id;
        Username = data.Username;
        IdNumber = data.IdNumber;
        FirstName = data.FirstName;
        LastName = data.LastName;
        Email = data.Email;
        Suspended = data.Suspended;
        FullName = data.Get("fullname") ?? JoinName(data.FirstName, data.LastName);
        MiddleName = data.Get("middlename");
        AlternateName = data.Get("alternatename");
        FirstNamePhonetic = data.Get("firstnamephonetic");
        LastNamePhonetic = data.Get("lastnamephonetic");
        Department = data.Get("department");
        Institution = data.Get("institution");
        City = data.Get("city");
        Country = data.Get("country");
        Address = data.Get("address");
        Phone1 = data.Get("phone1");
        Phone2 = data.Get("phone2");
        Description = data.Get("description");
        DescriptionFormat = data.Get("descriptionformat");
        Url = data.Get("url");
        Skype = data.Get("skype");
        Language = data.Get("lang");
        Theme = data.Get("theme");
        Timezone = data.Get("timezone");
        Interests = data.Get("interests");
        FirstAccess = Date(data.Get("firstaccess"));
        LastAccess = Date(data.Get("lastaccess"));
        if (data.CustomFields is { } custom)
        {
            CustomFields = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in custom.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)) CustomFields[pair.Key] = pair.Value;
        }
        JobAssignments = data.JobAssignments?.ToArray();
    }

    /// <summary>The user's id on <see cref="Site"/>; always asked for, and what names the user when the object is piped back to the same site.</summary>
    public long Id { get; }

    /// <summary>The user's login name, in lower case as Totara stores it; always asked for, and what names the user on another site.</summary>
    public string? Username { get; }

    /// <summary>The user's idnumber, the key HR systems and integrations set; always asked for; null or empty when the user has none.</summary>
    public string? IdNumber { get; }

    /// <summary>The user's first name; always asked for.</summary>
    public string? FirstName { get; }

    /// <summary>The user's last name; always asked for.</summary>
    public string? LastName { get; }

    /// <summary>The name as the site displays it (-Property FullName); when not asked for, the first and last names joined, and null only when both are empty.</summary>
    public string? FullName { get; }

    /// <summary>The user's email address; always asked for. A string with an @ given as a user identity is looked up by it first.</summary>
    public string? Email { get; }

    /// <summary>True when the user is suspended (cannot log in); null when not asked for.</summary>
    public bool? Suspended { get; }

    /// <summary>The user's middle name (-Property MiddleName); null when not asked for.</summary>
    public string? MiddleName { get; }

    /// <summary>The name the user goes by, where the site's name format shows one (-Property AlternateName); null when not asked for.</summary>
    public string? AlternateName { get; }

    /// <summary>How the first name is pronounced (-Property FirstNamePhonetic); null when not asked for.</summary>
    public string? FirstNamePhonetic { get; }

    /// <summary>How the last name is pronounced (-Property LastNamePhonetic); null when not asked for.</summary>
    public string? LastNamePhonetic { get; }

    /// <summary>The user's department, a free-text profile field (-Property Department); null when not asked for.</summary>
    public string? Department { get; }

    /// <summary>The user's institution, a free-text profile field (-Property Institution); null when not asked for.</summary>
    public string? Institution { get; }

    /// <summary>The user's city or town (-Property City); null when not asked for.</summary>
    public string? City { get; }

    /// <summary>The country as the site displays it (e.g. "New Zealand"); set it with a two-letter code.</summary>
    public string? Country { get; }

    /// <summary>The user's postal address (-Property Address); null when not asked for.</summary>
    public string? Address { get; }

    /// <summary>The user's first phone number, as typed (-Property Phone1); null when not asked for.</summary>
    public string? Phone1 { get; }

    /// <summary>The user's second (mobile) phone number, as typed (-Property Phone2); null when not asked for.</summary>
    public string? Phone2 { get; }

    /// <summary>The user's profile description as stored, not rendered (it may hold HTML; see <see cref="DescriptionFormat"/>) (-Property Description); null when not asked for.</summary>
    public string? Description { get; }

    /// <summary>The format <see cref="Description"/> is in, as the site names it (HTML, PLAIN, MARKDOWN, JSON_EDITOR, ...) (-Property DescriptionFormat); null when not asked for.</summary>
    public string? DescriptionFormat { get; }

    /// <summary>The web page on the user's profile (-Property Url); null when not asked for.</summary>
    public string? Url { get; }

    /// <summary>The Skype name on the user's profile (-Property Skype); null when not asked for.</summary>
    public string? Skype { get; }

    /// <summary>The user's language code, e.g. en (Totara's lang field) (-Property Language); null when not asked for.</summary>
    public string? Language { get; }

    /// <summary>The theme the user chose; empty when they use the site's (-Property Theme); null when not asked for.</summary>
    public string? Theme { get; }

    /// <summary>The user's time zone, e.g. Pacific/Auckland, or 99 for the server's (-Property Timezone); null when not asked for.</summary>
    public string? Timezone { get; }

    /// <summary>The user's interests (tags on the profile) as the site sends them (-Property Interests); null when not asked for or the user has none.</summary>
    public string? Interests { get; }

    /// <summary>When the user first logged in (read as ISO-8601, UTC when the site gives no offset) (-Property FirstAccess); null when they never have or it was not asked for.</summary>
    public DateTimeOffset? FirstAccess { get; }

    /// <summary>When the user was last seen on the site (read as ISO-8601, UTC when the site gives no offset) (-Property LastAccess); null when they never have been or it was not asked for.</summary>
    public DateTimeOffset? LastAccess { get; }

    /// <summary>Custom profile fields by shortname (-Property CustomFields); null when not asked for.</summary>
    public Hashtable? CustomFields { get; }

    /// <summary>The user's job assignments (-Property JobAssignments); null when not asked for.</summary>
    public UserJobAssignmentData[]? JobAssignments { get; }

    /// <summary>The site the user belongs to.</summary>
    public Uri Site { get; }

    /// <summary>The username, or the id when the username was not returned.</summary>
    public override string ToString() => Username ?? Id.ToString(CultureInfo.InvariantCulture);

    private static string? JoinName(string? first, string? last)
    {
        var name = $"{first} {last}".Trim();
        return name.Length == 0 ? null : name;
    }

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
