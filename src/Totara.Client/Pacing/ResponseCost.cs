using System.Text.Json;

namespace Totara.Client.Pacing;

/// <summary>
/// What Totara charged for an answer, counted from its data the way the site counts while
/// resolving: the root cost per root field plus 1 per field of every returned object.
/// </summary>
internal static class ResponseCost
{
    public static int Measure(JsonElement data, bool isMutation)
    {
        var rootCost = isMutation ? ComplexityEstimator.MutationRootCost : ComplexityEstimator.QueryRootCost;
        var total = 0;
        foreach (var root in data.EnumerateObject())
            total += rootCost + CountFields(root.Value);
        return total;
    }

    private static int CountFields(JsonElement value)
    {
        var count = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    count += 1 + CountFields(property.Value);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    count += CountFields(item);
                break;
        }
        return count;
    }
}
