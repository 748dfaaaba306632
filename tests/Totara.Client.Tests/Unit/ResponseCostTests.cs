using System.Text.Json;
using Totara.Client.Pacing;

namespace Totara.Client.Tests.Unit;

public sealed class ResponseCostTests
{
    [Fact]
    public void Counts_every_field_of_every_returned_object_plus_the_root_cost()
    {
        using var doc = JsonDocument.Parse("""
            {"core_user_users": {"items": [{"id": "1", "username": "a"}, {"id": "2", "username": "b"}], "total": 2, "next_cursor": null}}
            """);

        // 5 + items + total + next_cursor + 2 users * 2 fields
        Assert.Equal(5 + 3 + 4, ResponseCost.Measure(doc.RootElement, isMutation: false));
    }

    [Fact]
    public void A_null_alias_costs_only_its_root()
    {
        using var doc = JsonDocument.Parse("""{"a0": {"user": {"id": "5"}}, "a1": null}""");

        Assert.Equal((10 + 2) + 10, ResponseCost.Measure(doc.RootElement, isMutation: true));
    }

    [Fact]
    public void Introspection_in_an_answer_costs_nothing_as_on_the_site()
    {
        using var doc = JsonDocument.Parse("""
            {"__typename": "Query", "__schema": {"types": [{"name": "A"}, {"name": "B"}]},
             "s": {"__typename": "totara_webapi_status", "status": "ok"}}
            """);

        Assert.Equal(5 + 1, ResponseCost.Measure(doc.RootElement, isMutation: false));
    }
}
