using System.Security.Cryptography;
using System.Xml.Linq;
using Totara.DemoRunner;
using Totara.Emulator;

// Usage: dotnet run --project tools/Totara.DemoRunner [-- <script.ps1>]
// Starts the in-process Totara emulator with demo data and one API client, then runs
// samples/demo.ps1 (or the given script) with -Url, -ClientId and -ClientSecret in a hosted
// runspace that has the module imported from out/. Exit code 1 when the script is stopped
// by a terminating error.

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
Console.WriteLine($"Running {Path.GetRelativePath(repoRoot, script)}");

var parameters = new Dictionary<string, object>
{
    ["Url"] = url,
    ["ClientId"] = clientId,
    ["ClientSecret"] = ScriptRunner.Secure(clientSecret),
};
return new ScriptRunner(manifest).Run(script, parameters);


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
