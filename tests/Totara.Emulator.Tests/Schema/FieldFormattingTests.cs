using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Utilities;
using Totara.Emulator.Api;
using Totara.Emulator.Domain;
using Totara.Emulator.Schema;
using Totara.Emulator.Schema.Formatting;

namespace Totara.Emulator.Tests.Schema;

/// <summary>
/// SchemaFactory formats the raw values resolvers return (unix timestamps, stored text) for
/// every field with a format argument, so domain resolvers never format anything themselves.
/// </summary>
public class FieldFormattingTests
{
    // 27 May 2022 10:51 UTC: the reference's aliases example shows this instant.
    private static readonly long RequestTime = new DateTimeOffset(2022, 5, 27, 10, 51, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    [Fact]
    public async Task Status_timestamp_is_formatted_per_alias_as_in_the_reference_example()
    {
        var data = await ExecuteAsync("""
            query test {
              my_query_name: totara_webapi_status {
                status
                raw: timestamp
                long_year: timestamp(format: DATETIMELONG)
                short_year: timestamp(format: DATETIMESHORT)
              }
            }
            """);

        var status = data.GetProperty("my_query_name");
        Assert.Equal("ok", status.GetProperty("status").GetString());
        Assert.Equal(RequestTime.ToString(), status.GetProperty("raw").GetString());
        Assert.Equal("27/05/2022, 10:51", status.GetProperty("long_year").GetString());
        Assert.Equal("27/05/22, 10:51", status.GetProperty("short_year").GetString());
    }

    [Fact]
    public async Task Text_fields_use_their_default_format_and_honour_the_argument()
    {
        var data = await ExecuteAsync("""
            {
              core_user_user(reference: { id: 5 }) {
                user {
                  id
                  fullname
                  raw_name: fullname(format: RAW)
                  description
                  plain_description: description(format: PLAIN)
                  firstaccess
                  lastaccess(format: DATE)
                }
              }
            }
            """);

        var user = data.GetProperty("core_user_user").GetProperty("user");
        Assert.Equal("5", user.GetProperty("id").GetString());
        Assert.Equal("Ann & Co", user.GetProperty("fullname").GetString());
        Assert.Equal("<b>Ann</b> & Co", user.GetProperty("raw_name").GetString());
        Assert.Equal("<p>Hi &amp; bye</p>", user.GetProperty("description").GetString());
        Assert.Equal("Hi & bye", user.GetProperty("plain_description").GetString());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("firstaccess").ValueKind);
        Assert.Equal("27 May 2022", user.GetProperty("lastaccess").GetString());
    }

    [Fact]
    public async Task A_bad_scalar_variable_fails_naming_the_variable_and_the_scalar()
    {
        var response = await RunAsync(
            "query q($ref: core_user_user_reference!) { core_user_user(reference: $ref) { user { id } } }",
            new Inputs(new Dictionary<string, object?> { ["ref"] = new Dictionary<string, object?> { ["email"] = null, ["id"] = "abc" } }));

        var error = response.GetProperty("errors")[0];
        Assert.Equal("Variable '$ref.id' is invalid. Unable to convert 'abc' to 'core_id'", error.GetProperty("message").GetString());
        // The scalar's own exception (Totara's invalid_parameter_exception) is the inner error.
        Assert.Contains("INVALID_PARAMETER", error.GetProperty("extensions").GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Every_field_with_a_format_argument_is_wrapped_and_every_date_format_is_known()
    {
        var schema = SchemaFactory.Create(new EmulatorState(), []);
        var formatted = schema.AllTypes.OfType<IObjectGraphType>()
            .SelectMany(t => t.Fields.Where(f => f.Arguments?.Find("format") is not null).Select(f => (Type: t.Name, Field: f)))
            .ToList();

        Assert.True(formatted.Count >= 90, $"only {formatted.Count} formatted fields");
        Assert.All(formatted, f => Assert.Equal("FormattingFieldResolver", f.Field.Resolver?.GetType().Name));
        var dateFormats = ((EnumerationGraphType)schema.AllTypes["core_date_format"]!).Values.Select(v => v.Name);
        Assert.Equal(dateFormats.Order(), CoreDateFormatter.Formats.Order());
    }

    private static async Task<JsonElement> ExecuteAsync(string query)
    {
        var response = await RunAsync(query, Inputs.Empty);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data");
    }

    private static async Task<JsonElement> RunAsync(string query, Inputs variables)
    {
        var result = await new DocumentExecuter().ExecuteAsync(o =>
        {
            o.Schema = SchemaFactory.Create(new EmulatorState(), [new RawValueModule()]);
            o.Query = query;
            o.Variables = variables;
        });
        using var document = JsonDocument.Parse(new GraphQLSerializer().Serialize(result));
        return document.RootElement.Clone();
    }

    /// <summary>Resolvers that return raw stored values, as the domain modules do.</summary>
    private sealed class RawValueModule : IResolverModule
    {
        public void Register(TypeSettings types, EmulatorState state)
        {
            types.For("Query").FieldFor("totara_webapi_status").Resolver =
                new GraphQL.Resolvers.FuncFieldResolver<object>(_ => new { status = "ok", timestamp = RequestTime });
            types.For("Query").FieldFor("core_user_user").Resolver = new GraphQL.Resolvers.FuncFieldResolver<object>(_ => new
            {
                user = new
                {
                    id = 5L,
                    fullname = "<b>Ann</b> & Co",
                    description = "<p>Hi &amp; bye</p>",
                    firstaccess = 0L,
                    lastaccess = RequestTime,
                },
            });
        }
    }
}
