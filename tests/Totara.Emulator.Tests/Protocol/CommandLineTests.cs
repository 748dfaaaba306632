using System.Net;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Starts_prints_the_ready_line_serves_requests_and_stops_on_SIGTERM()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGTERM is a POSIX signal; CI runs on Linux.
        }

        using var emulator = await EmulatorProcess.StartAsync(
            "--port", "0", "--client-id", "cli-client", "--client-secret", "cli-secret", "--max-complexity", "100", "--token-ttl", "120");

        Assert.NotEqual(0, emulator.Url.Port);
        using (var client = new ApiTestClient(emulator.Url, "cli-client", "cli-secret"))
        {
            using var token = await client.RequestTokenAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "cli-client",
                ["client_secret"] = "cli-secret",
            });
            Assert.Equal(120, token.Body.RootElement.GetProperty("expires_in").GetInt64());
            client.Token = token.Body.RootElement.GetProperty("access_token").GetString();

            using var status = await client.PostAsync("{ totara_webapi_status { status } }");
            Assert.Equal(HttpStatusCode.OK, status.Status);
            Assert.Equal("ok", status.Data.GetProperty("totara_webapi_status").GetProperty("status").GetString());

            using var introspection = await client.PostAsync("{ __schema { queryType { name } } }");
            Assert.StartsWith("GraphQL introspection is not allowed", Assert.Single(introspection.Errors).GetProperty("message").GetString());
        }

        emulator.Terminate();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await emulator.Process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, emulator.Process.ExitCode);
        var rest = await emulator.Process.StandardOutput.ReadToEndAsync();
        Assert.DoesNotContain("cli-secret", emulator.ReadyLine + rest);
    }

    [Fact]
    public async Task Allow_introspection_lets_the_client_introspect()
    {
        using var emulator = await EmulatorProcess.StartAsync("--port", "0", "--client-id", "i", "--client-secret", "s", "--allow-introspection");
        using var client = new ApiTestClient(emulator.Url, "i", "s");

        using var response = await client.PostAsync("{ __schema { queryType { name } } }");

        Assert.Equal("""{"data":{"__schema":{"queryType":{"name":"Query"}}}}""", response.Text);
    }

    [Fact]
    public async Task Response_debug_none_hides_every_error_text()
    {
        using var emulator = await EmulatorProcess.StartAsync("--port", "0", "--client-id", "n", "--client-secret", "s", "--response-debug", "none");
        using var client = new ApiTestClient(emulator.Url, "n", "s") { Token = "iNvAlIdTokEN" };

        using var response = await client.PostAsync("{ totara_webapi_status { status } }");

        Assert.Equal("""{"errors":[{"message":"Authentication error","extensions":{"category":"api_access"}}]}""", response.Text);
    }

    [Fact]
    public async Task Client_allowed_ips_blocks_other_addresses()
    {
        using var emulator = await EmulatorProcess.StartAsync("--port", "0", "--client-id", "a", "--client-secret", "s", "--client-allowed-ips", "10.0.0.0/8, 192.168.0.1");
        using var client = new ApiTestClient(emulator.Url, "a", "s");

        using var response = await client.PostAsync("{ totara_webapi_status { status } }");

        Assert.Equal("Request from address 127.0.0.1 was blocked", Assert.Single(response.Errors).DebugMessage());
    }

    [Theory]
    [InlineData("--client-allowed-ips", "10.0.0.0/99")]
    [InlineData("--response-debug", "loud")]
    [InlineData("--port", "abc")]
    [InlineData("--fault-rate", "2")]
    [InlineData("--bogus")]
    [InlineData("--client-id")]
    public async Task Bad_arguments_exit_with_code_2_naming_the_argument_and_showing_usage(params string[] args)
    {
        var (exitCode, output, errors) = await EmulatorProcess.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(args[0], errors);
        Assert.Contains("Usage:", errors);
        Assert.DoesNotContain("listening", output);
    }

    [Fact]
    public async Task A_port_in_use_is_reported_with_exit_code_1()
    {
        await using var occupant = await EmulatorHost.StartAsync();

        var (exitCode, output, errors) = await EmulatorProcess.RunAsync("--port", occupant.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, exitCode);
        Assert.Contains($"cannot listen on 127.0.0.1:{occupant.Url.Port}", errors);
        Assert.DoesNotContain("listening on", output);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        var (exitCode, output, _) = await EmulatorProcess.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--rate-limit", output);
        Assert.Contains("--drop-rate", output);
    }
}
