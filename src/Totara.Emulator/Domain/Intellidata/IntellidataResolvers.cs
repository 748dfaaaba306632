using System.Text.Json;
using GraphQL.Utilities;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Intellidata;

public sealed record DataResult(string Data);

/// <summary>
/// The seven bi_intellidata_* queries and three mutations IntelliBoard uses against a Totara
/// site, answering from the emulated site's own data where one exists (live_data reads the
/// real roles, categories and courses) and from <see cref="IntellidataCatalog"/> otherwise.
/// Validation and messages follow Totara's bi_intellidata resolvers.
/// </summary>
public sealed class IntellidataResolvers : IResolverModule
{
    public void Register(TypeSettings types, EmulatorState state)
    {
        var store = state.Intellidata;
        types.Root("Query", "bi_intellidata_validate_credentials", ctx => ValidateCredentials(store, ctx.ObjectArgument("input")));
        types.Root("Query", "bi_intellidata_live_data", ctx => new DataResult(LiveData.Json(state, GraphInput.String(ctx.ObjectArgument("input"), "datatype"))));
        types.Root("Query", "bi_intellidata_data_files", ctx => DataFiles.List(store, ctx.ObjectArgument("input")));
        types.Root("Query", "bi_intellidata_dbschema_custom", _ => new ItemsResult(IntellidataCatalog.Custom));
        types.Root("Query", "bi_intellidata_dbschema_unified", _ => new ItemsResult(IntellidataCatalog.Unified));
        types.Root("Query", "bi_intellidata_export_logs", _ => new ItemsResult(store.Logs()));
        types.Root("Query", "bi_intellidata_plugin_config", _ => new PluginConfig(store));
        types.Root("Mutation", "bi_intellidata_enable_processing", ctx => EnableProcessing(store, ctx.ObjectArgument("input")));
        types.Root("Mutation", "bi_intellidata_export_data", _ =>
        {
            store.MarkExported(LearningClock.Now(state));
            return DataFiles.List(store, null);
        });
        types.Root("Mutation", "bi_intellidata_set_datatype", ctx => SetDatatype(store, ctx.ObjectArgument("input"), ctx.ActorId(), LearningClock.Now(state)));

        foreach (var name in new[] { "bi_intellidata_validate_credentials_result", "bi_intellidata_live_data_result", "bi_intellidata_enable_processing_result", "bi_intellidata_set_datatype_result" })
        {
            types.For(name).Field<DataResult>("data", r => r.Data);
        }

        foreach (var name in new[] { "bi_intellidata_dbschema_custom_result", "bi_intellidata_dbschema_unified_result", "bi_intellidata_export_logs_result" })
        {
            types.For(name).Field<ItemsResult>("items", r => r.Items);
        }

        IntellidataTypes.Register(types);
    }

    private static DataResult ValidateCredentials(IntellidataStore store, IReadOnlyDictionary<string, object?>? input)
    {
        var code = GraphInput.String(input, "code");
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new TotaraApiException("Code can not be decoded.");
        }

        return code == store.ClientIdentifier ? new DataResult("ok") : throw new TotaraApiException("Wrong clientid.");
    }

    private static DataResult EnableProcessing(IntellidataStore store, IReadOnlyDictionary<string, object?>? input)
    {
        var status = GraphInput.String(input, "status")?.Trim();
        if (status is not ("0" or "1"))
        {
            throw new TotaraApiException("Invalid plugin status.");
        }

        var callback = GraphInput.String(input, "callbackurl")?.Trim();
        if (callback is not null && !IsUrl(callback))
        {
            throw new TotaraApiException("Invalid callbackurl.");
        }

        store.SetProcessing(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), callback);
        return new DataResult("ok");
    }

    private static DataResult SetDatatype(IntellidataStore store, IReadOnlyDictionary<string, object?>? input, long actorId, long now)
    {
        var exportFiles = GraphInput.Long(input, "exportfiles") ?? 0;
        if (exportFiles is not (0 or 1))
        {
            throw new TotaraApiException("Invalid exportfiles parameter.");
        }

        var callback = GraphInput.String(input, "callbackurl");
        if (callback is not null)
        {
            if (exportFiles != 1)
            {
                throw new TotaraApiException("Callback URL only works with exportfiles enabled.");
            }

            if (!IsUrl(callback.Trim()))
            {
                throw new TotaraApiException("Invalid callbackurl parameter.");
            }
        }

        var datatypes = (GraphInput.Get(input, "datatypes") as IEnumerable<object?> ?? Array.Empty<object?>())
            .Select(d => d?.ToString() ?? "").ToList();
        foreach (var datatype in datatypes)
        {
            if (string.IsNullOrWhiteSpace(datatype))
            {
                throw new TotaraApiException("A datatype must not be empty.");
            }

            if (IntellidataCatalog.RestrictedTables.Contains(datatype.Trim()))
            {
                throw new TotaraApiException("The table " + datatype + " is restricted.");
            }
        }

        foreach (var datatype in datatypes)
        {
            store.SetDatatype(datatype.Trim(), now, actorId);
        }

        return new DataResult("Datatype(s) successfully added / updated.");
    }

    private static bool IsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>A result that is just a list of items.</summary>
public sealed record ItemsResult(System.Collections.IEnumerable Items);

/// <summary>bi_intellidata_plugin_config: versions, scheduled tasks and plugin settings.</summary>
public sealed record PluginConfig(IntellidataStore Store);

/// <summary>bi_intellidata_live_data: the site's current roles, categories or courses as a JSON string.</summary>
public static class LiveData
{
    public static string Json(EmulatorState state, string? datatype)
    {
        object rows = datatype switch
        {
            "roles" => state.Roles.All.Select(r => new { id = r.Id, shortname = r.ShortName, name = r.Name, description = r.Description }).ToList(),
            "categories" => state.Courses.SnapshotCategories().Select(c => new
            {
                id = c.Id, name = c.Name, idnumber = c.IdNumber, parent = c.ParentId,
                path = "/" + string.Join("/", state.Courses.PathTo(c.Id).Select(p => p.Id)), visible = c.Visible ? 1 : 0, timemodified = c.TimeModified,
            }).ToList(),
            "courses" => state.Courses.SnapshotCourses().Select(c => new
            {
                id = c.Id, fullname = c.FullName, shortname = c.ShortName, idnumber = c.IdNumber, category = c.CategoryId,
                startdate = c.StartDate, enddate = c.EndDate, visible = c.Visible ? 1 : 0, timecreated = c.TimeCreated, timemodified = c.TimeModified,
            }).ToList(),
            _ => throw new TotaraApiException("Invalid datatype."),
        };
        return JsonSerializer.Serialize(rows);
    }
}
