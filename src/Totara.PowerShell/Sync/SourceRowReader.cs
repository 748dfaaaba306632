using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>
/// Turns any piped object into a sync source row: HR CSV columns (HR Import's names), Get-ADUser
/// properties, or TotaraUser objects from another site, by the same names and aliases the user
/// cmdlets bind. A property whose value is null is not in the row; an empty string is an empty cell.
/// </summary>
/// <remarks>
/// Id, FullName and the other read-only TotaraUser properties are ignored: a user's id belongs to
/// its own site. Custom profile fields come from a CustomFields hashtable or from
/// <c>customfield_&lt;shortname&gt;</c> columns (HR Import's names); audiences from an Audiences
/// (or Cohorts) column, a list or one text separated by ';' or '|'; a job assignment from HR
/// Import's job columns (jobassignmentidnumber, posidnumber, manageridnumber, ...).
/// </remarks>
internal static class SourceRowReader
{
    // An Audiences cell lists audiences separated by ';' or '|'.
    private static readonly char[] ListSeparators = { ';', '|' };

    private const string Suspended = "@suspended";
    private const string Enabled = "@enabled";
    private const string Deleted = "@deleted";
    private const string CustomFields = "@custom";
    private const string Audiences = "@audiences";
    private const string Password = "@password";
    private const string CustomFieldPrefix = "customfield_";

    private static readonly Dictionary<string, string> Columns = Build();

    /// <summary>Every column name the reader knows (HR Import's, the module's and Get-ADUser's), for suggestions.</summary>
    public static IEnumerable<string> KnownColumns
    {
        get
        {
            foreach (var name in Columns.Keys) yield return name;
            foreach (var name in SourceJob.Columns) yield return name;
        }
    }

    /// <summary>
    /// Reads one object; <paramref name="problems"/> gets a message per column that cannot be read, and
    /// <paramref name="unknown"/> the columns of a CSV row or hashtable that the reader does not know
    /// (a typed object's other properties, a Get-ADUser's DistinguishedName say, are not columns).
    /// </summary>
    public static SourceUser Read(PSObject input, int rowNumber, List<(string Column, string Message)> problems, ICollection<string>? unknown = null)
    {
        var row = new SourceUser(rowNumber, input);
        var columns = input.BaseObject is PSCustomObject or IDictionary ? unknown : null;
        ReadColumns(row, input, problems, columns);
        return row;
    }

    private static void ReadColumns(SourceUser row, PSObject input, List<(string Column, string Message)> problems, ICollection<string>? unknown)
    {
        if (input.BaseObject is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
                TryApply(row, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", entry.Value, problems, unknown);
            return;
        }
        foreach (var property in input.Properties)
        {
            object? value;
            try
            {
                value = property.Value;
            }
            catch (GetValueException)
            {
                continue;   // a property whose getter throws is not a column
            }
            TryApply(row, property.Name, value, problems, unknown);
        }
    }

    private static void TryApply(SourceUser row, string name, object? value, List<(string Column, string Message)> problems, ICollection<string>? unknown)
    {
        try
        {
            if (!Apply(row, name, value)) unknown?.Add(name);
        }
        catch (FormatException ex)
        {
            problems.Add((name, ex.Message));
        }
    }

    /// <summary>Applies one column to the row; false when the reader does not know the column.</summary>
    private static bool Apply(SourceUser row, string name, object? value)
    {
        value = Unwrap(value);
        if (value is null) return true;
        if (!Columns.TryGetValue(name, out var target))
        {
            if (name.StartsWith(CustomFieldPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > CustomFieldPrefix.Length)
                row.SetCustomField(name.Substring(CustomFieldPrefix.Length), Text(value));
            else if (!IsJobColumn(name))
                return false;
            else if (Text(value).Trim().Length > 0)
                (row.Job ??= new SourceJob()).Set(name, Text(value));   // a row whose job cells are all empty has no job
            return true;
        }
        ApplyKnown(row, name, target, value);
        return true;
    }

    private static void ApplyKnown(SourceUser row, string name, string target, object value)
    {
        switch (target)
        {
            case Suspended:
                // An empty cell is no value: it leaves the user as they are (and lets an Enabled column speak).
                row.HasSuspendedColumn = true;
                if (Flag(name, value) is bool suspended) row.Suspended = suspended;
                return;
            case Deleted:
                row.Deleted = Flag(name, value) ?? false;
                return;
            case Enabled:
                // Get-ADUser's Enabled: a disabled account is a suspended user (an explicit Suspended column wins).
                row.HasSuspendedColumn = true;
                if (Flag(name, value) is bool enabled) row.Suspended ??= !enabled;
                return;
            case CustomFields:
                if (value is IDictionary fields)
                    foreach (DictionaryEntry entry in fields)
                        row.SetCustomField(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", Text(Unwrap(entry.Value)));
                return;
            case Audiences:
                row.Audiences = List(value);
                return;
            case Password:
                // HR Import's password column; a blank cell lets the site generate one.
                if (Secret(value) is { Length: > 0 } password) row.Password = password;
                return;
            default:
                // The first non-empty value wins when two aliases of one field are present (Email and mail).
                if (row.Get(target) is { Length: > 0 }) return;
                row.Set(target, Text(value));
                return;
        }
    }

    private static bool IsJobColumn(string name)
    {
        foreach (var column in SourceJob.Columns)
            if (string.Equals(column, name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool? Flag(string name, object value) => value is bool b ? b : SourceFlag.Parse(name, Text(value));

    private static IReadOnlyList<string> List(object value)
    {
        var list = new List<string>();
        if (value is IEnumerable items && value is not string)
        {
            foreach (var item in items) if (Text(Unwrap(item)).Trim() is { Length: > 0 } text) list.Add(text);
            return list;
        }
        foreach (var part in Text(value).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
            if (part.Trim() is { Length: > 0 } text) list.Add(text);
        return list;
    }

    // A SecureString cell (Read-Host -AsSecureString) or plain text.
    private static string Secret(object value) =>
        value is System.Security.SecureString secure ? new NetworkCredential("", secure).Password : Text(value);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in SyncFields.Names) map[field] = field;
        void Alias(string field, params string[] names) { foreach (var name in names) map[name] = field; }
        Alias("username", "SamAccountName", "UserName");
        Alias("idnumber", "IdNumber", "EmployeeID", "EmployeeNumber");
        Alias("email", "EmailAddress", "mail");
        Alias("firstname", "FirstName", "GivenName");
        Alias("lastname", "LastName", "Surname", "sn");
        Alias("institution", "Company");
        Alias("city", "l");
        Alias("country", "c");
        Alias("address", "StreetAddress");
        Alias("phone1", "telephoneNumber", "OfficePhone");
        Alias("phone2", "MobilePhone", "mobile");
        Alias("lang", "Language");
        Alias(Suspended, "Suspended");
        Alias(Enabled, "Enabled");
        Alias(Deleted, "Deleted");
        Alias(CustomFields, "CustomFields", "CustomField");
        Alias(Audiences, "Audiences", "Audience", "Cohorts", "Cohort");
        Alias(Password, "password");
        return map;
    }
}
