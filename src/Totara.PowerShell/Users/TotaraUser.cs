using System;
using System.Collections;
using System.Collections.Generic;
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

    public long Id { get; }

    public string? Username { get; }

    public string? IdNumber { get; }

    public string? FirstName { get; }

    public string? LastName { get; }

    public string? FullName { get; }

    public string? Email { get; }

    /// <summary>True when the user is suspended (cannot log in); null when not asked for.</summary>
    public bool? Suspended { get; }

    public string? MiddleName { get; }

    public string? AlternateName { get; }

    public string? FirstNamePhonetic { get; }

    public string? LastNamePhonetic { get; }

    public string? Department { get; }

    public string? Institution { get; }

    public string? City { get; }

    /// <summary>The country as the site displays it (e.g. "New Zealand"); set it with a two-letter code.</summary>
    public string? Country { get; }

    public string? Address { get; }

    public string? Phone1 { get; }

    public string? Phone2 { get; }

    public string? Description { get; }

    public string? DescriptionFormat { get; }

    public string? Url { get; }

    public string? Skype { get; }

    public string? Language { get; }

    public string? Theme { get; }

    public string? Timezone { get; }

    public string? Interests { get; }

    public DateTimeOffset? FirstAccess { get; }

    public DateTimeOffset? LastAccess { get; }

    /// <summary>Custom profile fields by shortname (-Property CustomFields); null when not asked for.</summary>
    public Hashtable? CustomFields { get; }

    /// <summary>The user's job assignments (-Property JobAssignments); null when not asked for.</summary>
    public UserJobAssignmentData[]? JobAssignments { get; }

    /// <summary>The site the user belongs to.</summary>
    public Uri Site { get; }

    public override string ToString() => Username ?? Id.ToString(CultureInfo.InvariantCulture);

    private static string? JoinName(string? first, string? last)
    {
        var name = $"{first} {last}".Trim();
        return name.Length == 0 ? null : name;
    }

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
