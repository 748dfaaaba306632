namespace Totara.Client.Tests.Unit;

public sealed class PageSizeTests
{
    private static TotaraClient Client(int maxComplexity) =>
        new(new TotaraClientOptions(new Uri("https://learn.example.com"), TotaraCredential.FromClientCredentials("id", "secret"))
        {
            MaxComplexity = maxComplexity,
        });

    [Fact]
    public void The_page_size_keeps_a_page_within_the_batch_share_of_the_limit()
    {
        using var client = Client(200);

        // 200 * 0.8 = 160; minus root 5 and items/total/next_cursor 3 = 152; 3 fields an item.
        Assert.Equal(50, client.PageSizeFor("{ id username email }"));
    }

    [Fact]
    public void The_page_size_is_capped_by_the_maximum_asked_for()
    {
        using var client = Client(6_000);

        Assert.Equal(1000, client.PageSizeFor("{ id username email }"));
        Assert.Equal(1597, client.PageSizeFor("{ id username email }", maximum: 5000));
    }

    [Fact]
    public void Nested_objects_count_their_fields_per_item()
    {
        using var client = Client(200);

        // id + card_display + its 2 fields = 4 a user.
        Assert.Equal(38, client.PageSizeFor("id card_display { profile_picture_url profile_picture_alt }"));
    }
}
