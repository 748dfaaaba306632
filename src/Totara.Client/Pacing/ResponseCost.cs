using System.Text.Json;

namespace Totara.Client.Pacing;

/// <summary>
/// What Totara charged for an answer, counted from its data the way the site counts while
/// resolving: the root cost per root field plus 1 per field of every returned object.
/// Introspection (__typename, __schema, __type and what they contain) costs nothing: the site
/// resolves it without its metered resolver. (An alias hides a meta field's name; the few
/// points it then adds only make the pacer err on the safe side.)
/// </summary>
internal static class ResponseCost
{
    public static int Measure(JsonElement data, bool isMutation)
    {
        var rootCost = isMutation ? ComplexityEstimator.MutationRootCost : ComplexityEstimator.QueryRootCost;
        var total = 0;
        foreach (var root in data.EnumerateObject())
        {
            if (IsIntrospection(root.Name)) continue;
            total += rootCost + CountFields(root.Value);
        }
        return total;
    }

    private static bool IsIntrospection(string name) => name.StartsWith("__", System.StringComparison.Ordinal);

    private static int CountFields(JsonElement value)
    {
        var count = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    if (!IsIntrospection(property.Name)) count += 1 + CountFields(property.Value);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    count += CountFields(item);
                break;
        }
        return count;
    }
}
