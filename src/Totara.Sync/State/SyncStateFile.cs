using System;
using System.Collections.Generic;
using System.Globalization;
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
    /// <summary>Format 2 adds the delta section; format 1 files (memberships only) are still read.</summary>
    private const int FormatVersion = 2;

    private const int OldestFormat = 1;

    /// <summary>
    /// The state at <paramref name="path"/>, or an empty one when the file does not exist yet.
    /// Throws <see cref="SyncStateFileInvalidException"/>, naming the file and what is wrong, for
    /// anything that is not a state file of this format and this site.
    /// </summary>
    public static SyncState Load(string path, Uri site)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) return new SyncState(site);
        var root = Parse(full, File.ReadAllBytes(full));
        var memberships = new List<Membership>();
        int format;
        DeltaState? delta = null;
        try
        {
            format = CheckFormat(root.RootElement, full);
            CheckSite(root.RootElement, full, site);
            ReadMemberships(root.RootElement, full, memberships);
            if (root.RootElement.TryGetProperty("delta", out var section)) delta = DeltaStateJson.Read(section, full);
        }
        finally
        {
            root.Dispose();
        }
        return new SyncState(site, memberships) { Delta = delta, FormatRead = format };
    }

    private static JsonDocument Parse(string path, byte[] bytes)
    {
        // Windows PowerShell 5.1's Set-Content -Encoding UTF8 writes a byte order mark; the JSON reader refuses one.
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var json = new ReadOnlyMemory<byte>(bytes, start, bytes.Length - start);
        if (IsBlank(json.Span)) throw new SyncStateFileInvalidException(path, "it is empty (a state file holds a JSON object; delete the file to start afresh).");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new SyncStateFileInvalidException(path,
                $"it is not valid JSON, or is cut short (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).", ex);
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new SyncStateFileInvalidException(path, $"its top level is {Describe(kind)}, not the object a state file holds.");
        }
        return document;
    }

    private static int CheckFormat(JsonElement root, string path)
    {
        if (!root.TryGetProperty("format", out var format))
            throw new SyncStateFileInvalidException(path, $"it has no \"format\" (this version reads format {FormatVersion}).");
        if (format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out var version))
            throw new SyncStateFileInvalidException(path, $"its \"format\" is {Describe(format.ValueKind)}, not a whole number.");
        // A newer format is refused, not overwritten: it may hold records this version cannot keep.
        if (version < OldestFormat || version > FormatVersion)
            throw new SyncStateFileInvalidException(path,
                $"it is format {version}, and this version of the module reads formats {OldestFormat} to {FormatVersion} only (a newer module may have written it).");
        return version;
    }

    private static void CheckSite(JsonElement root, string path, Uri site)
    {
        if (!root.TryGetProperty("site", out var s) || s.ValueKind != JsonValueKind.String)
            throw new SyncStateFileInvalidException(path, "its \"site\" is missing or not text.");
        var recorded = s.GetString();
        if (!SameSite(recorded, site))
            throw new SyncStateFileInvalidException(path, $"it belongs to {recorded}, not {site}: each site needs its own state file.");
    }

    private static void ReadMemberships(JsonElement root, string path, List<Membership> memberships)
    {
        if (!root.TryGetProperty("memberships", out var cohorts)) return;
        if (cohorts.ValueKind != JsonValueKind.Object)
            throw new SyncStateFileInvalidException(path, $"its \"memberships\" is {Describe(cohorts.ValueKind)}, not an object of audience ids.");
        foreach (var cohort in cohorts.EnumerateObject())
        {
            if (!long.TryParse(cohort.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var cohortId) || cohortId <= 0)
                throw new SyncStateFileInvalidException(path, $"it has an audience id '{cohort.Name}' that is not a whole number.");
            if (cohort.Value.ValueKind != JsonValueKind.Array)
                throw new SyncStateFileInvalidException(path, $"audience {cohortId}'s members are {Describe(cohort.Value.ValueKind)}, not a list of user ids.");
            foreach (var user in cohort.Value.EnumerateArray())
            {
                if (user.ValueKind != JsonValueKind.Number || !user.TryGetInt64(out var userId) || userId <= 0)
                    throw new SyncStateFileInvalidException(path, $"audience {cohortId} lists a user id {user.GetRawText()} that is not a whole number.");
                memberships.Add(new Membership(cohortId, userId));
            }
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> json)
    {
        foreach (var b in json)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "an object",
    };

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
        json.WriteString("comment", "Audience memberships Invoke-TotaraSync added (by audience id: user ids). CohortMode Exact removes only these. " +
                                    "delta: what a delta run needs (row fingerprints, the site's users, when the site was last read).");
        json.WriteStartObject("memberships");
        foreach (var pair in byCohort)
        {
            pair.Value.Sort();
            json.WriteStartArray(pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var user in pair.Value) json.WriteNumberValue(user);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        if (state.Delta is { } delta) DeltaStateJson.Write(json, delta);
        json.WriteEndObject();
    }

    private static bool SameSite(string? recorded, Uri site) =>
        recorded is not null && string.Equals(recorded.TrimEnd('/'), site.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
