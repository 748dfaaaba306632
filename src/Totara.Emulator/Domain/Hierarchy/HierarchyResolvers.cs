using GraphQL.Utilities;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Hierarchy;

/// <summary>
/// Output types for positions and organisations (their frameworks and types). There are no
/// root fields: hierarchy items are reached through job assignments.
/// </summary>
public sealed class HierarchyResolvers : IResolverModule
{
    public void Register(TypeSettings types, EmulatorState state)
    {
        RegisterKind(types, state.Positions, "totara_hierarchy_position", "totara_hierarchy_position_framework", "totara_hierarchy_position_type");
        RegisterKind(types, state.Organisations, "totara_hierarchy_organisation", "totara_hierarchy_organisation_framework", "totara_hierarchy_organisation_type");
        types.For("totara_hierarchy_position_framework")
            .Field<FrameworkOf>("positions", f => state.Positions.InFramework(f.Framework.Id));
    }

    private static void RegisterKind(TypeSettings types, HierarchyStore store, string itemType, string frameworkType, string typeType)
    {
        var item = types.For(itemType);
        item.Field<HierarchyItem>("id", i => i.Id);
        item.Text<HierarchyItem>("fullname", i => i.FullName);
        item.Field<HierarchyItem>("idnumber", i => i.IdNumber);
        item.Text<HierarchyItem>("shortname", i => i.ShortName);
        item.Text<HierarchyItem>("description", i => i.Description);
        item.Field<HierarchyItem>("frameworkid", i => i.FrameworkId);
        item.Field<HierarchyItem>("framework", i => store.GetFramework(i.FrameworkId) is { } f ? new FrameworkOf(f) : null);
        item.Field<HierarchyItem>("path", i => i.Path);
        item.Field<HierarchyItem>("visible", i => i.Visible);
        item.Field<HierarchyItem>("parentid", i => i.ParentId);
        item.Field<HierarchyItem>("parent", i => store.Get(i.ParentId));
        item.Field<HierarchyItem>("children", i => store.Children(i.Id));
        item.Field<HierarchyItem>("typeid", i => i.TypeId);
        item.Field<HierarchyItem>("type", i => store.GetItemType(i.TypeId));

        var framework = types.For(frameworkType);
        framework.Field<FrameworkOf>("id", f => f.Framework.Id);
        framework.Text<FrameworkOf>("fullname", f => f.Framework.FullName);
        framework.Field<FrameworkOf>("idnumber", f => f.Framework.IdNumber);
        framework.Text<FrameworkOf>("shortname", f => f.Framework.ShortName);
        framework.Text<FrameworkOf>("description", f => f.Framework.Description);

        var type = types.For(typeType);
        type.Field<HierarchyType>("id", t => t.Id);
        type.Text<HierarchyType>("fullname", t => t.FullName);
        type.Field<HierarchyType>("idnumber", t => t.IdNumber);
        type.Text<HierarchyType>("shortname", t => t.ShortName);
        type.Text<HierarchyType>("description", t => t.Description);
    }

    /// <summary>Wraps a framework so the position framework's extra field can find its store.</summary>
    private sealed record FrameworkOf(HierarchyFramework Framework);
}
