using System.Runtime.InteropServices;
using Totara.Emulator;
using Totara.Emulator.Hosting;

// The standalone emulator: `dotnet run --project src/Totara.Emulator -- --port 5099 ...`.
// Other tools wait for the exact "listening" line below, so its wording must not change.
CommandLine line;
try
{
    line = CommandLine.Parse(args);
}
catch (FormatException ex)
{
    Console.Error.WriteLine($"Totara emulator: {ex.Message}");
    Console.Error.WriteLine();
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

if (line.ShowHelp)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
void RequestStop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);

EmulatorHost host;
try
{
    host = await EmulatorHost.StartAsync(line.Options, consoleWarnings: true, CancellationToken.None);
}
catch (IOException ex)
{
    // Typically the port is taken by another process.
    Console.Error.WriteLine($"Totara emulator: cannot listen on 127.0.0.1:{line.Options.Port}: {ex.Message}");
    return 1;
}

await using var running = host;
host.AddClient(line.ClientId, line.ClientSecret, line.AllowIntrospection, line.ServiceUsername);
if (line.ClientAllowedAddresses.Count > 0)
{
    host.RestrictClientAddresses(line.ClientId, line.ClientAllowedAddresses.ToArray());
}

foreach (var (clientId, clientSecret) in line.ExtraClients)
{
    // Each --client is a client of its own (its own rate-limit record), acting as the same service account.
    host.AddClient(clientId, clientSecret, line.AllowIntrospection, line.ServiceUsername);
}

Console.WriteLine($"Totara emulator listening on {host.Url.GetLeftPart(UriPartial.Authority)}");

await stop.Task;
await host.StopAsync();
Console.WriteLine("Totara emulator stopped");
return 0;
