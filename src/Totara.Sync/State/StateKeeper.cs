using System.Collections.Generic;

namespace Totara.Sync;

/// <summary>The run's state and where it is saved; with no state file, remembering is a no-op.</summary>
internal sealed class StateKeeper
{
    private readonly SyncState? _state;
    private readonly string? _path;
    private bool _dirty;

    public StateKeeper(SyncState? state, string? path)
    {
        _state = state;
        _path = path;
    }

    /// <summary>Records a membership; true when it was not recorded before.</summary>
    public bool Record(Membership membership) => _state is not null && Mark(_state.Add(membership));

    public void Forget(Membership membership)
    {
        if (_state is not null) Mark(_state.Remove(membership));
    }

    public void ForgetUsers(ICollection<long> userIds)
    {
        if (_state is not null) Mark(_state.RemoveUsers(userIds) > 0);
    }

    /// <summary>Writes the state file if anything changed since the last save.</summary>
    public void Save()
    {
        if (_state is null || _path is null || !_dirty) return;
        SyncStateFile.Save(_state, _path);
        _dirty = false;
    }

    private bool Mark(bool changed)
    {
        _dirty |= changed;
        return changed;
    }
}
