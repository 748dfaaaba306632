using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Totara.Sync;

/// <summary>
/// Reads and writes a <see cref="SyncState"/> as JSON. Writes are atomic: the new content goes
/// to a temporary file beside the target, which then replaces it in one rename, so a crash at any
/// moment leaves either the old file or the new one, never half of one.
/// </summary>
public static class SyncStateFile
{
    private const int FormatVersion = 1;

    /// <summary>The state at <paramref name="path"/>, or an empty one when the file does not exist yet.</summary>
    public static SyncState Load(string path, Uri site)
    {
        if (!File.Exists(path)) return new SyncState(site);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var recorded = root.TryGetProperty("site", out var s) ? s.GetString() : null;
        if (!SameSite(recorded, site))
            throw new InvalidDataException(
                $"The state file {path} belongs to {recorded ?? "no site"}, not {site}: each site needs its own state file.");
        var memberships = new List<Membership>();
        if (root.TryGetProperty("memberships", out var cohorts) && cohorts.ValueKind == JsonValueKind.Object)
        {
            foreach (var cohort in cohorts.EnumerateObject())
            {
                if (!long.TryParse(cohort.Name, out var cohortId)) throw new InvalidDataException($"The state file {path} has an audience id '{cohort.Name}' that is not a number.");
                foreach (var user in cohort.Value.EnumerateArray()) memberships.Add(new Membership(cohortId, user.GetInt64()));
            }
        }
        return new SyncState(site, memberships);
    }

    /// <summary>Writes the state atomically (temporary file, then one rename over the old file).</summary>
    public static void Save(SyncState state, string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536, FileOptions.WriteThrough))
            {
                Write(state, stream);
                stream.Flush(true);
            }
            if (File.Exists(full)) File.Replace(temp, full, null);
            else File.Move(temp, full);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static void Write(SyncState state, Stream stream)
    {
        var byCohort = new SortedDictionary<long, List<long>>();
        foreach (var membership in state.Added)
        {
            if (!byCohort.TryGetValue(membership.CohortId, out var users)) byCohort[membership.CohortId] = users = new List<long>();
            users.Add(membership.UserId);
        }
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("format", FormatVersion);
        json.WriteString("site", state.Site.AbsoluteUri);
        json.WriteString("comment", "Audience memberships Invoke-TotaraSync added (by audience id: user ids). CohortMode Exact removes only these.");
        json.WriteStartObject("memberships");
        foreach (var pair in byCohort)
        {
            pair.Value.Sort();
            json.WriteStartArray(pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var user in pair.Value) json.WriteNumberValue(user);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static bool SameSite(string? recorded, Uri site) =>
        recorded is not null && string.Equals(recorded.TrimEnd('/'), site.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
