using GraphQLParser.AST;
using Totara.Emulator.Schema.Scalars;

namespace Totara.Emulator.Tests.Schema;

/// <summary>Totara's custom scalars parse client values and serialise server values as Totara does.</summary>
public class ScalarTests
{
    [Theory]
    [InlineData(5, 5L)]
    [InlineData("42", 42L)]
    [InlineData(0, null)]
    [InlineData("0", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Core_id_reads_integers_and_numeric_strings(object? input, long? expected)
    {
        Assert.Equal(expected, new CoreIdGraphType().ParseValue(input));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    [InlineData(-3)]
    [InlineData("4.5")]
    [InlineData(true)]
    public void Core_id_refuses_anything_else_with_totaras_message(object input)
    {
        var error = Assert.Throws<InvalidParameterException>(() => new CoreIdGraphType().ParseValue(input));
        Assert.StartsWith("Invalid parameter value detected", error.Message);
    }

    [Fact]
    public void Core_id_literal_accepts_int_and_string_literals()
    {
        var scalar = new CoreIdGraphType();
        Assert.Equal(7L, scalar.ParseLiteral(new GraphQLIntValue(7)));
        Assert.Equal(8L, scalar.ParseLiteral(new GraphQLStringValue("8")));
        Assert.False(scalar.CanParseLiteral(new GraphQLStringValue("x")));
    }

    [Theory]
    [InlineData(12L, "12")]
    [InlineData(12, "12")]
    [InlineData("12", "12")]
    [InlineData(0L, null)]
    [InlineData(-1L, null)]
    [InlineData(null, null)]
    public void Core_id_serialises_as_a_numeric_string_and_zero_as_null(object? value, string? expected)
    {
        Assert.Equal(expected, new CoreIdGraphType().Serialize(value));
    }

    [Theory]
    [InlineData(1696837540, 1696837540L)]
    [InlineData("1696837540", 1696837540L)]
    [InlineData("2023-10-09T07:45:40Z", 1696837540L)]
    [InlineData("2023-10-09T19:45:40+12:00", 1696837540L)]
    [InlineData("2023-10-09", 1696809600L)]
    [InlineData(0, null)]
    [InlineData("", null)]
    public void Core_date_reads_timestamps_numeric_strings_and_iso8601(object input, long? expected)
    {
        Assert.Equal(expected, new CoreDateGraphType().ParseValue(input));
    }

    [Theory]
    [InlineData("not a date")]
    [InlineData("   ")]
    [InlineData(true)]
    public void Core_date_refuses_what_is_not_a_date(object input)
    {
        Assert.Throws<InvalidParameterException>(() => new CoreDateGraphType().ParseValue(input));
    }

    [Theory]
    [InlineData(1696837540L, "1696837540")]
    [InlineData("27/05/2022, 10:51", "27/05/2022, 10:51")]
    [InlineData(0L, null)]
    [InlineData(null, null)]
    public void Core_date_serialises_as_a_string_and_zero_as_null(object? value, string? expected)
    {
        Assert.Equal(expected, new CoreDateGraphType().Serialize(value));
    }

    [Theory]
    [InlineData("ann@example.com")]
    [InlineData("o'neil.j+tag@mail.example.co.uk")]
    public void Param_email_accepts_addresses(string address)
    {
        Assert.Equal(address, new ParamEmailGraphType().ParseValue(address));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ann@localhost")]
    [InlineData(" ann@example.com")]
    [InlineData("ann@@example.com")]
    [InlineData("ann example@example.com")]
    public void Param_email_refuses_invalid_addresses_with_totaras_message(string address)
    {
        var error = Assert.Throws<InvalidParameterException>(() => new ParamEmailGraphType().ParseValue(address));
        Assert.Equal("Invalid parameter value detected", error.Message);
    }

    [Fact]
    public void Param_email_reads_empty_as_null()
    {
        Assert.Null(new ParamEmailGraphType().ParseValue(""));
    }

    [Theory]
    [InlineData("jsmith")]
    [InlineData("j.smith-2_x@corp")]
    public void Param_username_accepts_clean_usernames(string username)
    {
        Assert.Equal(username, new ParamUsernameGraphType().ParseValue(username));
    }

    [Theory]
    [InlineData("JSmith")]
    [InlineData(" jsmith")]
    [InlineData("j smith")]
    [InlineData("jsmith!")]
    public void Param_username_refuses_what_cleaning_would_change(string username)
    {
        Assert.Throws<InvalidParameterException>(() => new ParamUsernameGraphType().ParseValue(username));
    }

    [Theory]
    [InlineData(20, 20L)]
    [InlineData("20", 20L)]
    [InlineData("", null)]
    public void Param_integer_reads_numbers_and_numeric_strings(object input, long? expected)
    {
        Assert.Equal(expected, new ParamIntegerGraphType().ParseValue(input));
    }

    [Fact]
    public void Param_integer_refuses_text()
    {
        Assert.Throws<InvalidParameterException>(() => new ParamIntegerGraphType().ParseValue("twenty"));
    }
}
