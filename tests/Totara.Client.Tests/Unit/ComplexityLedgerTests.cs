using Totara.Client.Pacing;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Unit;

public sealed class ComplexityLedgerTests
{
    [Fact]
    public async Task Bookings_up_to_one_point_under_the_budget_do_not_wait()
    {
        // Totara checks each root field for room for one more point: rate + 1 <= limit.
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock);

        (await ledger.ReserveAsync(400, CancellationToken.None)).Settle(siteAnswered: true);
        (await ledger.ReserveAsync(599, CancellationToken.None)).Settle(siteAnswered: true);

        Assert.Equal(TimeSpan.Zero, clock.Waited);
        Assert.Equal(999, ledger.SpentInWindow);
        Assert.Equal(1000, ledger.Budget);
    }

    [Fact]
    public async Task A_full_window_ends_only_with_a_request_and_then_its_points_fade_as_prev()
    {
        var clock = new VirtualClock();
        var opener = new CountingOpener();
        var ledger = new ComplexityLedger(1000, clock, opener);
        (await ledger.ReserveAsync(999, CancellationToken.None)).Settle(siteAnswered: true);   // t=0 starts the window

        await ledger.ReserveAsync(500, CancellationToken.None);

        // The window has surely ended for a request sent 62 s after its start: the opener's 6-point
        // request starts the next one there, with prev = 999. 500 more fit once
        // round(999 × (60 − e) / 60) + 6 + 500 <= 999, at e = 31 whole seconds counted surely (t = 62 + 32).
        Assert.Equal(1, opener.Opened);
        Assert.Equal(TimeSpan.FromSeconds(94), clock.Waited);
    }

    [Fact]
    public async Task After_an_idle_hour_the_stale_total_counts_in_full_until_a_one_field_request_starts_the_window()
    {
        var clock = new VirtualClock();
        var opener = new CountingOpener();
        var ledger = new ComplexityLedger(1000, clock, opener);
        (await ledger.ReserveAsync(999, CancellationToken.None)).Settle(siteAnswered: true);
        clock.Advance(TimeSpan.FromHours(1));

        var booked = await ledger.ReserveAsync(10, CancellationToken.None);

        // Waiting an hour freed nothing (rotate_values copies the old counter into prev): the
        // opener starts the window, then 2 s of fading make room for 10 (round(999 × 59/60) = 982).
        Assert.Equal(1, opener.Opened);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Waited);
        Assert.Equal(10, booked.Points);
    }

    [Fact]
    public async Task Without_a_request_the_window_never_ends_so_no_opener_means_no_room()
    {
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock);
        (await ledger.ReserveAsync(999, CancellationToken.None)).Settle(siteAnswered: true);
        clock.Advance(TimeSpan.FromHours(1));
        using var cancel = new CancellationTokenSource();

        var waiting = ledger.ReserveAsync(10, cancel.Token);
        await Task.Delay(50);

        Assert.False(waiting.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task A_booking_in_flight_counts_in_full_until_it_settles()
    {
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock, new CountingOpener());
        var inFlight = await ledger.ReserveAsync(999, CancellationToken.None);

        var next = ledger.ReserveAsync(1, CancellationToken.None);
        await Task.Yield();
        Assert.False(next.IsCompleted);
        Assert.Equal(TimeSpan.Zero, clock.Waited);

        inFlight.Settle(siteAnswered: true);
        await next.WaitAsync(TimeSpan.FromSeconds(30));

        // Its answer is the latest the window can have started: the 62 s count from there.
        Assert.True(clock.Waited >= TimeSpan.FromSeconds(62), $"waited {clock.Waited}");
    }

    [Fact]
    public async Task A_booking_answered_after_the_window_may_have_ended_stays_in_the_current_counter()
    {
        var clock = new VirtualClock();
        var opener = new CountingOpener();
        var ledger = new ComplexityLedger(1000, clock, opener);
        (await ledger.ReserveAsync(100, CancellationToken.None)).Settle(siteAnswered: true);     // t=0: the window starts
        clock.Advance(TimeSpan.FromSeconds(59));
        var straddling = await ledger.ReserveAsync(800, CancellationToken.None);                // t=59
        clock.Advance(TimeSpan.FromSeconds(5));
        straddling.Settle(siteAnswered: true);                                                  // t=64: its points may be in the next window

        var next = await ledger.ReserveAsync(1, CancellationToken.None);                        // t=64: surely a new window
        next.Settle(siteAnswered: true);

        // prev is only the 100 settled before t=60, and it has faded away a minute later;
        // the 800 (and the 1) count in full, not faded.
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(801, ledger.SpentInWindow);
    }

    [Fact]
    public async Task Settling_with_the_real_cost_frees_points_the_estimate_overstated()
    {
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock);
        var booking = await ledger.ReserveAsync(900, CancellationToken.None);

        booking.Settle(100);
        await ledger.ReserveAsync(899, CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, clock.Waited);
        Assert.Equal(999, ledger.SpentInWindow);
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
        (await ledger.ReserveAsync(899, CancellationToken.None)).Settle();
        Assert.Equal(899, ledger.SpentInWindow);
    }

    [Fact]
    public async Task A_request_larger_than_the_whole_budget_goes_alone_when_the_window_is_empty()
    {
        var ledger = new ComplexityLedger(100, new VirtualClock());

        var booking = await ledger.ReserveAsync(5000, CancellationToken.None);

        Assert.Equal(5000, booking.Points);
    }

    [Fact]
    public async Task Waiting_for_room_is_cancellable()
    {
        var ledger = new ComplexityLedger(100, TimeProvider.System);
        (await ledger.ReserveAsync(99, CancellationToken.None)).Settle(siteAnswered: true);
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

    /// <summary>Opens the window as the site would see it: a 6-point request answered at once.</summary>
    private sealed class CountingOpener : IWindowOpener
    {
        public int Opened { get; private set; }

        public Task OpenAsync(ComplexityLedger ledger, CancellationToken ct)
        {
            Opened++;
            ledger.BookWindowOpening(6).Settle(6, siteAnswered: true);
            return Task.CompletedTask;
        }
    }
}
