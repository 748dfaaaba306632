using System;
using System.Globalization;
using System.Text.Json;

namespace Totara.Client.Cohorts;

/// <summary>One audience (<c>core_cohort</c>) as the API returns it.</summary>
public sealed class CohortData
{
    /// <summary>The fields asked for every audience; each costs one complexity point per audience.</summary>
    public const string Selection = "id name idnumber description type active members_count";

    /// <summary>Complexity of one audience with <see cref="Selection"/>.</summary>
    public const int CostPerCohort = 7;

    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string? IdNumber { get; set; }

    public string? Description { get; set; }

    /// <summary>STATIC or DYNAMIC.</summary>
    public string? Type { get; set; }

    public bool Active { get; set; }

    public int MembersCount { get; set; }

    public static CohortData FromJson(JsonElement item) => new()
    {
        Id = long.TryParse(JsonValues.Text(item, "id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0,
        Name = JsonValues.Text(item, "name") ?? "",
        IdNumber = JsonValues.Text(item, "idnumber"),
        Description = JsonValues.Text(item, "description"),
        Type = JsonValues.Text(item, "type"),
        Active = item.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.True,
        // Totara's example shows members_count as a string as well as a number: read both.
        MembersCount = int.TryParse(JsonValues.Text(item, "members_count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0,
    };

    /// <summary>True when <paramref name="identity"/> is this audience's id, idnumber or name (case-insensitive for names).</summary>
    public bool Matches(string identity)
    {
        var text = identity.Trim();
        return string.Equals(Id.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal)
               || string.Equals(IdNumber, text, StringComparison.Ordinal)
               || string.Equals(Name, text, StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => string.IsNullOrEmpty(IdNumber) ? Name : $"{Name} ({IdNumber})";
}
