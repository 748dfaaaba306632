namespace Totara.Emulator.Domain;

/// <summary>
/// All data of the emulated site, held in indexed in-memory stores. Each API area adds its
/// store in a partial file of its own (EmulatorState.Users.cs, EmulatorState.Cohorts.cs, ...).
/// Stores lock themselves; resolvers of different requests run concurrently.
/// </summary>
public sealed partial class EmulatorState
{
}
