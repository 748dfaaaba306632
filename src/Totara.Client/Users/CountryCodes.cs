using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Client.Users;

/// <summary>
/// Country names to ISO 3166 codes: the API shows a user's country as a name ("New Zealand")
/// but takes a code ("NZ"): the sync compares like with like, and New-TotaraUser / Set-TotaraUser
/// take a name as the sync does.
/// </summary>
public static class CountryCodes
{
    private static readonly Lazy<Dictionary<string, string>> ByName = new(Build);

    /// <summary>The two-letter code for an English country name, or null when unknown.</summary>
    public static string? ToCode(string name) => ByName.Value.TryGetValue(name.Trim(), out var code) ? code : null;

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                try
                {
                    var region = new RegionInfo(culture.Name);
                    if (region.TwoLetterISORegionName.Length != 2) continue;
                    map[region.EnglishName] = region.TwoLetterISORegionName;
                    map[region.DisplayName] = region.TwoLetterISORegionName;
                }
                catch (ArgumentException)
                {
                    // A culture without a region: nothing to learn from it.
                }
            }
        }
        catch (PlatformNotSupportedException)
        {
            // Invariant globalization mode: names stay as given.
        }
        return map;
    }
}
