using System.Diagnostics;
using System.Security.Cryptography;
using System.Xml.Linq;
using Totara.Emulator;

// Usage: dotnet run --project tools/Totara.DemoRunner [-- <script.ps1>]
// Starts the in-process Totara emulator with demo data and one API client, then runs
// samples/demo.ps1 (or the given script) with -Url, -ClientId and -ClientSecret in real pwsh
// (`dotnet tool run pwsh`, PowerShell 7.6.10 pinned in .config/dotnet-tools.json), with the
// module imported from out/. The exit code is pwsh's: 1 when a terminating error stopped the script.

string repoRoot = FindRepoRoot();
string moduleVersion = XDocument.Load(Path.Combine(repoRoot, "Directory.Build.props"))
    .Descendants("ModuleVersion").Single().Value.Trim();
string manifest = Path.Combine(repoRoot, "out", "Totara.PowerShell", moduleVersion, "Totara.PowerShell.psd1");
string script = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(repoRoot, "samples", "demo.ps1"));

if (!File.Exists(manifest))
{
    Console.Error.WriteLine($"The module is not built: {manifest} is missing. Run: dotnet build src/Totara.PowerShell");
    return 1;
}
if (!File.Exists(script))
{
    Console.Error.WriteLine($"No script at {script}.");
    return 1;
}

const string clientId = "demo-runner";
// A fresh secret per run: the demo must work without knowing it in advance.
string clientSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Demo = true });
emulator.AddClient(clientId, clientSecret);
string url = emulator.Url.ToString().TrimEnd('/');
Console.WriteLine($"Totara emulator with demo data: {url} (client '{clientId}')");
Console.WriteLine($"Module: {Path.GetDirectoryName(manifest)}");
Console.WriteLine($"Running {Path.GetRelativePath(repoRoot, script)} in pwsh");

var pwsh = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
{
    WorkingDirectory = repoRoot,   // where .config/dotnet-tools.json names the pwsh tool
    UseShellExecute = false,
};
foreach (string argument in new[]
{
    "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive",
    "-File", Path.Combine(AppContext.BaseDirectory, "Start-Demo.ps1"),
    "-ModuleManifest", manifest, "-Script", script, "-Url", url, "-ClientId", clientId,
})
    pwsh.ArgumentList.Add(argument);
pwsh.Environment["TOTARA_DEMO_CLIENT_SECRET"] = clientSecret;
// Redirected (a log, a CI job): plain text at the source, no ANSI escape codes.
if (Console.IsOutputRedirected) pwsh.Environment["NO_COLOR"] = "1";

Console.Out.Flush();
using var process = Process.Start(pwsh) ?? throw new InvalidOperationException("pwsh did not start.");
// Ctrl+C reaches pwsh too (same console): let it stop the script, then report its exit code.
Console.CancelKeyPress += (_, e) => e.Cancel = true;
await process.WaitForExitAsync();
return process.ExitCode;


static string FindRepoRoot()
{
    foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Totara.PowerShell.sln"))) return folder.FullName;
        }
    }
    throw new InvalidOperationException("Run the demo runner inside the repository: no Totara.PowerShell.sln found above here.");
}
