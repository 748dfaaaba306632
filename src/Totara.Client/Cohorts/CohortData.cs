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

    /// <summary>The audience's id; 0 when the site sent none or not a number.</summary>
    public long Id { get; set; }

    /// <summary>The audience's name; names need not be unique. Empty when the site sent none.</summary>
    public string Name { get; set; } = "";

    /// <summary>The audience's idnumber (the key an integration sets); null when it has none.</summary>
    public string? IdNumber { get; set; }

    /// <summary>The audience's description as stored (may hold HTML); null when it has none.</summary>
    public string? Description { get; set; }

    /// <summary>STATIC or DYNAMIC.</summary>
    public string? Type { get; set; }

    /// <summary>True when the audience is active; false also when the site did not say.</summary>
    public bool Active { get; set; }

    /// <summary>How many members the audience has (the site sends a number or a string); 0 when it did not say.</summary>
    public int MembersCount { get; set; }

    /// <summary>Reads one item of <c>core_cohort_static_cohorts</c> selected with <see cref="Selection"/>; missing fields keep their defaults.</summary>
    /// <param name="item">The item's JSON object.</param>
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

    /// <inheritdoc/>
    public override string ToString() => string.IsNullOrEmpty(IdNumber) ? Name : $"{Name} ({IdNumber})";
}
