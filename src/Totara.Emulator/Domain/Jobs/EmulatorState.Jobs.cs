using Totara.Emulator.Domain.Jobs;

namespace Totara.Emulator.Domain;

public sealed partial class EmulatorState
{
    /// <summary>Job assignments (position, organisation, manager, appraiser of each user's jobs).</summary>
    public JobAssignmentStore Jobs { get; } = new();
}
