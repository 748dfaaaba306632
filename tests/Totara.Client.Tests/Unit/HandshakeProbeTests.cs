using System.Net;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Unit;

public sealed class HandshakeProbeTests
{
    [Fact]
    public async Task Operations_the_site_names_as_missing_are_dropped_and_the_probe_repeated()
    {
        var round = 0;
        var stub = new StubHandler((r, body) =>
        {
            if (r.RequestUri!.AbsolutePath.EndsWith("token.php")) return StubHandler.Token();
            return ++round == 1
                ? StubHandler.Json(HttpStatusCode.OK, """
                    {"errors":[
                      {"message":"Cannot query field \"bi_intellidata_export_data\" on type \"Mutation\".","extensions":{"category":"graphql"}},
                      {"message":"Unknown type \"perform_goal_reference\".","extensions":{"category":"graphql"}}
                    ]}
                    """)
                : StubHandler.Json(HttpStatusCode.OK, """{"data":{"totara_webapi_status":{"status":"ok","timestamp":"1763884800"}}}""");
        });
        using var client = stub.NewClient();

        var site = await client.HandshakeAsync();

        Assert.Equal("ok", site.Status);
        Assert.Equal("1763884800", site.Timestamp);
        Assert.False(site.Offers("bi_intellidata_export_data"));
        Assert.False(site.Offers("perform_goal_view_goal"));
        Assert.False(site.Offers("perform_goal_update_goal"));
        Assert.True(site.Offers("perform_goal_create_goal"));
        Assert.True(site.Offers("core_user_create_user"));
        Assert.True(site.Offers("totara_webapi_status"));
        var probes = stub.Requests.Where(q => q.Path.EndsWith("graphql.php")).ToList();
        Assert.Equal(2, probes.Count);
        Assert.Contains("bi_intellidata_export_data", probes[0].Body);
        Assert.DoesNotContain("bi_intellidata_export_data", probes[1].Body);
        Assert.DoesNotContain("__schema", probes[0].Body);
    }

    [Fact]
    public async Task An_error_that_names_nothing_is_thrown()
    {
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : StubHandler.Json(HttpStatusCode.OK, """{"errors":[{"message":"Internal server error","extensions":{"category":"internal"}}]}"""));
        using var client = stub.NewClient();

        var ex = await Assert.ThrowsAsync<TotaraException>(() => client.HandshakeAsync());

        // No text (response_debug none, or a resolver error at normal without a debugMessage): said so, never "Internal server error" alone.
        Assert.StartsWith("The site reported an error without detail", ex.Message);
    }
}
