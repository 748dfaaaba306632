using Totara.Client.Batching;

namespace Totara.Client.Tests.Unit;

/// <summary>The rule for how many batches go together: one more for each second a batch took, within bounds.</summary>
public sealed class InFlightLimitTests
{
    [Fact]
    public void Two_batches_go_together_until_the_site_is_seen_to_be_slow()
    {
        var limit = new InFlightLimit();
        Assert.Equal(InFlightLimit.Least, limit.Current);

        limit.Observe(TimeSpan.FromMilliseconds(80));

        Assert.Equal(2, limit.Current);
    }

    [Theory]
    [InlineData(1.5, 3)]
    [InlineData(4.0, 5)]
    [InlineData(60.0, InFlightLimit.Most)]
    public void Each_second_a_batch_took_lets_one_more_go_up_to_the_most(double seconds, int expected)
    {
        var limit = new InFlightLimit();

        limit.Observe(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, limit.Current);
    }

    [Fact]
    public void A_fast_answer_after_a_slow_one_brings_the_limit_back_down()
    {
        var limit = new InFlightLimit();
        limit.Observe(TimeSpan.FromSeconds(5));

        limit.Observe(TimeSpan.FromMilliseconds(200));

        Assert.Equal(InFlightLimit.Least, limit.Current);
    }
}
