using System;
using System.Collections.Generic;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// One row of the source of truth: the user fields it carries (a column that is absent is
/// null; an empty cell is ""), custom profile fields, the suspended flag and audiences.
/// </summary>
public sealed class SourceUser
{
    private readonly string?[] _values = new string?[SyncFields.Count];

    /// <param name="rowNumber">1-based position in the source, used by every message about the row.</param>
    /// <param name="row">The caller's original record (e.g. the CSV row), handed back on errors and changes.</param>
    public SourceUser(int rowNumber, object? row = null)
    {
        RowNumber = rowNumber;
        Row = row;
    }

    /// <summary>The row's 1-based position in the source, used by every message about it.</summary>
    public int RowNumber { get; }

    /// <summary>The caller's original record (e.g. the CSV row), handed back on errors and changes; null when none was given.</summary>
    public object? Row { get; }

    /// <summary>True/false when the row's suspended cell has a value; null when the source has no such column or the cell is empty.</summary>
    public bool? Suspended { get; set; }

    /// <summary>
    /// True when the source has a suspended (or Enabled) column, even where this row's cell is empty:
    /// such a source says who is suspended itself, so an empty cell leaves the user as they are.
    /// </summary>
    public bool HasSuspendedColumn { get; set; }

    /// <summary>
    /// HR Import's password column: sent when the user is created, instead of asking the site to
    /// generate one. It cannot be read back, so it is never compared and never updates a user. A
    /// password the site's policy refuses fails that row alone.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>HR Import's deleted column: true removes the user (as -MissingUserAction says) instead of syncing it.</summary>
    public bool Deleted { get; set; }

    /// <summary>Custom profile fields by shortname (only those the source carries); null when none.</summary>
    public Dictionary<string, string>? CustomFields { get; private set; }

    /// <summary>The audiences (id, idnumber or name) the user should be in; null when the source has no audiences column.</summary>
    public IReadOnlyList<string>? Audiences { get; set; }

    /// <summary>The row's job assignment (HR Import's job columns); null when the source has none.</summary>
    public SourceJob? Job { get; set; }

    /// <summary>Sets a field by API name (trimmed; null counts as an empty cell). Unknown names throw.</summary>
    public SourceUser Set(string field, string? value)
    {
        var index = SyncFields.IndexOf(field);
        if (index < 0) throw new ArgumentException($"'{field}' is not a user field a sync can set.", nameof(field));
        var text = (value ?? "").Trim();
        if (index == SyncFields.Country && text.Length > 2) text = CountryCodes.ToCode(text) ?? text;
        if (index == SyncFields.Country) text = text.ToUpperInvariant();
        _values[index] = text;
        return this;
    }

    /// <summary>Sets a custom profile field by shortname (case-insensitive); the value is trimmed, and null is kept as "".</summary>
    /// <param name="shortName">The custom field's shortname.</param>
    /// <param name="value">The cell's value.</param>
    /// <returns>This row, to set more fields.</returns>
    /// <exception cref="ArgumentException"><paramref name="shortName"/> is null, empty or white space.</exception>
    public SourceUser SetCustomField(string shortName, string? value)
    {
        if (string.IsNullOrWhiteSpace(shortName)) throw new ArgumentException("A custom field's shortname is empty.", nameof(shortName));
        (CustomFields ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[shortName.Trim()] = (value ?? "").Trim();
        return this;
    }

    /// <summary>The value of a field: null when the source has no such column, "" for an empty cell.</summary>
    public string? Get(int index) => _values[index];

    /// <summary>The value of a field by API name: null when the source has no such column or the name is not a sync field, "" for an empty cell.</summary>
    /// <param name="field">The field's API name, e.g. <c>email</c>.</param>
    public string? Get(string field) => SyncFields.IndexOf(field) is var i and >= 0 ? _values[i] : null;

    /// <summary>The value of the match key, or null when it is absent or empty.</summary>
    public string? KeyFor(int matchField) => _values[matchField] is { Length: > 0 } key ? key : null;

    /// <summary>How messages name the row: "row 7 (idnumber 'E1007')".</summary>
    public string Describe(int matchField) =>
        KeyFor(matchField) is { } key ? $"row {RowNumber} ({SyncFields.Names[matchField]} '{key}')" : $"row {RowNumber}";

    /// <inheritdoc/>
    public override string ToString() => $"row {RowNumber}";
}
