using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Site;

/// <summary>
/// A batch in which every mutation fails (a rerun of creates, say): Totara stops each request at
/// its first alias, so the client resends the rest n times. Each round must book what the site
/// charged (the one alias that ran), or the budget fills with n²/2 aliases and the run stalls.
/// </summary>
public sealed class FailedBatchPacingTests
{
    [Fact]
    public async Task A_batch_in_which_every_mutation_fails_books_points_linear_in_its_size()
    {
        const int n = 100;
        await using var site = await TestSite.StartAsync();
        var usernames = Enumerable.Range(0, n).Select(i => $"existing{i}").ToList();
        await site.Client.ExecuteBatchAsync(usernames.Select(u => Documents.CreateUser(site.Host, u, recoverable: false))).ToListAsync();
        var bookedBefore = site.Client.ComplexitySpentInWindow;
        var chargedBefore = site.Host.Counters.PointsSpent;

        var results = await site.Client.ExecuteBatchAsync(usernames.Select(u => Documents.CreateUser(site.Host, u, recoverable: false))).ToListAsync();

        Assert.All(results, r => Assert.False(r.Succeeded));
        var booked = site.Client.ComplexitySpentInWindow - bookedBefore;
        var charged = site.Host.Counters.PointsSpent - chargedBefore;
        const int perCreate = 13; // 10 for the mutation, 1 each for user, id and username
        // One failed alias booked per round: n creates' worth, not the n(n+1)/2 of booking every resend whole.
        Assert.Equal(n * perCreate, booked);
        // And never less than the site charged (its root field for each failed create).
        Assert.True(booked >= charged, $"booked {booked}, the site charged {charged}");
    }
}
