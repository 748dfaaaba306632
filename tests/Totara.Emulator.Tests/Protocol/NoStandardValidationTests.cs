using System.Net;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

/// <summary>
/// totara_webapi\server runs only the depth and introspection rules on the external endpoint, none
/// of GraphQL's standard validation, and webonyx's executor skips what the schema does not define.
/// </summary>
public class NoStandardValidationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public NoStandardValidationTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task An_unknown_field_is_dropped_silently()
    {
        using var client = _fixture.CreateClient();
        using var response = await client.PostAsync("{ totara_webapi_status { status no_such_field } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Errors);
        var status = response.Data.GetProperty("totara_webapi_status");
        Assert.Equal("ok", status.GetProperty("status").GetString());
        Assert.False(status.TryGetProperty("no_such_field", out _));
    }

    [Fact]
    public async Task An_unknown_root_field_is_dropped_silently()
    {
        using var client = _fixture.CreateClient();
        using var response = await client.PostAsync("{ totara_webapi_status { status } core_user_does_not_exist { id } }");

        Assert.Empty(response.Errors);
        Assert.True(response.Data.TryGetProperty("totara_webapi_status", out _));
        Assert.False(response.Data.TryGetProperty("core_user_does_not_exist", out _));
    }

    [Fact]
    public async Task A_selection_without_sub_fields_is_accepted()
    {
        using var client = _fixture.CreateClient();
        using var response = await client.PostAsync("{ totara_webapi_status }");

        Assert.Empty(response.Errors);
        Assert.Equal("{}", response.Data.GetProperty("totara_webapi_status").GetRawText());
    }
}
