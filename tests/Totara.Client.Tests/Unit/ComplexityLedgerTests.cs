using Totara.Client.Pacing;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Unit;

public sealed class ComplexityLedgerTests
{
    [Fact]
    public async Task Bookings_up_to_the_whole_budget_do_not_wait()
    {
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock);

        (await ledger.ReserveAsync(400, CancellationToken.None)).Settle();
        (await ledger.ReserveAsync(600, CancellationToken.None)).Settle();

        Assert.Equal(TimeSpan.Zero, clock.Waited);
        Assert.Equal(1000, ledger.SpentInWindow);
        Assert.Equal(1000, ledger.Budget);
    }

    [Fact]
    public async Task A_booking_over_the_budget_waits_exactly_until_old_points_leave_the_window()
    {
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock);
        (await ledger.ReserveAsync(700, CancellationToken.None)).Settle();
        clock.Advance(TimeSpan.FromSeconds(20));
        (await ledger.ReserveAsync(300, CancellationToken.None)).Settle();

        await ledger.ReserveAsync(500, CancellationToken.None);

        // The 700 settled at t=0 leave the window at t=60: 40 s more, not a second longer.
        Assert.Equal(TimeSpan.FromSeconds(40), clock.Waited);
        Assert.Equal(800, ledger.SpentInWindow);
    }

    [Fact]
    public async Task The_window_of_a_booking_starts_when_its_answer_arrives()
    {
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock);
        var booking = await ledger.ReserveAsync(1000, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));     // the request runs for 10 s; the site charges it somewhere in there
        booking.Settle();

        await ledger.ReserveAsync(1, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(60), clock.Waited);
    }

    [Fact]
    public async Task A_booking_in_flight_never_leaves_the_window_until_it_settles()
    {
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock);
        var inFlight = await ledger.ReserveAsync(1000, CancellationToken.None);

        var next = ledger.ReserveAsync(1, CancellationToken.None);
        await Task.Yield();
        Assert.False(next.IsCompleted);
        Assert.Equal(TimeSpan.Zero, clock.Waited);

        inFlight.Settle();
        await next.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(60), clock.Waited);
    }

    [Fact]
    public async Task Settling_with_the_real_cost_frees_points_the_estimate_overstated()
    {
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock);
        var booking = await ledger.ReserveAsync(900, CancellationToken.None);

        booking.Settle(100);
        await ledger.ReserveAsync(900, CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, clock.Waited);
        Assert.Equal(1000, ledger.SpentInWindow);
    }

    [Fact]
    public async Task Settling_twice_counts_once()
    {
        var ledger = new ComplexityLedger(1000, new VirtualClock());
        var booking = await ledger.ReserveAsync(300, CancellationToken.None);

        booking.Settle(200);
        booking.Settle(900);

        Assert.Equal(200, ledger.SpentInWindow);
    }

    [Fact]
    public async Task A_margin_keeps_a_share_of_the_budget_unspent()
    {
        var ledger = new ComplexityLedger(1000, new VirtualClock(), margin: 0.1);

        Assert.Equal(900, ledger.Budget);
        (await ledger.ReserveAsync(900, CancellationToken.None)).Settle();
        Assert.Equal(900, ledger.SpentInWindow);
    }

    [Fact]
    public async Task A_request_larger_than_the_whole_budget_goes_alone_when_the_window_is_empty()
    {
        var ledger = new ComplexityLedger(100, new VirtualClock());

        var booking = await ledger.ReserveAsync(5000, CancellationToken.None);

        Assert.Equal(5000, booking.Points);
    }

    [Fact]
    public async Task A_long_run_spends_the_whole_budget_each_window_and_never_more()
    {
        // 100 requests of 100 points, budget 1,000 a minute, each answered 1 s after it is sent.
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock);
        var start = clock.GetTimestamp();
        var bookings = new List<(TimeSpan Sent, TimeSpan Answered)>();
        for (var i = 0; i < 100; i++)
        {
            var booking = await ledger.ReserveAsync(100, CancellationToken.None);
            var sent = clock.GetElapsedTime(start);
            clock.Advance(TimeSpan.FromSeconds(1));
            booking.Settle();
            bookings.Add((sent, clock.GetElapsedTime(start)));
        }

        // The site charges each request between its sending and its answer: no 60 s window can
        // hold more than the budget, wherever in that interval the charge fell.
        foreach (var (sent, _) in bookings)
        {
            var overlapping = bookings.Count(b => b.Sent <= sent && b.Answered > sent - ComplexityLedger.Window);
            Assert.True(overlapping * 100 <= 1000, $"{overlapping * 100} points may sit in the window at {sent}");
        }

        // And no slower than that: 10 bursts of 10 requests, each burst 60 s after the previous one's first answer.
        var expectedLast = TimeSpan.FromSeconds(9 * 61 + 9);
        Assert.Equal(expectedLast, bookings[^1].Sent);
    }

    [Fact]
    public async Task Waiting_for_room_is_cancellable()
    {
        var ledger = new ComplexityLedger(100, TimeProvider.System);
        (await ledger.ReserveAsync(100, CancellationToken.None)).Settle();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ledger.ReserveAsync(50, cancel.Token));
    }

    [Fact]
    public async Task Waiting_for_a_booking_in_flight_is_cancellable()
    {
        var ledger = new ComplexityLedger(100, new VirtualClock());
        await ledger.ReserveAsync(100, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = ledger.ReserveAsync(50, cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
