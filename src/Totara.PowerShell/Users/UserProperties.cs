using System;
using System.Collections.Generic;
using System.Linq;

namespace Totara.PowerShell.Users;

/// <summary>
/// The one map between the module's property and parameter names (FirstName, Language,
/// CustomFields) and the API's field names (firstname, lang, custom_fields).
/// </summary>
internal static class UserProperties
{
    private static readonly (string Property, string Field)[] Map =
    {
        ("Id", "id"), ("Username", "username"), ("IdNumber", "idnumber"), ("FirstName", "firstname"),
        ("LastName", "lastname"), ("Email", "email"), ("Suspended", "suspended"), ("FullName", "fullname"),
        ("MiddleName", "middlename"), ("AlternateName", "alternatename"), ("FirstNamePhonetic", "firstnamephonetic"),
        ("LastNamePhonetic", "lastnamephonetic"), ("Department", "department"), ("Institution", "institution"),
        ("City", "city"), ("Country", "country"), ("Address", "address"), ("Phone1", "phone1"), ("Phone2", "phone2"),
        ("Description", "description"), ("DescriptionFormat", "descriptionformat"), ("Url", "url"), ("Skype", "skype"),
        ("Language", "lang"), ("Theme", "theme"), ("Timezone", "timezone"), ("Interests", "interests"),
        ("FirstAccess", "firstaccess"), ("LastAccess", "lastaccess"), ("CustomFields", "custom_fields"),
        ("JobAssignments", "job_assignments"), ("Auth", "auth"), ("CalendarType", "calendartype"),
        ("EmailStop", "emailstop"), ("Password", "password"), ("ForcePasswordChange", "force_password_change"),
        ("GeneratePassword", "generate_password"),
    };

    /// <summary>The names -Property accepts ('*' asks for everything).</summary>
    public const string ReadableNames =
        "FullName,MiddleName,AlternateName,FirstNamePhonetic,LastNamePhonetic,Department,Institution,City,Country,Address," +
        "Phone1,Phone2,Description,DescriptionFormat,Url,Skype,Language,Theme,Timezone,Interests,FirstAccess,LastAccess," +
        "CustomFields,JobAssignments";

    /// <summary>The API field for a property name (case-insensitive), or null.</summary>
    public static string? FieldOf(string property) =>
        Map.FirstOrDefault(pair => string.Equals(pair.Property, property, StringComparison.OrdinalIgnoreCase)).Field;

    /// <summary>The property (parameter) name for an API field, or the field itself when unmapped.</summary>
    public static string PropertyOf(string field) =>
        Map.FirstOrDefault(pair => string.Equals(pair.Field, field, StringComparison.Ordinal)).Property ?? field;

    /// <summary>The API fields for -Property values; '*' means all of them.</summary>
    public static IEnumerable<string> FieldsOf(IEnumerable<string>? properties)
    {
        foreach (var property in properties ?? Enumerable.Empty<string>())
        {
            if (property == "*")
            {
                foreach (var name in ReadableNames.Split(',')) yield return FieldOf(name)!;
                continue;
            }
            yield return FieldOf(property) ?? throw new ArgumentException($"'{property}' is not a user property.");
        }
    }
}
