namespace Totara.Emulator.Domain.Courses;

/// <summary>Time and site address as the learning area sees them.</summary>
public static class LearningClock
{
    /// <summary>The address the emulated site reports in the URLs it hands out.</summary>
    public const string SiteUrl = "https://totara.example.com";

    /// <summary>The emulated site's current unix time, from the state's learning time source.</summary>
    public static long Now(EmulatorState state) => state.LearningTime.GetUtcNow().ToUnixTimeSeconds();
}
