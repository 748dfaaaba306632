using System.Runtime.InteropServices;

namespace Totara.Benchmarks.Reporting;

/// <summary>The machine a run was measured on, and how busy it was.</summary>
internal static class MachineInfo
{
    public static string Cores => Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Memory => $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GB";

    public static string OperatingSystem => RuntimeInformation.OSDescription + " " + RuntimeInformation.OSArchitecture;

    public static string DotNet => RuntimeInformation.FrameworkDescription;

    /// <summary>The 1-minute load average (Linux), or "n/a": other work on the machine skews figures.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
