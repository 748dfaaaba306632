using System.Net;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Unit;

public sealed class HandshakeProbeTests
{
    [Fact]
    public async Task The_handshake_reads_the_status_once_and_never_relies_on_validation_errors()
    {
        var stub = new StubHandler((r, body) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            // A real site drops unknown fields silently, so it would answer a probe of missing
            // operations exactly like this: the status and nothing else.
            : StubHandler.Json(HttpStatusCode.OK, """{"data":{"totara_webapi_status":{"status":"ok","timestamp":"1763884800"}}}"""));
        using var client = stub.NewClient();

        var site = await client.HandshakeAsync();

        Assert.Equal("ok", site.Status);
        Assert.Equal("1763884800", site.Timestamp);
        Assert.True(site.Offers("core_user_create_user"));
        Assert.True(site.Offers("totara_webapi_status"));
        var probe = Assert.Single(stub.Requests, q => q.Path.EndsWith("graphql.php"));
        Assert.DoesNotContain("__schema", probe.Body);
        Assert.DoesNotContain("core_user_create_user", probe.Body);
    }

    [Fact]
    public async Task An_error_instead_of_the_status_is_thrown()
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
