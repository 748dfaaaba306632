using Totara.Emulator.Domain.Hierarchy;

namespace Totara.Emulator.Domain;

public sealed partial class EmulatorState
{
    /// <summary>Position frameworks, types and positions.</summary>
    public HierarchyStore Positions { get; } = new("Position");

    /// <summary>Organisation frameworks, types and organisations.</summary>
    public HierarchyStore Organisations { get; } = new("Organisation");
}
