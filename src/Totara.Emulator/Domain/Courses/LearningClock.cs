namespace Totara.Emulator.Domain.Courses;

/// <summary>Time and site address as the learning area sees them.</summary>
public static class LearningClock
{
    /// <summary>The address the emulated site reports in the URLs it hands out.</summary>
    public const string SiteUrl = "https://totara.example.com";

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
