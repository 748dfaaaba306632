using System.Net;
using Totara.Emulator.Hosting;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

/// <summary>Several API clients on one site: --client ID:SECRET, each with its own budget, all under the site's.</summary>
public sealed class SeveralClientsTests
{
    // Costs 6 points: 5 for the root query field and 1 for status.
    private const string StatusQuery = "{ totara_webapi_status { status } }";

    [Fact]
    public void Client_switches_add_clients_beside_client_id_and_client_secret()
    {
        var line = CommandLine.Parse(new[] { "--client", "a:one", "--client-id", "main", "--client", "b:two:with:colons" });

        Assert.Equal("main", line.ClientId);
        Assert.Equal(CommandLine.DefaultClientSecret, line.ClientSecret);
        Assert.Equal(new[] { ("a", "one"), ("b", "two:with:colons") }, line.ExtraClients);
        Assert.Empty(CommandLine.Parse(Array.Empty<string>()).ExtraClients);
    }

    [Theory]
    [InlineData("--client", "nocolon")]
    [InlineData("--client", ":secret")]
    [InlineData("--client", "id:")]
    [InlineData("--client", "a:x", "--client", "a:y")]
    [InlineData("--client", "demo-client:x")]
    public void A_client_switch_needs_an_id_and_a_secret_and_a_new_id(params string[] args)
    {
        var problem = Assert.Throws<FormatException>(() => CommandLine.Parse(args));

        Assert.StartsWith("--client", problem.Message);
    }

    [Fact]
    public async Task The_standalone_emulator_serves_every_client_given_with_client_switches()
    {
        using var emulator = await EmulatorProcess.StartAsync("--port", "0", "--client", "one:s1", "--client", "two:s2");

        foreach (var (id, secret) in new[] { ("one", "s1"), ("two", "s2"), (CommandLine.DefaultClientId, CommandLine.DefaultClientSecret) })
        {
            using var client = new ApiTestClient(emulator.Url, id, secret);
            using var status = await client.PostAsync(StatusQuery);
            Assert.Equal(HttpStatusCode.OK, status.Status);
        }

        Assert.DoesNotContain("s1", emulator.ReadyLine);
    }

    // Rule: totara_api\model\client_rate_limit is one record per client_id; global_rate_limit one for the site.
    [Fact]
    public async Task Each_client_spends_its_own_budget_and_all_of_them_the_sites()
    {
        var clock = new ManualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = 20, SiteRateLimitPerMinute = 30 });
        host.AddClient("d", "s2");
        using var first = new ApiTestClient(host.Url, "c", "s");
        using var second = new ApiTestClient(host.Url, "d", "s2");

        // c: 0, 6, 12 and 18 points are under its 20; at 24 it is refused by its own record.
        for (var i = 0; i < 4; i++)
        {
            using var allowed = await first.PostAsync(StatusQuery);
            Assert.Equal(HttpStatusCode.OK, allowed.Status);
        }
        using var overOwn = await first.PostAsync(StatusQuery);
        // d has spent nothing, and the site's 24 leave room for one more point.
        using var secondAllowed = await second.PostAsync(StatusQuery);
        // d has spent 6 of its 20, but the site is at 30 of 30.
        using var overSite = await second.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.TooManyRequests, overOwn.Status);
        Assert.Equal(HttpStatusCode.OK, secondAllowed.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, overSite.Status);
        Assert.Equal(24, host.RateWindows("c").Single().Points);
        Assert.Equal(6, host.RateWindows("d").Single().Points);
        Assert.Equal(30, host.RateWindows().Single().Points);
        Assert.Equal(30, host.RateWindows().Single().PeakRate);
    }

    [Fact]
    public async Task The_window_history_keeps_each_closed_window_and_tokens_are_counted_per_client()
    {
        var clock = new ManualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock });
        host.AddClient("d", "s2");
        using var first = new ApiTestClient(host.Url, "c", "s");
        using var second = new ApiTestClient(host.Url, "d", "s2");

        using (await first.PostAsync(StatusQuery)) { }
        clock.Advance(TimeSpan.FromSeconds(61));
        using (await second.PostAsync(StatusQuery)) { }      // rotates the site's window: 6 becomes prev
        using (await second.PostAsync(StatusQuery)) { }

        var site = host.RateWindows();
        Assert.Equal(new long[] { 6, 12 }, site.Select(w => w.Points));
        Assert.Equal(TimeSpan.FromSeconds(61), site[1].Start - site[0].Start);
        Assert.Equal(6 + 12, site[1].PeakRate);
        Assert.Equal(1, host.TokensIssuedTo("c"));
        Assert.Equal(1, host.TokensIssuedTo("d"));
    }
}
