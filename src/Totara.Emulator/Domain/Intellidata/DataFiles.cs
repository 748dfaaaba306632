using System.Security.Cryptography;
using System.Text;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Intellidata;

public sealed record DataFile(string FileName, string FileArea, long ItemId, string FilePath, string MimeType, long FileSize, long TimeModified, string FileUrl);

public sealed record DataFileGroup(string Datatype, IReadOnlyList<DataFile> Files, IReadOnlyList<DataFile> MigrationFiles);

public sealed record DataFilesResult(IReadOnlyList<DataFileGroup> Items, long LastMigrationDate, long LastExportDate, string PluginVersion);

/// <summary>The export files IntelliBoard downloads: one zip per datatype per export, named from a hash as the plugin does.</summary>
public static class DataFiles
{
    public static DataFilesResult List(IntellidataStore store, IReadOnlyDictionary<string, object?>? input)
    {
        var start = GraphInput.Date(input, "timestart");
        var end = GraphInput.Date(input, "timeend");
        if (start is not null && end is not null && start > end)
        {
            throw new TotaraApiException("Time start must be earlier than time end.");
        }

        var logs = store.Logs();
        var datatype = GraphInput.String(input, "datatype");
        if (datatype is not null && logs.All(l => l.Datatype != datatype))
        {
            throw new TotaraApiException("Invalid datatype.");
        }

        var groups = logs
            .Where(l => datatype is null || l.Datatype == datatype)
            .Select(l =>
            {
                var files = new List<DataFile>();
                if (l.LastExportedTime > 0 && (start is null || l.LastExportedTime >= start) && (end is null || l.LastExportedTime <= end))
                {
                    files.Add(File(l.Datatype, l.LastExportedTime, "export"));
                }

                var migration = l.Migrated == 1 ? new[] { File("migration_" + l.Datatype, l.TimeStart, "migration") } : Array.Empty<DataFile>();
                return new DataFileGroup(l.Datatype, files, migration);
            })
            .ToList();
        return new DataFilesResult(groups, store.LastMigrationDate, store.LastExportDate, IntellidataStore.PluginVersion);
    }

    private static DataFile File(string area, long time, string kind)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{area}|{time}|{kind}")))[..16].ToLowerInvariant();
        var name = hash + ".zip";
        var size = 200 + (Convert.ToInt32(hash[..6], 16) % 50_000);
        return new DataFile(name, area, 0, "/", "application/zip", size, time,
            $"{LearningClock.SiteUrl}/api/pluginfile.php/1/bi_intellidata/{area}/0/{name}");
    }
}
