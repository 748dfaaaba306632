namespace Totara.Emulator.Tests.Learning;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class SettableTime : TimeProvider
{
    public SettableTime(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
