using Totara.Emulator.Schema.Formatting;

namespace Totara.Emulator.Tests.Schema;

/// <summary>The formatters behind format arguments give Totara's output for each format value.</summary>
public class FormatterTests
{
    // 1 September 2022 12:06:53 UTC, a Thursday: the reference's own examples use this date.
    private static readonly long Timestamp = new DateTimeOffset(2022, 9, 1, 12, 6, 53, TimeSpan.Zero).ToUnixTimeSeconds();

    [Theory]
    [InlineData("ISO8601", "2022-09-01T12:06:53+0000")]
    [InlineData("DAYDATETIME", "Thursday, 1 September 2022, 12:06 PM")]
    [InlineData("TIME", "12:06 PM")]
    [InlineData("TIMESHORT", "12:06")]
    [InlineData("DATE", "1 September 2022")]
    [InlineData("DATESHORT", "1 September")]
    [InlineData("DATELONG", "1/09/2022")]
    [InlineData("DATETIME", "1 September 2022, 12:06 PM")]
    [InlineData("DATETIMESHORT", "1/09/22, 12:06")]
    [InlineData("DATETIMELONG", "1/09/2022, 12:06")]
    [InlineData("DATETIMESECONDS", "1 Sep 2022 at 12:06:53")]
    public void Dates_format_like_the_references_examples(string format, string expected)
    {
        Assert.Equal(expected, CoreDateFormatter.Format(Timestamp, format));
    }

    [Fact]
    public void Timestamp_format_keeps_the_number_and_no_date_is_null()
    {
        Assert.Equal(Timestamp, CoreDateFormatter.Format(Timestamp, "TIMESTAMP"));
        Assert.Equal(Timestamp, CoreDateFormatter.Format(Timestamp.ToString(), "TIMESTAMP"));
        Assert.Null(CoreDateFormatter.Format(0L, "DATE"));
        Assert.Null(CoreDateFormatter.Format(null, "ISO8601"));
    }

    [Fact]
    public void Morning_hours_lose_their_leading_zero_in_12_hour_formats_only()
    {
        var morning = new DateTimeOffset(2022, 5, 27, 9, 5, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Equal("9:05 AM", CoreDateFormatter.Format(morning, "TIME"));
        Assert.Equal("09:05", CoreDateFormatter.Format(morning, "TIMESHORT"));
        Assert.Equal("27/05/22, 09:05", CoreDateFormatter.Format(morning, "DATETIMESHORT"));
    }

    [Theory]
    [InlineData("RAW", "<b>Ann</b> & Co", "<b>Ann</b> & Co")]
    [InlineData("HTML", "<b>Ann</b> & Co", "Ann &amp; Co")]
    [InlineData("HTML", "Ann &amp; Co", "Ann &amp; Co")]
    [InlineData("PLAIN", "<b>Ann</b> & Co", "Ann & Co")]
    [InlineData("HTML", "x < y", "x &lt; y")]
    [InlineData("PLAIN", "x < y", "x < y")]
    public void Plain_strings_format_as_totaras_string_formatter(string format, string stored, string expected)
    {
        Assert.Equal(expected, CoreTextFormatter.Format(stored, format, richText: false));
    }

    [Theory]
    [InlineData("RAW", "<p>Hi &amp; bye</p>", "<p>Hi &amp; bye</p>")]
    [InlineData("HTML", "<p>Hi &amp; bye</p>", "<p>Hi &amp; bye</p>")]
    [InlineData("PLAIN", "<p>Hi &amp; bye</p><p>Next</p>", "Hi & bye\nNext")]
    public void Rich_text_formats_as_totaras_text_formatter(string format, string stored, string expected)
    {
        Assert.Equal(expected, CoreTextFormatter.Format(stored, format, richText: true));
    }

    [Theory]
    [InlineData("MARKDOWN")]
    [InlineData("JSON_EDITOR")]
    [InlineData("MOBILE")]
    public void Plain_strings_refuse_formats_the_string_formatter_does_not_support(string format)
    {
        var error = Assert.Throws<NotSupportedException>(() => CoreTextFormatter.Format("Ann", format, richText: false));
        Assert.Equal($"{format} format is currently not supported by the string formatter.", error.Message);
    }
}
