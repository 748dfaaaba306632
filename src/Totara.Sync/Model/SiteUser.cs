using System;
using System.Collections.Generic;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>A user as the site has it now: the fields the sync compares, read once per run.</summary>
public sealed class SiteUser
{
    private readonly string?[] _values = new string?[SyncFields.Count];

    /// <summary>A site user with no fields read yet (see <see cref="Set"/> and <see cref="From"/>).</summary>
    /// <param name="id">The user's id on the site.</param>
    /// <param name="suspended">Whether the user is suspended now.</param>
    public SiteUser(long id, bool suspended = false)
    {
        Id = id;
        Suspended = suspended;
    }

    /// <summary>The user's id on the site.</summary>
    public long Id { get; }

    /// <summary>True when the user is suspended on the site now (false also when the field was not read).</summary>
    public bool Suspended { get; }

    /// <summary>Custom profile fields by shortname; null when they were not read.</summary>
    public IReadOnlyDictionary<string, string>? CustomFields { get; set; }

    /// <summary>The username as the site stores it; null when it was not read.</summary>
    public string? Username => _values[SyncFields.Username];

    /// <summary>Sets a field by API name (site values are compared as read, countries as codes).</summary>
    public SiteUser Set(string field, string? value)
    {
        var index = SyncFields.IndexOf(field);
        if (index < 0) throw new ArgumentException($"'{field}' is not a user field a sync compares.", nameof(field));
        var text = value ?? "";
        // The API shows a country as its name ("New Zealand"); the source gives codes.
        if (index == SyncFields.Country && text.Length > 2) text = CountryCodes.ToCode(text) ?? text;
        _values[index] = text;
        return this;
    }

    /// <summary>A field's value ("" when empty or not read).</summary>
    public string Get(int index) => _values[index] ?? "";

    /// <summary>A site user from the API's answer; only the fields that were asked for are filled in.</summary>
    public static SiteUser From(UserRecordData data)
    {
        var user = new SiteUser(data.Id, data.Suspended ?? false);
        for (var i = 0; i < SyncFields.Count; i++)
            if (data.Has(SyncFields.Names[i])) user.Set(SyncFields.Names[i], data.Get(SyncFields.Names[i]));
        user.CustomFields = data.CustomFields;
        return user;
    }

    /// <inheritdoc/>
    public override string ToString() => Username ?? $"user {Id}";
}
