using System;
using System.Collections.Generic;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// Compares one source row with its site user, field by field: only fields the source carries,
/// only values that differ, an empty value kept or erased as the options say.
/// </summary>
internal static class UserDiff
{
    /// <summary>The fields to update (null when none differ), with each one's old and new value.</summary>
    /// <param name="row">The source row.</param>
    /// <param name="site">The site user the row matched.</param>
    /// <param name="options">Whether an empty value keeps or erases the site's.</param>
    /// <param name="rewritten">Gets each value the site stores changed (see <see cref="PlainTextForm"/>).</param>
    public static (UserChange? Change, List<FieldChange>? Fields) Compare(SourceUser row, SiteUser site, SyncOptions options, ICollection<RewrittenValue>? rewritten = null)
    {
        UserChange? change = null;
        List<FieldChange>? fields = null;
        var erase = options.EmptyFieldAction == EmptyFieldAction.Erase;
        for (var f = 0; f < SyncFields.Count; f++)
        {
            var wanted = row.Get(f);
            if (wanted is null || !SyncFields.IsComparable(f)) continue;
            if (wanted.Length == 0 && (!erase || SyncFields.CannotBeBlank(f))) continue;
            var current = site.Get(f);
            var comparison = SyncFields.IgnoresCase(f) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (string.Equals(current, wanted, comparison)) continue;
            // Markup the site strips on the way in: compare what it keeps, or the value never settles.
            var stored = PlainTextForm.Of(wanted);
            if (!ReferenceEquals(stored, wanted) && string.Equals(current, stored, comparison))
            {
                rewritten?.Add(new RewrittenValue(SyncFields.Names[f], row.RowNumber, wanted, stored));
                continue;
            }
            (change ??= new UserChange()).Set(SyncFields.Names[f], wanted);
            (fields ??= new List<FieldChange>()).Add(new FieldChange(SyncFields.Names[f], current, wanted));
        }

        if (row.CustomFields is { } custom)
        {
            foreach (var pair in custom)
            {
                if (pair.Value.Length == 0 && !erase) continue;
                var current = site.CustomFields is { } known && known.TryGetValue(pair.Key, out var value) ? value ?? "" : "";
                if (string.Equals(current, pair.Value, StringComparison.Ordinal)) continue;
                (change ??= new UserChange()).SetCustomField(pair.Key, pair.Value.Length == 0 ? null : pair.Value);
                (fields ??= new List<FieldChange>()).Add(new FieldChange("custom_fields." + pair.Key, current, pair.Value));
            }
        }
        return (change, fields);
    }

    /// <summary>The create input for a new user: every non-empty value, and a generated password for internal authentication.</summary>
    public static (UserChange Change, List<FieldChange> Fields) ForCreate(SourceUser row)
    {
        var change = new UserChange();
        var fields = new List<FieldChange>();
        for (var f = 0; f < SyncFields.Count; f++)
        {
            if (row.Get(f) is not { Length: > 0 } value) continue;
            change.Set(SyncFields.Names[f], value);
            fields.Add(new FieldChange(SyncFields.Names[f], null, value));
        }
        if (row.CustomFields is { } custom)
        {
            foreach (var pair in custom)
            {
                if (pair.Value.Length == 0) continue;
                change.SetCustomField(pair.Key, pair.Value);
                fields.Add(new FieldChange("custom_fields." + pair.Key, null, pair.Value));
            }
        }
        if (row.Suspended == true)
        {
            change.SetFlag("suspended", true);
            fields.Add(new FieldChange("suspended", null, "true"));
        }
        var auth = row.Get(SyncFields.Auth);
        if (row.Password is { Length: > 0 } password)
        {
            // Shown as set, never as its value.
            change.SetPassword(password);
            fields.Add(new FieldChange(UserChange.PasswordField, null, "(set)"));
        }
        // As HR Import does for new users without a password: the site generates one and emails it.
        else if (string.IsNullOrEmpty(auth) || IsInternal(auth!)) change.SetFlag("generate_password", true);
        return (change, fields);
    }

    private static bool IsInternal(string auth) =>
        auth.Equals("manual", StringComparison.OrdinalIgnoreCase) || auth.Equals("email", StringComparison.OrdinalIgnoreCase);
}
