using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using Totara.Client;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Users;

/// <summary>
/// The profile parameters New-TotaraUser and Set-TotaraUser share, bound by property name with
/// the column names of HR exports and Get-ADUser, and how they become a <see cref="UserChange"/>.
/// </summary>
/// <remarks>
/// A parameter counts as given when it is on the command line, or — for pipeline input other than
/// a TotaraUser — when the piped object has the property. Empty values from the pipeline (empty
/// CSV cells) are not sent; an empty value on the command line is sent and erases the field.
/// A piped TotaraUser only names the user: its other properties are not sent again.
/// </remarks>
public abstract class UserProfileCmdlet : BatchingCmdlet<UserRecord>
{
    /// <summary>First name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("GivenName")]
    public string? FirstName { get; set; }

    /// <summary>Last name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Surname", "sn")]
    public string? LastName { get; set; }

    /// <summary>Email address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("EmailAddress", "mail")]
    public string? Email { get; set; }

    /// <summary>The id number (employee number) that HR systems match users on.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("EmployeeID", "EmployeeNumber")]
    public string? IdNumber { get; set; }

    /// <summary>Middle name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? MiddleName { get; set; }

    /// <summary>Alternate name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? AlternateName { get; set; }

    /// <summary>Phonetic first name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? FirstNamePhonetic { get; set; }

    /// <summary>Phonetic last name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? LastNamePhonetic { get; set; }

    /// <summary>Department.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Department { get; set; }

    /// <summary>Institution (organisation name on the profile).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Company")]
    public string? Institution { get; set; }

    /// <summary>City.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("l")]
    public string? City { get; set; }

    /// <summary>Two-letter ISO 3166 country code.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("c")]
    public string? Country { get; set; }

    /// <summary>Postal address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("StreetAddress")]
    public string? Address { get; set; }

    /// <summary>Primary phone.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("telephoneNumber", "OfficePhone")]
    public string? Phone1 { get; set; }

    /// <summary>Secondary (mobile) phone.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("MobilePhone", "mobile")]
    public string? Phone2 { get; set; }

    /// <summary>Profile description.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>Profile web page.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Url { get; set; }

    /// <summary>Language code, e.g. en.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Lang")]
    public string? Language { get; set; }

    /// <summary>Time zone, e.g. Pacific/Auckland.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Timezone { get; set; }

    /// <summary>Authentication plugin, e.g. manual, ldap, saml2.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Auth { get; set; }

    /// <summary>Custom profile fields by shortname; a $null value deletes the field's value (Set-TotaraUser only).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("CustomFields")]
    public Hashtable? CustomField { get; set; }

    /// <summary>The password (internal authentication).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? Password { get; set; }

    /// <summary>Makes the user change the password at the next login.</summary>
    [Parameter]
    public SwitchParameter ForcePasswordChange { get; set; }

    /// <summary>Has the site generate a password and email it to the user.</summary>
    [Parameter]
    public SwitchParameter GeneratePassword { get; set; }

    /// <summary>The change the bound parameters describe; <paramref name="usePipeline"/> false ignores values from the piped object.</summary>
    private protected UserChange BuildChange(bool usePipeline)
    {
        var change = new UserChange();
        foreach (var (parameter, field, value) in TextParameters())
        {
            if (!MyInvocation.BoundParameters.ContainsKey(parameter)) continue;
            var isExplicit = IsExplicit(parameter);
            // As the sync reads a source: surrounding spaces go, and a country may be named.
            var text = value?.Trim();
            if (!isExplicit && (!usePipeline || string.IsNullOrEmpty(text))) continue;
            if (field == "country" && text is { Length: > 2 }) text = CountryCodes.ToCode(text) ?? text;
            change.Set(field, text);
        }

        if (CustomField is not null && MyInvocation.BoundParameters.ContainsKey(nameof(CustomField)) && (usePipeline || IsExplicit(nameof(CustomField))))
        {
            foreach (DictionaryEntry entry in CustomField)
            {
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                change.SetCustomField(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (Password is not null) change.SetPassword(SecureText.Read(Password));
        if (ForcePasswordChange.IsPresent) change.SetFlag("force_password_change", ForcePasswordChange.ToBool());
        if (GeneratePassword.IsPresent) change.SetFlag("generate_password", GeneratePassword.ToBool());
        return change;
    }

    private IEnumerable<(string Parameter, string Field, string? Value)> TextParameters() => new (string, string, string?)[]
    {
        (nameof(FirstName), "firstname", FirstName), (nameof(LastName), "lastname", LastName), (nameof(Email), "email", Email),
        (nameof(IdNumber), "idnumber", IdNumber), (nameof(MiddleName), "middlename", MiddleName),
        (nameof(AlternateName), "alternatename", AlternateName), (nameof(FirstNamePhonetic), "firstnamephonetic", FirstNamePhonetic),
        (nameof(LastNamePhonetic), "lastnamephonetic", LastNamePhonetic), (nameof(Department), "department", Department),
        (nameof(Institution), "institution", Institution), (nameof(City), "city", City), (nameof(Country), "country", Country),
        (nameof(Address), "address", Address), (nameof(Phone1), "phone1", Phone1), (nameof(Phone2), "phone2", Phone2),
        (nameof(Description), "description", Description), (nameof(Url), "url", Url), (nameof(Language), "lang", Language),
        (nameof(Timezone), "timezone", Timezone), (nameof(Auth), "auth", Auth),
    };
}
