using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Totara.Testing;

/// <summary>
/// The standalone emulator started as its own process (the built Totara.Emulator.dll under the
/// dotnet host), exactly as tools outside the test run start it.
/// </summary>
public sealed partial class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, string readyLine, Uri url)
    {
        _process = process;
        ReadyLine = readyLine;
        Url = url;
    }

    public string ReadyLine { get; }

    public Uri Url { get; }

    public Process Process => _process;

    /// <summary>Starts the emulator and waits for its "listening" line (at most 60 s).</summary>
    public static async Task<EmulatorProcess> StartAsync(params string[] args)
    {
        var process = Process.Start(CreateStartInfo(args)) ?? throw new InvalidOperationException("The emulator process did not start.");
        var readLine = process.StandardOutput.ReadLineAsync();
        var finished = await Task.WhenAny(readLine, Task.Delay(TimeSpan.FromSeconds(60)));
        var line = finished == readLine ? await readLine : null;
        var match = line is null ? null : ReadyPattern().Match(line);
        if (match is null || !match.Success)
        {
            process.Kill(entireProcessTree: true);
            var errors = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"The emulator did not report readiness. First line: '{line}'. Errors: {errors}");
        }

        return new EmulatorProcess(process, line!, new Uri($"http://127.0.0.1:{match.Groups[1].Value}/"));
    }

    /// <summary>Runs the emulator to completion (for argument errors and --help).</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var process = Process.Start(CreateStartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Sends SIGTERM, as a service manager or `kill` would.</summary>
    public void Terminate()
    {
        if (kill(_process.Id, 15) != 0)
        {
            throw new InvalidOperationException("Could not send SIGTERM to the emulator.");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static ProcessStartInfo CreateStartInfo(string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Totara.Emulator.dll");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    [GeneratedRegex(@"^Totara emulator listening on http://127\.0\.0\.1:(\d+)$")]
    private static partial Regex ReadyPattern();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
