using System.Net;
using System.Text.RegularExpressions;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Schema;

/// <summary>
/// The format wrapper works on the running emulator with its real status resolver: the
/// reference's aliases example (one field asked in several formats) over real HTTP.
/// </summary>
public class FormattingOverHttpTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public FormattingOverHttpTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    [Fact]
    public async Task Status_timestamp_is_served_in_each_requested_format()
    {
        using var client = _emulator.CreateClient();

        using var response = await client.PostAsync("""
            query test {
              my_query_name: totara_webapi_status {
                status
                raw: timestamp
                long_year: timestamp(format: DATETIMELONG)
                short_year: timestamp(format: DATETIMESHORT)
                iso: timestamp(format: ISO8601)
              }
            }
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Errors);
        var status = response.Data.GetProperty("my_query_name");
        Assert.Equal("ok", status.GetProperty("status").GetString());
        var raw = long.Parse(status.GetProperty("raw").GetString()!);
        var instant = DateTimeOffset.FromUnixTimeSeconds(raw);
        Assert.InRange(instant, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.Matches(new Regex(@"^\d{1,2}/\d{2}/\d{4}, \d{2}:\d{2}$"), status.GetProperty("long_year").GetString());
        Assert.Matches(new Regex(@"^\d{1,2}/\d{2}/\d{2}, \d{2}:\d{2}$"), status.GetProperty("short_year").GetString());
        Assert.Equal(instant.ToString("yyyy-MM-dd'T'HH:mm:ss") + "+0000", status.GetProperty("iso").GetString());
    }

    [Fact]
    public async Task An_unknown_format_value_is_still_an_error()
    {
        using var client = _emulator.CreateClient();

        // No validation runs (totara_webapi\server), but an argument value still has to be coerced.
        using var response = await client.PostAsync("{ totara_webapi_status { timestamp(format: YESTERDAY) } }");

        Assert.Single(response.Errors);
    }
}
