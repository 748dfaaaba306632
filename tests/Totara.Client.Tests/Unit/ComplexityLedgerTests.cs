using Totara.Client.Pacing;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Unit;

public sealed class ComplexityLedgerTests
{
    [Fact]
    public async Task Bookings_within_the_budget_do_not_wait()
    {
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock, margin: 0);

        await ledger.ReserveAsync(400, CancellationToken.None);
        await ledger.ReserveAsync(600, CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, clock.Waited);
        Assert.Equal(1000, ledger.SpentInWindow);
    }

    [Fact]
    public async Task A_booking_over_the_budget_waits_until_old_points_leave_the_window()
    {
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock, margin: 0);
        await ledger.ReserveAsync(700, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(20));
        await ledger.ReserveAsync(300, CancellationToken.None);

        await ledger.ReserveAsync(500, CancellationToken.None);

        // The 700 booked at t=0 had to leave the window first (t >= 60 s); 40 s more were waited.
        Assert.InRange(clock.Waited, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(45));
        Assert.Equal(800, ledger.SpentInWindow);
    }

    [Fact]
    public async Task A_correction_frees_points_the_estimate_overstated()
    {
        var clock = new VirtualClock();
        var ledger = new ComplexityLedger(1000, clock, margin: 0);
        var booking = await ledger.ReserveAsync(900, CancellationToken.None);

        booking.Correct(100);
        await ledger.ReserveAsync(800, CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, clock.Waited);
    }

    [Fact]
    public async Task A_request_larger_than_the_whole_budget_goes_alone_when_the_window_is_empty()
    {
        var ledger = new ComplexityLedger(100, new VirtualClock(), margin: 0);

        var booking = await ledger.ReserveAsync(5000, CancellationToken.None);

        Assert.Equal(5000, booking.Points);
    }

    [Fact]
    public async Task Waiting_for_room_is_cancellable()
    {
        var ledger = new ComplexityLedger(100, TimeProvider.System, margin: 0);
        await ledger.ReserveAsync(100, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ledger.ReserveAsync(50, cancel.Token));
    }
}
