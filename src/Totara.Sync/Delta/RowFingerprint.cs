using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Totara.Sync;

/// <summary>
/// A short hash of everything in a source row that can change a plan: its user fields (an absent
/// column and an empty cell differ), custom fields, the suspended and deleted flags, audiences and
/// job columns. Not the password: it is sent on create only and never compared.
/// </summary>
internal static class RowFingerprint
{
    public static string Of(SourceUser row)
    {
        var text = new StringBuilder(256);
        for (var f = 0; f < SyncFields.Count; f++) Add(text, row.Get(f));
        if (row.CustomFields is { } custom)
            foreach (var pair in custom.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
                Add(text, pair.Key.ToLowerInvariant() + "=" + pair.Value);
        text.Append('|').Append(row.Suspended switch { true => "S", false => "A", null => "-" })
            .Append(row.HasSuspendedColumn ? 'c' : '-').Append(row.Deleted ? 'D' : '-');
        if (row.Audiences is { } audiences)
            Add(text, string.Join("\u001f", audiences.Select(a => a.Trim().ToLowerInvariant()).OrderBy(a => a, StringComparer.Ordinal)));
        else Add(text, null);
        if (row.Job is { } job)
            foreach (var value in new[] { job.IdNumber, job.FullName, job.StartDate, job.EndDate, job.Position, job.Organisation, job.ManagerIdNumber, job.ManagerJobIdNumber, job.AppraiserIdNumber })
                Add(text, value);
        return Hash(text.ToString());
    }

    /// <summary>A hash of the options and columns that shape every plan: when it differs, no row's fingerprint can be trusted.</summary>
    public static string RulesOf(SyncOptions options, SourceValidation source)
    {
        var text = new StringBuilder();
        text.Append(options.MatchOn).Append('|').Append(options.SourceIsComplete).Append('|').Append(options.MissingUserAction).Append('|')
            .Append(options.EmptyFieldAction).Append('|').Append(options.CohortMode).Append('|').Append(options.ServiceAccount?.Trim().ToLowerInvariant());
        text.Append("|columns:").Append(string.Join(",", SiteReader.FieldsFor(source.Valid, options).Selection));
        text.Append("|jobs:").Append(SiteReader.JobSelectionFor(source.Valid));
        return Hash(text.ToString());
    }

    private static void Add(StringBuilder text, string? value) =>
        text.Append('|').Append(value is null ? "\u0000" : value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + value);

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        // 96 bits: a collision among a few hundred thousand rows is beyond any reasonable chance.
        return Convert.ToBase64String(hash, 0, 12);
    }
}
