using Microsoft.Extensions.Hosting;

namespace Totara.Emulator.Hosting;

/// <summary>
/// A host lifetime that leaves Ctrl+C and SIGTERM alone. The default console lifetime would
/// claim those signals for every in-process emulator, so a test run could not be interrupted;
/// the command line handles them itself.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
