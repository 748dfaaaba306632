using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Totara.Sync;

/// <summary>
/// The state file's "delta" section. Users are written as compact arrays ([id, key, username,
/// idnumber]): 100,000 of them make a few megabytes. The section only changes at the end of a run,
/// while the memberships are saved after every batch, so its text is kept and written as it is.
/// </summary>
internal static class DeltaStateJson
{
    private static readonly ConditionalWeakTable<DeltaState, byte[]> Written = new();

    public static DeltaState Read(JsonElement delta, string path)
    {
        if (delta.ValueKind != JsonValueKind.Object) throw Invalid(path, "its \"delta\" is not an object");
        var state = new DeltaState
        {
            Client = delta.TryGetProperty("client", out var client) && client.ValueKind == JsonValueKind.String ? client.GetString() : null,
            Rules = Text(delta, "rules", path),
            LastFullRun = Time(delta, "lastFullRun", path),
            SiteReadAt = Time(delta, "siteReadAt", path),
        };
        if (delta.TryGetProperty("rows", out var rows))
        {
            if (rows.ValueKind != JsonValueKind.Object) throw Invalid(path, "its \"delta.rows\" is not an object");
            foreach (var row in rows.EnumerateObject())
                state.Rows[row.Name] = row.Value.ValueKind == JsonValueKind.String ? row.Value.GetString() : null;
        }
        if (delta.TryGetProperty("users", out var users))
        {
            if (users.ValueKind != JsonValueKind.Array) throw Invalid(path, "its \"delta.users\" is not a list");
            foreach (var user in users.EnumerateArray())
            {
                if (user.ValueKind != JsonValueKind.Array || user.GetArrayLength() != 4 || !user[0].TryGetInt64(out var id) || id <= 0)
                    throw Invalid(path, $"its \"delta.users\" holds {user.GetRawText()}, not [id, key, username, idnumber]");
                state.Users[id] = new KnownUser(user[1].GetString() ?? "", user[2].GetString(), user[3].GetString());
            }
        }
        if (delta.TryGetProperty("recheck", out var recheck) && recheck.ValueKind == JsonValueKind.Array)
            foreach (var id in recheck.EnumerateArray())
                if (id.TryGetInt64(out var userId)) state.Recheck.Add(userId);
        return state;
    }

    public static void Write(Utf8JsonWriter json, DeltaState state)
    {
        json.WritePropertyName("delta");
        // A run only replaces its DeltaState, never edits one it has saved, so the text stays true to it.
        var text = Written.GetValue(state, Serialize);
        json.WriteRawValue(text, skipInputValidation: true);
    }

    private static byte[] Serialize(DeltaState state)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (state.Client is not null) json.WriteString("client", state.Client);
            json.WriteString("rules", state.Rules);
            json.WriteString("lastFullRun", state.LastFullRun.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
            json.WriteString("siteReadAt", state.SiteReadAt.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
            json.WriteStartObject("rows");
            foreach (var row in state.Rows.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if (row.Value is null) json.WriteNull(row.Key);
                else json.WriteString(row.Key, row.Value);
            }
            json.WriteEndObject();
            json.WriteStartArray("users");
            foreach (var user in state.Users.OrderBy(u => u.Key))
            {
                json.WriteStartArray();
                json.WriteNumberValue(user.Key);
                json.WriteStringValue(user.Value.Key);
                json.WriteStringValue(user.Value.Username);
                json.WriteStringValue(user.Value.IdNumber);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("recheck");
            foreach (var id in state.Recheck.OrderBy(i => i)) json.WriteNumberValue(id);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string Text(JsonElement delta, string name, string path) =>
        delta.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Invalid(path, $"its \"delta.{name}\" is missing or not text");

    private static DateTimeOffset Time(JsonElement delta, string name, string path) =>
        DateTimeOffset.TryParse(Text(delta, name, path), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw Invalid(path, $"its \"delta.{name}\" is not a date and time");

    private static SyncStateFileInvalidException Invalid(string path, string what) =>
        new(path, what + " (delete the file's \"delta\" section, or give -Full, to start the delta record afresh).");
}
