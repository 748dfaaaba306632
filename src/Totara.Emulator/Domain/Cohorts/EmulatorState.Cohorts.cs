using Totara.Emulator.Domain.Cohorts;

namespace Totara.Emulator.Domain;

public sealed partial class EmulatorState
{
    /// <summary>Audiences (static and dynamic) and their members.</summary>
    public CohortStore Cohorts { get; } = new();
}
